package org.bianmin.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bianmin.cache.crypto.KeyVault;
import org.bianmin.cache.crypto.PayloadCipher;
import org.bianmin.cache.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child JVMs ({@link CrashChild}) killed with SIGKILL at random points while enqueueing and while delivering.
 * Iterations per test: {@code -Dcrash.iterations} (default 100, so 200 kills in all), split over two workers,
 * each with its own data directory.
 */
class OutboxCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxCrashTest.class);
    private static final int ITERATIONS = Integer.getInteger("crash.iterations", 100);
    private static final int WORKERS = 2;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(Long.getLong("crash.seed", 20261121L));

    private Process spawn(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up dominates each child: C1 only, and no logging back end (its set-up costs ~0.5 s).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads lines until {@code killAfter} lines starting with {@code marker} were seen (after READY), then kills. */
    private static List<String> runAndKill(Process p, String marker, int killAfter) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            boolean ready = false;
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                ready |= line.equals("READY");
                if (ready && (line.startsWith(marker) || line.equals("READY")) && seen++ >= killAfter) {
                    // SIGKILL on Unix. Through the handle: Process.destroyForcibly would also close our end of
                    // the pipe, losing receipts the child printed just before it died.
                    p.toHandle().destroyForcibly();
                }
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).noneMatch(l -> l.startsWith("ALERT"));
        return lines;
    }

    private static Outbox outbox(Database db, Path dir) {
        return new Outbox(db, new PayloadCipher(KeyVault.openOrCreate(dir, new SecureRandom()), new SecureRandom()),
                "CRASH-01", ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), Backoff.DEFAULT, new SplittableRandom(),
                Outbox.DEFAULT_RETENTION);
    }

    /** Runs {@code work} on {@link #WORKERS} independent data directories at once (children are start-up bound). */
    private void inParallel(CheckedWork work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<Void>> runs = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Path workDir = Files.createDirectories(dir.resolve("worker-" + w));
                long seed = random.nextLong();
                runs.add(pool.submit(() -> {
                    work.run(workDir, ITERATIONS / WORKERS, new SplittableRandom(seed));
                    return null;
                }));
            }
            for (Future<Void> run : runs) {
                run.get();
            }
        }
    }

    @FunctionalInterface
    private interface CheckedWork {
        void run(Path dir, int iterations, SplittableRandom random) throws Exception;
    }

    @Test
    void everyAcceptedSubmissionSurvivesAKillExactlyOnce() throws Exception {
        inParallel(this::enqueueAndKill);
    }

    private void enqueueAndKill(Path dir, int iterations, SplittableRandom random) throws Exception {
        Map<UUID, String> accepted = new HashMap<>();
        for (int i = 0; i < iterations; i++) {
            for (String line : runAndKill(spawn("enqueue", dir.toString()), "ACCEPTED", random.nextInt(0, 12))) {
                if (line.startsWith("ACCEPTED ")) {
                    String[] parts = line.split(" ");
                    assertThat(accepted.put(UUID.fromString(parts[1]), parts[2])).isNull();
                }
            }
        }
        try (Database db = Database.open(dir.resolve("kiosk.db"), Clock.systemUTC(), a -> {})) {
            List<OutboxEntry> entries = outbox(db, dir).list(Integer.MAX_VALUE);
            Map<UUID, OutboxEntry> byKey = new HashMap<>();
            Set<String> receipts = new HashSet<>();
            for (OutboxEntry e : entries) {
                assertThat(byKey.put(e.idempotencyKey(), e)).as("one row per key").isNull();
                assertThat(receipts.add(e.receiptNumber())).as("one row per receipt").isTrue();
                assertThat(org.bianmin.protocol.api.ReceiptNumbers.isValid(e.receiptNumber())).isTrue();
            }
            accepted.forEach((key, receipt) -> {
                assertThat(byKey).as("accepted %s", receipt).containsKey(key);
                assertThat(byKey.get(key).receiptNumber()).isEqualTo(receipt);
            });
            LOG.info("{} kills while enqueueing: {} accepted receipts, {} rows (commits whose print was cut off)",
                    iterations, accepted.size(), entries.size());
            assertThat(accepted).hasSizeGreaterThan(iterations);
        }
    }

    @Test
    void aKilledDeliveryResendsWithTheSameKeyAndNeverAnother() throws Exception {
        inParallel(this::deliverAndKill);
    }

    private void deliverAndKill(Path dir, int iterations, SplittableRandom random) throws Exception {
        Path remote = dir.resolve("remote.log");
        Map<String, UUID> keyOf = new HashMap<>();
        int killedMidway = 0;
        for (int i = 0; i < iterations; i++) {
            try (Database db = Database.open(dir.resolve("kiosk.db"), Clock.systemUTC(), a -> {})) {
                Outbox outbox = outbox(db, dir);
                for (int n = 0; n < 4; n++) {
                    Accepted a = outbox.enqueue(new NewSubmission(SubmissionKind.RATING, "ITEM", OutboxTest.PAYLOAD));
                    keyOf.put(a.receiptNumber(), a.idempotencyKey());
                }
            }
            List<String> lines = runAndKill(spawn("deliver", dir.toString(), remote.toString()), "SENT",
                    random.nextInt(0, 6));
            killedMidway += lines.contains("DONE") ? 0 : 1;
        }
        try (Database db = Database.open(dir.resolve("kiosk.db"), Clock.systemUTC(), a -> {})) {
            Outbox outbox = outbox(db, dir);
            List<String> finalSends = new ArrayList<>();
            new OutboxDispatcher(outbox, s -> {
                finalSends.add(s.idempotencyKey() + " " + s.receiptNumber());
                return new DeliveryResult.Delivered();
            }, Clock.systemUTC()).deliverDue();
            assertThat(outbox.status()).containsEntry(DeliveryState.DELIVERED, (long) keyOf.size())
                    .containsEntry(DeliveryState.PENDING, 0L).containsEntry(DeliveryState.SENDING, 0L);

            List<String> received = new ArrayList<>(Files.readAllLines(remote));
            received.addAll(finalSends);
            Map<String, Set<UUID>> keysPerReceipt = new HashMap<>();
            for (String line : received) {
                String[] parts = line.split(" ");
                keysPerReceipt.computeIfAbsent(parts[1], r -> new HashSet<>()).add(UUID.fromString(parts[0]));
            }
            assertThat(keysPerReceipt.keySet()).containsExactlyInAnyOrderElementsOf(keyOf.keySet());
            keysPerReceipt.forEach((receipt, keys) -> assertThat(keys).as(receipt).containsExactly(keyOf.get(receipt)));
            LOG.info("{} delivery runs, {} killed before finishing: {} submissions, {} sends received "
                    + "({} repeats, all with the original key)", iterations, killedMidway, keyOf.size(),
                    received.size(), received.size() - keyOf.size());
            assertThat(killedMidway).isGreaterThan(iterations / 2);
        }
    }
}
