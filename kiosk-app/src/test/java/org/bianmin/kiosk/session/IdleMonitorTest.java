package org.bianmin.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleMonitorTest {

    private final Instant t0 = Instant.parse("2026-11-21T03:00:00Z");
    private final AtomicInteger expired = new AtomicInteger();
    private final AtomicBoolean elder = new AtomicBoolean();
    private final IdleMonitor monitor = new IdleMonitor(Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ofSeconds(15), elder::get, t0, expired::incrementAndGet);

    @Test
    void countsDownAfterTheIdleTimeThenExpiresOnce() {
        monitor.tick(t0.plusSeconds(59));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        monitor.tick(t0.plusSeconds(60));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(15);
        monitor.tick(t0.plusSeconds(70));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(5);
        monitor.tick(t0.plusSeconds(75));
        assertThat(expired).hasValue(1);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        monitor.tick(t0.plusSeconds(76));
        assertThat(expired).hasValue(1);
    }

    @Test
    void inputCancelsTheCountdown() {
        monitor.tick(t0.plusSeconds(65));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(10);
        monitor.input(t0.plusSeconds(66));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        monitor.tick(t0.plusSeconds(120));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        assertThat(expired).hasValue(0);
    }

    @Test
    void anUnusedKioskNeverCountsDownNorEnds() {
        for (int s = 1; s <= 3600; s++) {
            monitor.tick(t0.plusSeconds(s), false);
            assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        }
        assertThat(expired).hasValue(0);
    }

    @Test
    void aVisitThatBeginsLongAfterTheLastTouchGetsTheWholeIdleTime() {
        monitor.tick(t0.plusSeconds(3600), false);
        // A scan opens a screen without a touch: the citizen gets the full minute, no instant expiry.
        monitor.tick(t0.plusSeconds(3601), true);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        monitor.tick(t0.plusSeconds(3659), true);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        monitor.tick(t0.plusSeconds(3660), true);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(15);
        monitor.tick(t0.plusSeconds(3675), true);
        assertThat(expired).hasValue(1);
    }

    @Test
    void theCountdownStopsWhenTheVisitIsOver() {
        monitor.tick(t0.plusSeconds(65), true);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(10);
        monitor.tick(t0.plusSeconds(66), false);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        monitor.tick(t0.plusSeconds(80), false);
        assertThat(expired).hasValue(0);
    }

    @Test
    void elderModeWaitsLonger() {
        elder.set(true);
        monitor.tick(t0.plusSeconds(100));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(IdleMonitor.NOT_COUNTING);
        monitor.tick(t0.plusSeconds(121));
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(14);
        monitor.tick(t0.plusSeconds(135));
        assertThat(expired).hasValue(1);
    }
}
