package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bianmin.portal.store.PortalDatabase;
import org.bianmin.portal.store.Postgres;
import org.bianmin.portal.store.PostgresServer;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.ProblemType;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults under traffic on a real PostgreSQL: a portal node killed with SIGKILL (a JVM of its own), and the database
 * server stopped and started again. Kiosks deliver as the offline outbox does ({@link FailoverKiosk}); what they
 * were told was accepted must be stored exactly once.
 */
@ExtendWith(Postgres.class)
class PortalFaultTest {

    private static final int KIOSKS = 4;
    private static final int EACH = 60;
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final Catalogue sample = new CatalogueReader().readSample();

    private PortalServer node(Path dataDir, PortalDatabase database) {
        return PortalServer.start(PortalOptions.of(dataDir, "127.0.0.1", 0, sample).withDatabase(database));
    }

    @Test
    void aNodeKilledMidTrafficLosesNothingItAcceptedAndTheKiosksCarryOnOnTheOther(PortalDatabase.Postgres database,
            @TempDir Path a, @TempDir Path b) throws Exception {
        try (PortalServer survivor = node(b, database); PortalProcess doomed = PortalProcess.start(database, a, 0)) {
            Bootstrap creds = survivor.bootstrap().orElseThrow();
            List<NodeClient> nodes = List.of(new NodeClient(doomed.port), new NodeClient(survivor.port()));
            List<FailoverKiosk> kiosks = kiosks(survivor, nodes, k -> 0);
            NodeClient.EventStream stream = nodes.get(0).events(creds.kioskToken());
            assertThat(stream.nextVersion(Duration.ofSeconds(10))).isEqualTo(1);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = kiosks.stream().<Future<?>>map(threads::submit).toList();
                await(() -> survivor.store().count("submission") >= KIOSKS * EACH / 4, "traffic on the doomed node");
                assertThat(doomed.kill()).as("killed by SIGKILL").isEqualTo(137);
                for (Future<?> f : running) {
                    f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                }
            }
            // The stream on the killed node ended; the kiosk reconnects to the other and is told the version.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.nextVersion(Duration.ofSeconds(10)))
                    .hasRootCauseInstanceOf(java.io.IOException.class);
            try (NodeClient.EventStream again = nodes.get(1).events(creds.kioskToken())) {
                assertThat(again.nextVersion(Duration.ofSeconds(10))).isEqualTo(1);
            }
            assertExactlyOnce(survivor, kiosks);
            assertThat(kiosks.stream().mapToInt(k -> k.failovers.get()).sum()).as("kiosks that moved node")
                    .isPositive();
            // The killed node, started again, serves what was accepted before and after its death.
            try (PortalProcess restarted = PortalProcess.start(database, a, 0)) {
                NodeClient client = new NodeClient(restarted.port);
                for (FailoverKiosk k : kiosks) {
                    for (int n : new int[] {0, EACH - 1}) {
                        assertThat(client.get(ApiPaths.submission(k.receipt(n)), creds.kioskToken()).statusCode())
                                .isEqualTo(200);
                    }
                }
            }
        }
    }

    @Test
    void aDatabaseRestartMidTrafficIsA503ThenTheNodesReconnectAndNothingIsLostOrDoubled(@TempDir Path a,
            @TempDir Path b) throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            PortalDatabase.Postgres database = postgres.newDatabase();
            try (PortalServer one = node(a, database); PortalServer two = node(b, database)) {
                Bootstrap creds = one.bootstrap().orElseThrow();
                List<NodeClient> nodes = List.of(new NodeClient(one.port()), new NodeClient(two.port()));
                List<FailoverKiosk> kiosks = kiosks(one, nodes, k -> k % 2);
                try (NodeClient.EventStream stream = nodes.get(1).events(creds.kioskToken());
                     ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    assertThat(stream.nextVersion(Duration.ofSeconds(10))).isEqualTo(1);
                    List<Future<?>> running = kiosks.stream().<Future<?>>map(threads::submit).toList();
                    await(() -> one.store().count("submission") >= KIOSKS * EACH / 4, "traffic before the restart");
                    postgres.stop();
                    await(() -> kiosks.stream().anyMatch(k -> !k.unavailable.isEmpty()), "a 503 during the outage");
                    postgres.resume();
                    for (Future<?> f : running) {
                        f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    }
                    assertExactlyOnce(one, kiosks);
                    assertThat(kiosks.stream().flatMap(k -> k.unavailable.stream()))
                            .isNotEmpty().allMatch(ProblemType.UNAVAILABLE.uri()::equals);
                    // The publication listener reconnected by itself: a publish on one reaches the other's stream.
                    Catalogue v2 = new Catalogue(sample.format(), 2, sample.publishedAt(), sample.region(),
                            sample.hall(), sample.departments(), sample.topics(), sample.items());
                    assertThat(nodes.get(0).publish(v2, creds.signingKey(), creds.operatorToken()).statusCode())
                            .isEqualTo(200);
                    assertThat(stream.nextVersion(Duration.ofSeconds(30))).isEqualTo(2);
                }
            }
        }
    }

    private List<FailoverKiosk> kiosks(PortalServer registrar, List<NodeClient> nodes,
                                       java.util.function.IntUnaryOperator firstNode) {
        List<FailoverKiosk> kiosks = new ArrayList<>();
        for (int k = 1; k <= KIOSKS; k++) {
            String id = "kiosk-fault-" + k;
            kiosks.add(new FailoverKiosk(id, registrar.registerKiosk(id), nodes, firstNode.applyAsInt(k), EACH,
                    PortalServerTest.PROMISED_ITEM));
        }
        return kiosks;
    }

    /** Every submission answered 201 once stored and, when resent, replayed; the database holds each once. */
    private static void assertExactlyOnce(PortalServer node, List<FailoverKiosk> kiosks) {
        System.out.printf("fault figures: stored %d, replayed %d, failovers %d, 503 answers %d%n",
                kiosks.stream().mapToInt(k -> k.stored.get()).sum(), kiosks.stream().mapToInt(k -> k.replayed.get())
                        .sum(), kiosks.stream().mapToInt(k -> k.failovers.get()).sum(),
                kiosks.stream().mapToInt(k -> k.unavailable.size()).sum());
        assertThat(kiosks.stream().flatMap(k -> k.failures.stream())).isEmpty();
        assertThat(kiosks.stream().mapToInt(k -> k.stored.get() + k.replayed.get()).sum())
                .isEqualTo(KIOSKS * EACH);
        assertThat(node.store().count("submission")).isEqualTo(KIOSKS * EACH);
        for (FailoverKiosk k : kiosks) {
            for (int n = 0; n < EACH; n++) {
                assertThat(node.store().status(k.receipt(n))).as(k.receipt(n)).isPresent()
                        .get().extracting(s -> s.history().size()).isEqualTo(1);
            }
        }
    }

    /** Waits for {@code condition}, polling; fails after {@link #DEADLINE}. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not reached within " + DEADLINE + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
