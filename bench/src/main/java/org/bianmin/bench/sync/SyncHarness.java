package org.bianmin.bench.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bianmin.bench.Harness;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.cache.db.Database;
import org.bianmin.cache.sync.CatalogueCheck;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.cache.sync.SyncSettings;
import org.bianmin.portal.Bootstrap;
import org.bianmin.portal.PortalServer;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.TrustedKeys;

/**
 * Sync figures against the reference portal on loopback: full sync of a 10,000-item catalogue into an empty
 * kiosk database (download, Ed25519 verify, schema check, apply), the no-change check (one 304), and delivery
 * throughput of 10,000 queued submissions (one POST each, idempotency key, portal commit per submission).
 */
public final class SyncHarness implements Harness {

    private static final int ITEMS = 10_000;
    private static final int FULL_SYNC_RUNS = 3;
    private static final int NO_CHANGE_CHECKS = 300;
    private static final int SUBMISSIONS = 10_000;
    private static final String ITEM = "11350102488130529A2001006010001";
    private static final int PUSH_RUNS = 9;

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public List<Figure> run() throws Exception {
        Catalogue sample = new CatalogueReader().readSample();
        List<Figure> figures = new ArrayList<>();
        try (PortalServer portal = PortalServer.start(sample, "127.0.0.1", 0)) {
            Bootstrap creds = portal.bootstrap().orElseThrow();
            URI uri = URI.create("http://127.0.0.1:" + portal.port() + "/");
            Catalogue big = grow(sample, ITEMS);
            byte[] body = CatalogueReader.mapper().writeValueAsBytes(big);
            publish(uri, creds, big, body);
            SyncSettings settings = SyncSettings.defaults(uri, creds.kioskId(), creds.kioskToken(), "bench",
                    TrustedKeys.of(List.of(creds.signingKey().publicOnly())));
            long sigBytes = fetchLength(uri.resolve(ApiPaths.CATALOGUE_SIGNATURE.substring(1)), false);
            long wireBytes = fetchLength(uri.resolve(ApiPaths.CATALOGUE.substring(1)), true) + sigBytes;

            double[] fullMs = new double[FULL_SYNC_RUNS];
            double perCheckMs = 0;
            for (int run = 0; run < FULL_SYNC_RUNS; run++) {
                Path dir = Files.createTempDirectory("bench-sync-");
                try (Database db = Database.open(dir.resolve("kiosk.db"), Clock.systemUTC(), a -> {});
                     SyncEngine engine = engine(settings, new CatalogueStore(db, Clock.systemUTC()),
                             new QueuedOutbox(0, ITEM, java.time.Instant.now()))) {
                    long t0 = System.nanoTime();
                    CatalogueCheck first = engine.checkCatalogueNow().get();
                    fullMs[run] = (System.nanoTime() - t0) / 1e6;
                    if (!(first instanceof CatalogueCheck.Applied)) {
                        throw new IllegalStateException("full sync did not apply: " + first);
                    }
                    if (run == FULL_SYNC_RUNS - 1) {
                        long t1 = System.nanoTime();
                        for (int i = 0; i < NO_CHANGE_CHECKS; i++) {
                            if (!(engine.checkCatalogueNow().get() instanceof CatalogueCheck.Unchanged)) {
                                throw new IllegalStateException("no-change check saw a change");
                            }
                        }
                        perCheckMs = (System.nanoTime() - t1) / 1e6 / NO_CHANGE_CHECKS;
                    }
                }
            }
            Arrays.sort(fullMs);
            figures.add(new Figure("sync: full sync of " + ITEMS + " items (median of " + FULL_SYNC_RUNS + ")",
                    fullMs[FULL_SYNC_RUNS / 2], "ms", "download + verify + validate + apply into an empty DB"));
            figures.add(new Figure("sync: full sync bytes on the wire (gzip catalogue.json + .sig)", wireBytes,
                    "bytes", "%d bytes uncompressed".formatted(body.length + sigBytes)));
            figures.add(new Figure("sync: no-change check (If-None-Match → 304)", perCheckMs, "ms",
                    "mean of " + NO_CHANGE_CHECKS + "; 0 body bytes"));

            figures.addAll(pushLatency(uri, creds, settings, sample));

            QueuedOutbox queue = new QueuedOutbox(SUBMISSIONS, ITEM, java.time.Instant.now());
            Path dir = Files.createTempDirectory("bench-sync-");
            try (Database db = Database.open(dir.resolve("kiosk.db"), Clock.systemUTC(), a -> {});
                 SyncEngine engine = engine(settings, new CatalogueStore(db, Clock.systemUTC()), queue)) {
                long t0 = System.nanoTime();
                engine.deliverNow().get();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long stored = portal.store().count("submission");
                if (queue.delivered() != SUBMISSIONS || stored != SUBMISSIONS) {
                    throw new IllegalStateException("delivered " + queue.delivered() + ", portal stored " + stored);
                }
                figures.add(new Figure("sync: delivery of " + SUBMISSIONS + " queued submissions", SUBMISSIONS / seconds,
                        "submissions/s", "%.1f s in total; in order, one connection".formatted(seconds)));
            }
        }
        return figures;
    }

