package org.bianmin.protocol.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A kiosk's periodic health report. {@code oldestPendingAgeSeconds} is 0 when the outbox is empty;
 * {@code lastSyncAt} is the last successful contact with the catalogue source (null: never); {@code alerts}
 * are the kiosk's recent operator alerts (refused catalogue, blocked entry…), newest last, no personal data.
 * {@code selfCheck} is the kiosk's start-up self-check (added later: absent from older kiosks, read as empty).
 */
public record Heartbeat(String kioskId, String appVersion, long catalogueVersion, OffsetDateTime sentAt,
                        List<DeviceReport> devices, int outboxDepth, long oldestPendingAgeSeconds,
                        int blockedEntries, OffsetDateTime lastSyncAt, List<String> alerts, List<Check> selfCheck) {

    public static final int MAX_ALERTS = 10;
    public static final int MAX_CHECKS = 32;

    public Heartbeat {
        devices = devices == null ? List.of() : List.copyOf(devices);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        selfCheck = selfCheck == null ? List.of() : List.copyOf(selfCheck);
    }

    /** A heartbeat without self-check results. */
    public Heartbeat(String kioskId, String appVersion, long catalogueVersion, OffsetDateTime sentAt,
                     List<DeviceReport> devices, int outboxDepth, long oldestPendingAgeSeconds,
                     int blockedEntries, OffsetDateTime lastSyncAt, List<String> alerts) {
        this(kioskId, appVersion, catalogueVersion, sentAt, devices, outboxDepth, oldestPendingAgeSeconds,
                blockedEntries, lastSyncAt, alerts, List.of());
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
        if (selfCheck.size() > MAX_CHECKS) {
            problems.add("selfCheck: at most " + MAX_CHECKS);
        }
        for (int i = 0; i < selfCheck.size(); i++) {
            Check c = selfCheck.get(i);
            if (c == null || c.name() == null || c.name().isBlank() || c.status() == null) {
                problems.add("selfCheck[" + i + "]: name and status required");
            }
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

    /** One start-up check ({@code data-dir}, {@code port idcard}…) and what it found; no personal data. */
    public record Check(String name, CheckStatus status, String detail) {}

    public enum CheckStatus { PASS, WARN, FAIL }

    /** A consumable (paper roll…) and how much is left. */
    public record Supply(String name, SupplyLevel level) {}

    public enum SupplyLevel { OK, LOW, EMPTY }
}
