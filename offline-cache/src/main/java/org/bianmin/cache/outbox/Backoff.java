package org.bianmin.cache.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits a random time in [d/2, d] where
 * d = min(cap, base × 2^(n-1)). The jitter keeps a hall full of kiosks from retrying in step after an outage.
 */
public record Backoff(Duration base, Duration cap) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30));

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
    }

    public Duration delay(int attempt, RandomGenerator random) {
        long d = base.toMillis();
        for (int i = 1; i < attempt && d < cap.toMillis(); i++) {
            d *= 2;
        }
        d = Math.min(d, cap.toMillis());
        return Duration.ofMillis(Math.max(1, d / 2 + random.nextLong(d - d / 2 + 1)));
    }
}
