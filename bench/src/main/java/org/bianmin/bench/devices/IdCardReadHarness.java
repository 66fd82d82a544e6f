package org.bianmin.bench.devices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bianmin.bench.Harness;
import org.bianmin.bench.Percentiles;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;

/**
 * Card placed → parsed record, over a socat pty pair opened with jSerialComm at 115200 baud, the simulator pacing
 * its replies at line speed like a reader. Printed next to the wire time of the 1295-byte text + photo reply.
 */
public final class IdCardReadHarness implements Harness {

    private static final int ROUNDS = 20;
    private static final int READ_REPLY_BYTES = 1295;
    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    public String name() {
        return "idcard";
    }

    @Override
    public List<Figure> run() throws Exception {
        SerialSettings line = SerialSettings.of8N1(115200);
        Path dir = Files.createTempDirectory("idcard-bench");
        ExecutorService app = Executors.newSingleThreadExecutor();
        IdentityCard card = CardFiles.sample("resident.json");
        List<Double> cycle = new ArrayList<>();
        List<Double> placedToRecord = new ArrayList<>();
        try (PtyPair pair = PtyPair.start(dir);
             SerialTransport host = new SerialTransport(pair.hostPath().toString(), line);
             IdCardSimulator simulator = new IdCardSimulator(new SimulatedPort(
                     new SerialTransport(pair.devicePath().toString(), line), Optional.empty(), Optional.of(line)),
                     new Random(1)).start()) {
            host.open();
            IdCardReader.Options d = IdCardReader.Options.defaults();
            IdCardReader reader = new IdCardReader(host, new DeviceStatusTracker("idcard", Clock.systemUTC()),
                    new IdCardReader.Options(POLL, d.commandTimeout(), line, false, d.photoDecoder()));
            reader.checkSam();
            Random random = new Random(2);
            for (int i = 0; i < ROUNDS; i++) {
                // Full find → select → read → parse with the card already there.
                simulator.placeCard(card);
                long start = System.nanoTime();
                expectCard(reader.read(Duration.ofSeconds(5)));
                cycle.add(millisSince(start));

                // Card placed at a random moment while the reader polls.
                simulator.removeCard();
                reader.awaitRemoval(Duration.ofSeconds(5));
                CompletableFuture<Long> done = CompletableFuture.supplyAsync(() -> {
                    expectCard(reader.read(Duration.ofSeconds(10)));
                    return System.nanoTime();
                }, app);
                Thread.sleep(50 + random.nextInt(200));
                long placed = System.nanoTime();
                simulator.placeCard(card);
                placedToRecord.add((done.get(10, TimeUnit.SECONDS) - placed) / 1e6);
                simulator.removeCard();
                reader.awaitRemoval(Duration.ofSeconds(5));
            }
        } finally {
            app.shutdownNow();
            Files.deleteIfExists(dir);
        }
        double wire = line.wireSeconds(READ_REPLY_BYTES) * 1000;
        String note = String.format("1295-byte reply wire time %.1f ms at 115200 8N1; n=%d", wire, ROUNDS);
        return List.of(
                new Figure("idcard wire time of text+photo reply", wire, "ms", "1295 bytes × 10 bits / 115200"),
                new Figure("idcard find→select→read→parse p50", Percentiles.of(cycle, 50), "ms", note),
                new Figure("idcard find→select→read→parse p95", Percentiles.of(cycle, 95), "ms", note),
                new Figure("idcard card placed→record p50 (poll 100 ms)", Percentiles.of(placedToRecord, 50), "ms", note),
                new Figure("idcard card placed→record p95 (poll 100 ms)", Percentiles.of(placedToRecord, 95), "ms", note));
    }

    private static void expectCard(ReadResult result) {
        if (!(result instanceof ReadResult.CardRead read)) {
            throw new IllegalStateException("expected a card, got " + result);
        }
        read.card().clear();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
