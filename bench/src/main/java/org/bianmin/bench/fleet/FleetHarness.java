package org.bianmin.bench.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.GZIPOutputStream;
import org.bianmin.bench.Harness;
import org.bianmin.portal.PortalMain;
import org.bianmin.portal.store.PortalDatabase;
import org.bianmin.portal.store.PortalStore;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;

/**
 * {@code ./kiosk bench fleet}: K portal nodes (each a JVM of its own, {@link PortalMain}) on one PostgreSQL
 * database and N simulated kiosks in this JVM (virtual threads, each with its own credential and event stream).
 * It publishes catalogue versions and times each announcement to every kiosk, sends heartbeats at the rate N kiosks
 * at a 60 s interval make and charges the nodes' CPU for it, and sends submissions with Idempotency-Keys as fast as
 * {@value #SENDERS} senders can. Figures, not a test: nothing here fails on a slow machine.
 *
 * <p>Settings, as system properties or environment variables (the bench's command line is only its name filter):
 * {@code fleet.kiosks} / {@code FLEET_KIOSKS} (default 6280), {@code fleet.nodes} / {@code FLEET_NODES} (2),
 * {@code fleet.submissions} / {@code FLEET_SUBMISSIONS} (20000), and the database as {@code fleet.database} or
 * {@code BIANMIN_PORTAL_DATABASE} — required: a PostgreSQL database the bench may fill (kiosks {@code fleet-NNNNN}
 * are re-keyed, submissions added; use a throw-away one).
 *
 * <p>Limits: kiosks do not download the catalogue (there are no deltas yet: each would fetch the whole file, whose
 * size is reported); the nodes' CPU includes their idle work during the heartbeat window; PostgreSQL's own CPU is
 * not measured; simulated kiosks share this JVM and the machine's cores with the nodes and the database.
 */
public final class FleetHarness implements Harness {

    private static final int SENDERS = 64;
    private static final int STREAM_ATTEMPTS = 5;
    /** Event streams that needed more than one try to open. */
    private final AtomicInteger retried = new AtomicInteger();
    private static final int PUBLISHES = 3;
    private static final Duration HEARTBEAT_WINDOW = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(60);
    private static final Duration ANNOUNCE_TIMEOUT = Duration.ofSeconds(60);
    private static final String ITEM = "11350102488130529A2001006010001";

    private final ObjectMapper json = CatalogueReader.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public List<Figure> run() throws Exception {
        String url = setting("fleet.database", "BIANMIN_PORTAL_DATABASE", null);
        if (url == null) {
            System.out.println("fleet: skipped — set BIANMIN_PORTAL_DATABASE (or -Dfleet.database) to a throw-away "
                    + "PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/fleet?user=U&password=P");
            return List.of();
        }
        int kiosks = Integer.parseInt(setting("fleet.kiosks", "FLEET_KIOSKS", "6280"));
        int nodeCount = Integer.parseInt(setting("fleet.nodes", "FLEET_NODES", "2"));
        int submissions = Integer.parseInt(setting("fleet.submissions", "FLEET_SUBMISSIONS", "20000"));
        PortalDatabase.Postgres database = new PortalDatabase.Postgres(url);
        List<Figure> figures = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

        // Set-up through the store itself: an operator, a trusted key, the kiosks, version 1.
        KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());
        String operator;
        String[] tokens = new String[kiosks];
        Catalogue sample = new CatalogueReader().readSample();
        long firstVersion;
        try (PortalStore store = database.open(Clock.systemUTC())) {
            store.trustKey(key);
            operator = store.createOperator("fleet-bench");
            long t0 = System.nanoTime();
            for (int i = 0; i < kiosks; i++) {
                tokens[i] = store.registerKiosk(kioskId(i));
            }
            System.out.printf("fleet: %d kiosks registered in %.1f s%n", kiosks, seconds(System.nanoTime() - t0));
            firstVersion = store.currentCatalogue().map(c -> c.version()).orElse(0L) + 1;
        }

