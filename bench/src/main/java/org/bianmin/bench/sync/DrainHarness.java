package org.bianmin.bench.sync;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bianmin.bench.Harness;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.cache.sync.OfflineOutbox;
import org.bianmin.cache.sync.SubmissionPayloads;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.cache.sync.SyncSettings;
import org.bianmin.protocol.signing.TrustedKeys;

/**
 * Drain of a 1,000-entry backlog by a running kiosk sync engine at its default settings (real SQLite outbox,
 * default backoff and intervals, real clock) against {@link FlakyPortal}: healthy, 30 % of submissions answered
 * 500, and 30 % answered 500 plus 10 % connection resets.
 *
 * <p>The drain rate of a faulty portal is what it delivers within the time the healthy portal needed for the
 * whole backlog, per second, so it is directly comparable to the healthy rate (goal: at least half of it). The
 * time to deliver all of it is reported as well: its tail is the per-entry backoff of the entries that failed
 * several times in a row (10 s doubling), by design. Exactly-once is checked at the end of each run.
 */
public final class DrainHarness implements Harness {

    private static final int BACKLOG = 1_000;
    private static final Duration FULL_DRAIN_LIMIT = Duration.ofSeconds(90);
    private static final String ITEM = "11350102488130529A2001006010001";

    private record Scenario(String name, double failShare, double resetShare) {}

    private record Run(int deliveredInWindow, double allSeconds, int delivered, FlakyPortal portal) {}

    @Override
    public String name() {
        return "sync-drain";
    }

    @Override
    public List<Figure> run() throws Exception {
        List<Scenario> scenarios = List.of(new Scenario("healthy portal", 0, 0),
                new Scenario("30 % 5xx", 0.30, 0),
                new Scenario("30 % 5xx + 10 % resets", 0.30, 0.10));
        List<Figure> figures = new ArrayList<>();
        double window = 0;
        double healthyRate = 0;
        for (Scenario scenario : scenarios) {
            Run run = drain(scenario, window);
            if (window == 0) {
                window = run.allSeconds();
                healthyRate = BACKLOG / window;
            }
            double rate = run.deliveredInWindow() / window;
            String label = "sync drain of " + BACKLOG + " (" + scenario.name() + ")";
            figures.add(new Figure(label + ": drain rate", rate, "entries/s", "%d delivered in the healthy drain time %.1f s"
                    .formatted(run.deliveredInWindow(), window)));
            figures.add(new Figure(label + ": ratio to healthy", rate / healthyRate, "", "goal >= 0.5"));
            figures.add(new Figure(label + ": delivered within " + FULL_DRAIN_LIMIT.toSeconds() + " s",
                    run.delivered(), "entries", "%s; %d requests, %d answered 500, %d reset; %d replays deduplicated, %d stored"
                            .formatted(run.delivered() == BACKLOG ? "all after %.1f s".formatted(run.allSeconds())
                                            : "the rest wait for their per-entry backoff", run.portal().requests.get(),
                                    run.portal().failed.get(), run.portal().resets.get(), run.portal().replays.get(),
                                    run.portal().stored())));
        }
        return figures;
    }

    /** {@code window}: when to count the entries delivered so far (0: the healthy run, which sets it). */
    private static Run drain(Scenario scenario, double window) throws Exception {
        Path dir = Files.createTempDirectory("bench-drain-");
        try (FlakyPortal portal = new FlakyPortal(scenario.failShare(), scenario.resetShare(), 20261206L)) {
            Clock clock = Clock.systemUTC();
            try (OfflineCache cache = OfflineCache.open(dir, dir.resolve("kiosk.db"),
                    OfflineCache.Settings.defaults("BENCH-01"), clock, a -> {})) {
                byte[] payload = SubmissionPayloads.write(new SubmissionPayloads.Application(2,
                        Map.of("name", "测试", "phone", "13800000000"), null));
                for (int i = 0; i < BACKLOG; i++) {
                    cache.outbox().enqueue(new NewSubmission(SubmissionKind.APPLICATION, ITEM, payload));
                }
                URI uri = URI.create("http://127.0.0.1:" + portal.port() + "/");
                SyncSettings settings = SyncSettings.defaults(uri, "BENCH-01", "token", "bench", TrustedKeys.of(List.of()));
                int inWindow = -1;
                long t0 = System.nanoTime();
                try (SyncEngine engine = new SyncEngine(settings, clock, cache.catalogue(),
                        new OfflineOutbox(cache.outbox()), List::of, alert -> {}, new SplittableRandom(1)).start()) {
                    long limit = t0 + FULL_DRAIN_LIMIT.toNanos();
                    while (delivered(cache) < BACKLOG && System.nanoTime() < limit) {
                        if (window > 0 && inWindow < 0 && System.nanoTime() - t0 >= window * 1e9) {
                            inWindow = delivered(cache);
                        }
                        Thread.sleep(20);
                    }
                }
                double all = (System.nanoTime() - t0) / 1e9;
                int delivered = delivered(cache);
                // Stored but unacknowledged (answer lost) only while the run was cut short; never stored twice.
                if (delivered == BACKLOG ? portal.stored() != delivered : portal.stored() < delivered) {
                    throw new IllegalStateException(scenario.name() + ": kiosk delivered " + delivered
                            + ", portal stored " + portal.stored());
                }
                return new Run(inWindow < 0 ? delivered : inWindow, all, delivered, portal);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static int delivered(OfflineCache cache) {
        return cache.outbox().status().get(DeliveryState.DELIVERED).intValue();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
