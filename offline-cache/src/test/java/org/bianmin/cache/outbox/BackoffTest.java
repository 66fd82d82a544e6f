package org.bianmin.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BackoffTest {

    @Property
    void delayIsBetweenHalfAndAllOfTheCappedExponential(@ForAll @IntRange(min = 1, max = 200) int attempt,
                                                        @ForAll long seed) {
        Backoff b = Backoff.DEFAULT;
        long full = Math.min(b.cap().toMillis(), b.base().toMillis() * (1L << Math.min(attempt - 1, 30)));
        Duration d = b.delay(attempt, new SplittableRandom(seed));
        assertThat(d.toMillis()).isBetween(full / 2, full);
        assertThat(d).isLessThanOrEqualTo(b.cap());
    }
}
