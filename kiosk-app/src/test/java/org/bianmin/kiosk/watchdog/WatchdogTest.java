package org.bianmin.kiosk.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A thread the test runs by hand: it "hangs" by not running what it was given. */
    private static final class ManualThread implements Executor {
        private final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queue.add(task);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.remove().run();
            }
        }
    }

    private final StepClock clock = new StepClock();
    private final ManualThread fx = new ManualThread();
    private final ManualThread storage = new ManualThread();
    private final List<String> sent = new ArrayList<>();
    private final Liveness liveness = new Liveness(clock, Duration.ofSeconds(30),
            List.of(new Liveness.Probe("fx", fx), new Liveness.Probe("storage", storage)));
    private final Watchdog watchdog = new Watchdog(liveness, assignments -> sent.addAll(List.of(assignments)));

    private void everyThreadWorks() {
        fx.runAll();
        storage.runAll();
    }

    @Test
    void pingsWhileEveryThreadRunsItsProbe() {
        for (int i = 0; i < 5; i++) {
            watchdog.tick();
            everyThreadWorks();
            clock.advance(Duration.ofSeconds(15));
        }
        assertThat(sent).containsOnly("WATCHDOG=1").hasSize(5);
    }

    @Test
    void aThreadBusyForLessThanTheDeadlineIsNotStuck() {
        watchdog.tick();
        storage.runAll();
        clock.advance(Duration.ofSeconds(29));
        watchdog.tick();
        assertThat(sent).containsExactly("WATCHDOG=1", "WATCHDOG=1");
    }

    @Test
    void aHungFxThreadStopsThePingsAndSaysWhichThreadUntilItAnswersAgain() {
        watchdog.tick();
        storage.runAll();
        clock.advance(Duration.ofSeconds(31));
        watchdog.tick();
        storage.runAll();
        clock.advance(Duration.ofSeconds(15));
        watchdog.tick();
        assertThat(sent).containsExactly("WATCHDOG=1", "STATUS=not answering: fx");

        fx.runAll();
        watchdog.tick();
        assertThat(sent).endsWith("STATUS=running", "WATCHDOG=1");
    }

    @Test
    void aShutDownExecutorIsStuck() {
        Liveness gone = new Liveness(clock, Duration.ofSeconds(30), List.of(new Liveness.Probe("printer", task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        })));
        assertThat(gone.stuck()).containsExactly("printer");
    }

    @Test
    void theIntervalComesFromSystemdAndNoSocketMeansNoNotifier() {
        assertThat(SystemdNotifier.watchdogInterval(java.util.Map.of("WATCHDOG_USEC", "120000000")))
                .contains(Duration.ofSeconds(120));
        assertThat(SystemdNotifier.watchdogInterval(java.util.Map.of())).isEmpty();
        assertThat(SystemdNotifier.fromEnvironment(java.util.Map.of())).isSameAs(Notifier.NONE);
    }
}