    /**
     * Publish → applied on a kiosk connected to the event stream (polling hourly, so only the push counts): from
     * just before the operator's PUT until the kiosk's catalogue store has the new version.
     */
    private static List<Figure> pushLatency(URI uri, Bootstrap creds, SyncSettings settings, Catalogue sample)
            throws Exception {
        double[] ms = new double[PUSH_RUNS];
        Path dir = Files.createTempDirectory("bench-sync-");
        try (Database db = Database.open(dir.resolve("kiosk.db"), Clock.systemUTC(), a -> {})) {
            CatalogueStore store = new CatalogueStore(db, Clock.systemUTC());
            try (SyncEngine engine = engine(settings.withPollInterval(Duration.ofHours(1)), store,
                    new QueuedOutbox(0, ITEM, java.time.Instant.now()))) {
                measurePush(engine, store, uri, creds, sample, ms);
            }
        }
        Arrays.sort(ms);
        return List.of(new Figure("sync: push latency publish → applied (median of " + PUSH_RUNS + ")",
                        ms[PUSH_RUNS / 2], "ms", "64-item catalogue, event stream; target < 5000 ms"),
                new Figure("sync: push latency publish → applied (max)", ms[PUSH_RUNS - 1], "ms", ""));
    }

    private static void measurePush(SyncEngine engine, CatalogueStore store, URI uri, Bootstrap creds,
                                    Catalogue sample, double[] ms) throws Exception {
        engine.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(engine.streaming() && store.current().isPresent()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (int run = 0; run < PUSH_RUNS; run++) {
            long version = 3 + run;
            CountDownLatch applied = new CountDownLatch(1);
            store.addListener(c -> {
                if (c.catalogue().version() == version) {
                    applied.countDown();
                }
            });
            Catalogue next = new Catalogue(sample.format(), version, sample.publishedAt(), sample.region(),
                    sample.hall(), sample.departments(), sample.topics(), sample.items());
            byte[] body = CatalogueReader.mapper().writeValueAsBytes(next);
            long t0 = System.nanoTime();
            publish(uri, creds, next, body);
            if (!applied.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("version " + version + " never applied");
            }
            ms[run] = (System.nanoTime() - t0) / 1e6;
        }
    }

    private static SyncEngine engine(SyncSettings settings, CatalogueStore store, QueuedOutbox outbox) {
        return new SyncEngine(settings, Clock.systemUTC(), store, outbox,
                List::of, alert -> {
                    throw new IllegalStateException("unexpected alert " + alert);
                }, new SplittableRandom(1));
    }

    /** The sample's 64 items plus copies with fresh codes up to {@code size} items, as version 2. */
    static Catalogue grow(Catalogue sample, int size) {
        List<ServiceItem> items = new ArrayList<>(sample.items());
        for (int i = items.size(); i < size; i++) {
            ServiceItem s = sample.items().get(i % sample.items().size());
            items.add(new ServiceItem(s.implementingBody().code() + "9%012d".formatted(i), s.basicCode(),
                    s.name() + "（" + i + "）", s.synonyms(), s.type(), s.department(), s.implementingBody(),
                    s.serviceObjects(), s.legalBasis(), s.conditions(), s.process(), s.materials(), s.handlingType(),
                    s.legalTimeLimit(), s.promisedTimeLimit(), s.fee(), s.visits(), s.place(), s.hours(), s.phone(),
                    s.complaintPhone(), s.kioskHandleable(), s.result(), s.popularity(), s.form()));
        }
        return new Catalogue(sample.format(), 2, sample.publishedAt(), sample.region(), sample.hall(),
                sample.departments(), sample.topics(), items);
    }

    private static void publish(URI portal, Bootstrap creds, Catalogue catalogue, byte[] body) throws Exception {
        ObjectMapper json = CatalogueReader.mapper();
        PublishRequest request = new PublishRequest(Base64.getEncoder().encodeToString(body),
                new CatalogueSigner(creds.signingKey()).sign(body, catalogue.version()));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(portal.resolve(
                    ApiPaths.OPERATOR_CATALOGUE.substring(1))).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + creds.operatorToken())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("publish failed: " + r.body());
            }
        }
    }

    /** Body bytes as transferred (still compressed when {@code gzip}: the JDK client does not decode). */
    private static long fetchLength(URI uri, boolean gzip) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            if (gzip) {
                request.header("Accept-Encoding", "gzip");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
    }
}
