package org.bianmin.device.status;

import java.time.Instant;
import java.util.Objects;

/**
 * The last error a device reported: a stable machine code (e.g. {@code SAM_FAILURE}, {@code DISCONNECTED}), a
 * human message for technicians, and when it happened. Never holds personal data.
 */
public record DeviceError(String code, String message, Instant at) {
    public DeviceError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
