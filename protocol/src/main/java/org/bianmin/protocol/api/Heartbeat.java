package org.bianmin.protocol.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A kiosk's periodic health report. {@code oldestPendingAgeSeconds} is 0 when the outbox is empty;
 * {@code lastSyncAt} is the last successful contact with the catalogue source (null: never); {@code alerts}
 * are the kiosk's recent operator alerts (refused catalogue, blocked entry…), newest last, no personal data.
 */
public record Heartbeat(String kioskId, String appVersion, long catalogueVersion, OffsetDateTime sentAt,
                        List<DeviceReport> devices, int outboxDepth, long oldestPendingAgeSeconds,
                        int blockedEntries, OffsetDateTime lastSyncAt, List<String> alerts) {

    public static final int MAX_ALERTS = 10;

    public Heartbeat {
        devices = devices == null ? List.of() : List.copyOf(devices);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kioskId == null || kioskId.isBlank()) {
            problems.add("kioskId: required");
        }
        if (appVersion == null || appVersion.isBlank()) {
            problems.add("appVersion: required");
        }
        if (sentAt == null) {
            problems.add("sentAt: required");
        }
        if (outboxDepth < 0 || oldestPendingAgeSeconds < 0 || blockedEntries < 0) {
            problems.add("outboxDepth/oldestPendingAgeSeconds/blockedEntries: must not be negative");
        }
        if (alerts.size() > MAX_ALERTS) {
            problems.add("alerts: at most " + MAX_ALERTS);
        }
        for (int i = 0; i < devices.size(); i++) {
            DeviceReport d = devices.get(i);
            if (d == null || d.device() == null || d.device().isBlank() || d.state() == null) {
                problems.add("devices[" + i + "]: device and state required");
            }
        }
        return problems;
    }

    /** One device: {@code device} names it (printer, idcard, scanner…), {@code detail} is a technician's hint. */
    public record DeviceReport(String device, DeviceState state, String detail, List<Supply> supplies) {
        public DeviceReport {
            supplies = supplies == null ? List.of() : List.copyOf(supplies);
        }
    }

    public enum DeviceState { OK, WARNING, ERROR, OFFLINE }

    /** A consumable (paper roll…) and how much is left. */
    public record Supply(String name, SupplyLevel level) {}

    public enum SupplyLevel { OK, LOW, EMPTY }
}
