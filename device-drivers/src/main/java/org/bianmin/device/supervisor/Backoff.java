package org.bianmin.device.supervisor;

import java.time.Duration;

/**
 * Reconnect pacing: after a disconnect wait {@code settle} (jSerialComm fires dozens of disconnect events and a
 * replugged USB device needs a moment to enumerate), then retry at {@code initial}, doubling up to {@code max}.
 */
public record Backoff(Duration settle, Duration initial, Duration max) {

    public Backoff {
        if (settle.isNegative() || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need settle >= 0 and 0 < initial <= max");
        }
    }

    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /** Delay before retry number {@code attempt} (0-based). */
    public Duration delay(int attempt) {
        Duration d = initial;
        for (int i = 0; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
