package org.bianmin.kiosk.watchdog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Whether the kiosk's threads still do work: each check posts a no-op task to every watched executor (the FX thread,
 * the storage, device, printer and status workers, the sync thread) that has run its previous one, and names those whose task has
 * waited longer than the deadline. A thread that is blocked, deadlocked or spinning never runs the task, so the
 * kiosk stops telling systemd it is alive and is restarted.
 */
public final class Liveness {

    /** One thread (or single-threaded executor) to watch. */
    public record Probe(String name, Executor executor) {}

    private final Clock clock;
    private final Duration deadline;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** {@code postedAt} is null while nothing is waiting on that executor. */
    private static final class Pending {
        private final Probe probe;
        private volatile Instant postedAt;

        Pending(Probe probe) {
            this.probe = probe;
        }
    }

    public Liveness(Clock clock, Duration deadline, List<Probe> probes) {
        this.clock = clock;
        this.deadline = deadline;
        probes.forEach(p -> pending.put(p.name(), new Pending(p)));
    }

    /** Posts the next probes and returns the executors that have not run theirs within the deadline. */
    public synchronized List<String> stuck() {
        Instant now = clock.instant();
        List<String> stuck = new ArrayList<>();
        for (Pending p : pending.values()) {
            Instant posted = p.postedAt;
            if (posted != null) {
                if (Duration.between(posted, now).compareTo(deadline) > 0) {
                    stuck.add(p.probe.name());
                }
                continue;
            }
            p.postedAt = now;
            try {
                p.probe.executor().execute(() -> p.postedAt = null);
            } catch (RejectedExecutionException shutDown) {
                stuck.add(p.probe.name());
            }
        }
        return stuck;
    }
}
