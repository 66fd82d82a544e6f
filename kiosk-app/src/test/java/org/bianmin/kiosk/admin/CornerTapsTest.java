package org.bianmin.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CornerTapsTest {

    private final Instant t0 = Instant.parse("2026-11-21T03:00:00Z");

    @Test
    void fiveTapsWithinThreeSecondsOpenAndTheCountStartsAgain() {
        CornerTaps taps = new CornerTaps();
        for (int i = 0; i < 4; i++) {
            assertThat(taps.tap(t0.plusMillis(500L * i))).isFalse();
        }
        assertThat(taps.tap(t0.plusMillis(2000))).isTrue();
        assertThat(taps.tap(t0.plusMillis(2100))).as("counting again from zero").isFalse();
    }

    @Test
    void slowTapsOrATapElsewhereNeverAddUp() {
        CornerTaps taps = new CornerTaps();
        for (int i = 0; i < 10; i++) {
            assertThat(taps.tap(t0.plusMillis(800L * i))).as("tap %d, 0.8 s apart", i).isFalse();
        }
        CornerTaps interrupted = new CornerTaps();
        for (int i = 0; i < 4; i++) {
            interrupted.tap(t0.plusMillis(100L * i));
        }
        interrupted.elsewhere();
        assertThat(interrupted.tap(t0.plusMillis(500))).isFalse();
        assertThat(CornerTaps.inCorner(10, 10)).isTrue();
        assertThat(CornerTaps.inCorner(10, 200)).isFalse();
    }
}
