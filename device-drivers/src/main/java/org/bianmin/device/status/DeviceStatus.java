package org.bianmin.device.status;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable snapshot of a device's status: what the app shows, what the portal heartbeat reports.
 *
 * @param deviceId  the configured device name (e.g. {@code idcard})
 * @param state     where the device stands
 * @param detail    short technician-facing explanation of the state (e.g. the port path); never personal data
 * @param supplies  consumables by name ({@code paper}); empty for devices without any
 * @param lastError the most recent error, kept after the device recovers
 * @param since     when this snapshot was taken
 */
public record DeviceStatus(String deviceId, DeviceState state, String detail, Map<String, SupplyLevel> supplies,
                           Optional<DeviceError> lastError, Instant since) {

    public DeviceStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        supplies = Map.copyOf(supplies);
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(since, "since");
    }
}