        List<Node> nodes = new ArrayList<>();
        Path dirs = Files.createTempDirectory("bianmin-fleet-");
        // Not closed by try-with-resources: its tasks end only when the nodes (and so the streams) are gone.
        ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int n = 0; n < nodeCount; n++) {
                nodes.add(Node.start(database, dirs.resolve("node-" + n)));
            }
            publish(nodes.get(0), version(sample, firstVersion), key, operator);

            // Event streams: kiosk i on node i % K, like a load balancer spreading connections.
            Map<Long, AtomicLongArray> heard = new ConcurrentHashMap<>();
            CountDownLatch connected = new CountDownLatch(kiosks);
            AtomicInteger refused = new AtomicInteger();
            for (int i = 0; i < kiosks; i++) {
                int kiosk = i;
                Node node = nodes.get(i % nodeCount);
                streams.submit(() -> listen(node, tokens[kiosk], kiosk, heard, connected, refused));
            }
            boolean all = connected.await(5, TimeUnit.MINUTES);
            figures.add(new Figure("fleet kiosks connected", kiosks - connected.getCount(), "kiosks",
                    "of " + kiosks + " on " + nodeCount + " nodes" + (all ? "" : ", not all within 5 min")
                            + (refused.get() > 0 ? ", " + refused.get() + " refused" : "")
                            + (retried.get() > 0 ? ", " + retried.get() + " retries to open a stream" : "")));

            // Publish → announced to every kiosk.
            byte[] gzipped = gzip(json.writeValueAsBytes(version(sample, firstVersion)));
            List<Double> latencies = new ArrayList<>();
            int missing = 0;
            for (int p = 1; p <= PUBLISHES; p++) {
                long version = firstVersion + p;
                AtomicLongArray at = new AtomicLongArray(kiosks);
                heard.put(version, at);
                long start = System.nanoTime();
                publish(nodes.get(p % nodeCount), version(sample, version), key, operator);
                long deadline = start + ANNOUNCE_TIMEOUT.toNanos();
                while (heardBy(at) < kiosks && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                for (int k = 0; k < kiosks; k++) {
                    long t = at.get(k);
                    if (t == 0) {
                        missing++;
                    } else {
                        latencies.add((t - start) / 1e6);
                    }
                }
            }
            latencies.sort(null);
            figures.add(new Figure("fleet publish→announced p50", percentile(latencies, 0.50), "ms",
                    PUBLISHES + " publishes × " + kiosks + " kiosks; goal p99 ≤ 5000 ms"));
            figures.add(new Figure("fleet publish→announced p99", percentile(latencies, 0.99), "ms",
                    missing == 0 ? "every kiosk heard every publish" : missing + " announcements missing"));
            figures.add(new Figure("fleet publish→announced max", percentile(latencies, 1.0), "ms", ""));
            figures.add(new Figure("fleet catalogue bytes per kiosk per publish", gzipped.length, "bytes",
                    "whole file gzipped (sample catalogue, " + sample.items().size() + " items): no deltas yet"));
            figures.add(new Figure("fleet origin bytes per publish", (double) gzipped.length * kiosks, "bytes",
                    "every kiosk downloads the whole file"));

            // Heartbeats at the rate of a 60 s interval, and what the nodes' CPU paid meanwhile.
            double rate = kiosks / (double) HEARTBEAT_INTERVAL.toSeconds();
            long[] cpuBefore = nodes.stream().mapToLong(Node::cpuNanos).toArray();
            long start = System.nanoTime();
            AtomicInteger beats = new AtomicInteger();
            AtomicInteger beatFailures = new AtomicInteger();
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                long total = Math.round(rate * HEARTBEAT_WINDOW.toSeconds());
                for (long b = 0; b < total; b++) {
                    long due = start + Math.round(b * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    int kiosk = (int) (b % kiosks);
                    senders.submit(() -> {
                        if (heartbeat(nodes.get(kiosk % nodeCount), tokens[kiosk], kiosk)) {
                            beats.incrementAndGet();
                        } else {
                            beatFailures.incrementAndGet();
                        }
                    });
                }
            }
            double window = seconds(System.nanoTime() - start);
            double cpu = 0;
            for (int n = 0; n < nodeCount; n++) {
                cpu += (nodes.get(n).cpuNanos() - cpuBefore[n]) / 1e9;
            }
            figures.add(new Figure("fleet heartbeats ingested", beats.get() / window, "per s",
                    String.format("target %.1f/s (%d kiosks / 60 s)%s", rate, kiosks,
                            beatFailures.get() > 0 ? ", " + beatFailures.get() + " failed" : "")));
            figures.add(new Figure("fleet heartbeat ingest CPU (all nodes)", 100 * cpu / window, "% of a core",
                    "goal ≤ 25 %; includes the nodes' idle work and event-stream keep-alives"));

            // Submissions with Idempotency-Keys, as fast as the senders go.
            AtomicLong stored = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            Semaphore inFlight = new Semaphore(SENDERS);
            long subStart = System.nanoTime();
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int s = 0; s < submissions; s++) {
                    int kiosk = s % kiosks;
                    String receipt = "FB" + run + "-" + s;
                    inFlight.acquire();
                    senders.submit(() -> {
                        try {
                            if (submit(nodes.get(kiosk % nodeCount), tokens[kiosk], kiosk, receipt)) {
                                stored.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            double subSeconds = seconds(System.nanoTime() - subStart);
            figures.add(new Figure("fleet submissions accepted", stored.get() / subSeconds, "per s",
                    SENDERS + " senders, Idempotency-Key each; goal ≥ 1000/s"
                            + (failed.get() > 0 ? "; " + failed.get() + " not 201" : "")));

            for (int n = 0; n < nodeCount; n++) {
                Node node = nodes.get(n);
                figures.add(new Figure("fleet node " + n + " CPU total", node.cpuNanos() / 1e9, "s",
                        "since start"));
                figures.add(new Figure("fleet node " + n + " RSS", node.rssKib() / 1024.0, "MiB", ""));
            }
            figures.add(new Figure("fleet PostgreSQL connections", connections(url), "connections",
                    "to this database, at the end"));
        } finally {
            for (Node node : nodes) {
                node.close();
            }
            streams.shutdownNow();
            try (var files = Files.walk(dirs)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return figures;
    }

    private static int heardBy(AtomicLongArray at) {
        int n = 0;
        for (int k = 0; k < at.length(); k++) {
            if (at.get(k) != 0) {
                n++;
            }
        }
        return n;
    }

    private void listen(Node node, String token, int kiosk, Map<Long, AtomicLongArray> heard,
                        CountDownLatch connected, AtomicInteger refused) {
        try {
            HttpResponse<java.io.InputStream> r = null;
            // As the kiosk does: a stream that cannot be opened is tried again after a pause.
            for (int attempt = 1; r == null; attempt++) {
                try {
                    r = http.send(HttpRequest.newBuilder(node.uri(ApiPaths.EVENTS)).header("Accept",
                            "text/event-stream").header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) {
                    if (attempt == STREAM_ATTEMPTS) {
                        throw e;
                    }
                    retried.incrementAndGet();
                    Thread.sleep(1000L * attempt);
                }
            }
            if (r.statusCode() != 200) {
                refused.incrementAndGet();
                connected.countDown();
                return;
            }
            boolean first = true;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    long now = System.nanoTime();
                    if (first) {
                        first = false;
                        connected.countDown();
                    }
                    long version = json.readTree(line.substring(5)).path("version").asLong();
                    AtomicLongArray at = heard.get(version);
                    if (at != null) {
                        at.compareAndSet(kiosk, 0, now);
                    }
                }
            }
        } catch (IOException e) {
            refused.incrementAndGet();
            connected.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean heartbeat(Node node, String token, int kiosk) {
        Heartbeat beat = new Heartbeat(kioskId(kiosk), "0.1.0", 1, OffsetDateTime.now(), List.of(
                new Heartbeat.DeviceReport("printer", Heartbeat.DeviceState.OK, null,
                        List.of(new Heartbeat.Supply("paper", Heartbeat.SupplyLevel.OK)))), 0, 0, 0, null, List.of());
        return post(node, ApiPaths.HEARTBEATS, token, null, beat) == 200;
    }

    private boolean submit(Node node, String token, int kiosk, String receipt) {
        SubmissionRequest request = new SubmissionRequest(receipt, kioskId(kiosk), ITEM, 1, OffsetDateTime.now(),
                Map.of("name", "张三", "idNumber", "350102199001011234"), null);
        return post(node, ApiPaths.SUBMISSIONS, token, "fleet-" + receipt, request) == 201;
    }

    private int post(Node node, String path, String token, String key, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (key != null) {
                b.header(ApiPaths.IDEMPOTENCY_KEY, key);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void publish(Node node, Catalogue catalogue, KeyFile key, String operator) throws Exception {
        byte[] body = json.writeValueAsBytes(catalogue);
        PublishRequest request = new PublishRequest(Base64.getEncoder().encodeToString(body),
                new CatalogueSigner(key).sign(body, catalogue.version()));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.uri(ApiPaths.OPERATOR_CATALOGUE))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + operator)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("publish of version " + catalogue.version() + " answered "
                    + r.statusCode() + ": " + r.body() + "; node log:\n" + node.errors());
        }
    }

    private static Catalogue version(Catalogue sample, long version) {
        return new Catalogue(sample.format(), version, sample.publishedAt(), sample.region(), sample.hall(),
                sample.departments(), sample.topics(), sample.items());
    }

    private static String kioskId(int i) {
        return "fleet-%05d".formatted(i);
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static long connections(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.setQueryTimeout(10);
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")) {
                rs.next();
                return rs.getLong(1) - 1;
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static String setting(String property, String variable, String otherwise) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    /** A portal node in a JVM of its own (what {@code ./kiosk portal} runs), with its CPU time and RSS. */
    private record Node(Process process, int port, Path log) implements AutoCloseable {

        static Node start(PortalDatabase.Postgres database, Path dataDir) throws Exception {
            Files.createDirectories(dataDir);
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = dataDir.resolve("node.log");
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), PortalMain.class.getName(), "--port",
                    String.valueOf(port), "--data-dir", dataDir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("BIANMIN_PORTAL_DATABASE", database.jdbcUrl());
            Node node = new Node(builder.start(), port, log);
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!node.process.isAlive()) {
                    throw new IllegalStateException("portal node exited: " + Files.readString(log));
                }
                try {
                    if (probe.send(HttpRequest.newBuilder(node.uri("/api/v1/health")).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return node;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            node.close();
            throw new IllegalStateException("portal node not healthy within 90 s: " + Files.readString(log));
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** The node log's error lines with the 20 lines after each (a stack trace), for a failure's message. */
        String errors() {
            try {
                List<String> lines = Files.readAllLines(log);
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("ERROR")) {
                        lines.subList(i, Math.min(lines.size(), i + 20)).forEach(l -> out.append(l).append('\n'));
                    }
                }
                return out.toString();
            } catch (IOException e) {
                return "(log unreadable: " + e + ")";
            }
        }

        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }

        long rssKib() {
            try {
                return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", ""))
                        .mapToLong(Long::parseLong).findFirst().orElse(-1);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
