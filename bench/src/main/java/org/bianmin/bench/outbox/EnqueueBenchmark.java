package org.bianmin.bench.outbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bianmin.cache.crypto.KeyVault;
import org.bianmin.cache.crypto.PayloadCipher;
import org.bianmin.cache.db.Database;
import org.bianmin.cache.outbox.Accepted;
import org.bianmin.cache.outbox.Backoff;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.outbox.SubmissionKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable enqueue: one outbox transaction (sequence, encrypted submission, outbox row) committed with WAL and
 * {@code synchronous=FULL}, against the peer: appending the same bytes (payload + key + receipt) to a plain
 * {@code RandomAccessFile} opened {@code "rwd"} (every write synchronous, no transaction, no index, no
 * encryption). Files go under {@code -Dbench.dir} (default {@code target/}): a tmpfs would make fsync free.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnqueueBenchmark {

    private static final byte[] PAYLOAD = ("{\"name\":\"张三\",\"idNumber\":\"350102199001011234\",\"phone\":\"13800001234\","
            + "\"address\":\"福建省福州市鼓楼区某某路1号\",\"reason\":\"" + "换领".repeat(40) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private Path dir;
    private Database db;
    private Outbox outbox;
    private RandomAccessFile rwd;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path base = Path.of(System.getProperty("bench.dir", "target"));
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base.toAbsolutePath(), "enqueue-bench");
        Clock clock = Clock.systemUTC();
        db = Database.open(dir.resolve("kiosk.db"), clock, a -> {});
        var random = new java.security.SecureRandom();
        outbox = new Outbox(db, new PayloadCipher(KeyVault.openOrCreate(dir, random), random), "BENCH-01",
                ZoneId.of("Asia/Shanghai"), clock, Backoff.DEFAULT, new SplittableRandom(), Outbox.DEFAULT_RETENTION);
        rwd = new RandomAccessFile(dir.resolve("queue.rwd").toFile(), "rwd");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        db.close();
        rwd.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Accepted durableEnqueueSqliteFull() {
        return outbox.enqueue(new NewSubmission(SubmissionKind.APPLICATION, "11350102003612345Y3001", PAYLOAD));
    }

    @Benchmark
    public long plainRwdFileAppend() throws IOException {
        byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer record = ByteBuffer.allocate(4 + key.length + 24 + PAYLOAD.length)
                .putInt(key.length + 24 + PAYLOAD.length).put(key).put("BENCH-01-20261121-0001X ".getBytes(
                        StandardCharsets.US_ASCII)).put(PAYLOAD);
        rwd.seek(rwd.length());
        rwd.write(record.array());
        return rwd.length();
    }
}
