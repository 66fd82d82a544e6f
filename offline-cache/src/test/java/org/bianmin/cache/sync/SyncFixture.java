package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.cache.db.Database;
import org.bianmin.portal.Bootstrap;
import org.bianmin.portal.PortalServer;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.SigningException;
import org.bianmin.protocol.signing.TrustedKeys;

/** A reference portal on loopback, a kiosk database with its catalogue store, and an engine wired to both. */
final class SyncFixture implements AutoCloseable {

    static final String PROMISED_ITEM = "11350102488130529A2001006010001";
    static final String IMMEDIATE_ITEM = "11350102003612459N2002002010001";

    final Catalogue sample = new CatalogueReader().readSample();
    final ObjectMapper json = CatalogueReader.mapper();
    final TestClock clock = new TestClock();
    final PortalServer portal = PortalServer.start(sample, "127.0.0.1", 0);
    final Bootstrap creds = portal.bootstrap().orElseThrow();
    final Database db;
    final CatalogueStore store;
    final MemoryOutbox outbox = new MemoryOutbox();
    final List<SyncAlert> alerts = new ArrayList<>();
    private final List<SyncEngine> engines = new ArrayList<>();

    SyncFixture(Path dir) {
        db = Database.open(dir.resolve("kiosk.db"), clock, a -> {});
        store = new CatalogueStore(db, clock);
    }

    URI portalUri() {
        return URI.create("http://127.0.0.1:" + portal.port() + "/");
    }

    SyncSettings settings(URI portalUri) throws SigningException {
        return SyncSettings.defaults(portalUri, creds.kioskId(), creds.kioskToken(), "0.1.0-test",
                TrustedKeys.of(List.of(creds.signingKey().publicOnly())))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    SyncEngine engine(SyncSettings settings) {
        SyncEngine engine = new SyncEngine(settings, clock, store, outbox, List::of, alerts::add,
                new SplittableRandom(7));
        engines.add(engine);
        return engine;
    }

    Catalogue version(long v) {
        return new Catalogue(sample.format(), v, sample.publishedAt(), sample.region(), sample.hall(),
                sample.departments(), sample.topics(), sample.items());
    }

    /** Publishes through the operator API, as {@code kioskctl catalogue publish} does. */
    int publish(Catalogue catalogue, KeyFile key) throws Exception {
        byte[] body = json.writeValueAsBytes(catalogue);
        PublishRequest request = new PublishRequest(Base64.getEncoder().encodeToString(body),
                new CatalogueSigner(key).sign(body, catalogue.version()));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(portalUri().resolve(ApiPaths.OPERATOR_CATALOGUE.substring(1)))
                    .header("Authorization", "Bearer " + creds.operatorToken()).timeout(Duration.ofSeconds(10))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** Waits (up to {@code seconds}) for a condition another thread makes true. */
    static boolean await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    long storedVersion() {
        return store.current().map(s -> s.catalogue().version()).orElse(0L);
    }

    @Override
    public void close() {
        engines.forEach(SyncEngine::close);
        portal.close();
        db.close();
    }
}
