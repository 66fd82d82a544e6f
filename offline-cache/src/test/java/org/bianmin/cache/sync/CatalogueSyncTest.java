package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogue sync over real HTTP: from the portal, from a plain static file server, and by push. */
class CatalogueSyncTest {

    @TempDir
    Path dir;
    private SyncFixture f;
    private HttpServer files;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        f = new SyncFixture(dir);
        root = Files.createDirectories(dir.resolve("www/catalogue"));
        files = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                dir.resolve("www"), SimpleFileServer.OutputLevel.NONE);
        files.start();
    }

    @AfterEach
    void tearDown() {
        files.stop(0);
        f.close();
    }

    @Test
    void appliesTheSignedCatalogueFromThePortalThenAnswersUnchangedWith304() throws Exception {
        SyncEngine engine = f.engine(f.settings(f.portalUri()));
        assertThat(engine.checkCatalogueNow().get()).isEqualTo(new CatalogueCheck.Applied(1, 0));
        assertThat(engine.checkCatalogueNow().get()).isEqualTo(new CatalogueCheck.Unchanged(1));
        assertThat(engine.lastSync()).hasValue(f.clock.instant());
        assertThat(f.alerts).isEmpty();
    }

    @Test
    void aRefusedOfferIsNotDownloadedAndAlertedAgainWhileItIsUnchanged() throws Exception {
        KeyFile other = Ed25519Keys.toFile(Ed25519Keys.generate());
        SyncSettings trustsOther = SyncSettings.defaults(f.portalUri(), f.creds.kioskId(), f.creds.kioskToken(), "t",
                org.bianmin.protocol.signing.TrustedKeys.of(java.util.List.of(other.publicOnly())));
        SyncEngine engine = f.engine(trustsOther);
        assertThat(engine.checkCatalogueNow().get()).isInstanceOf(CatalogueCheck.Refused.class);
        assertThat(engine.checkCatalogueNow().get()).isInstanceOf(CatalogueCheck.Refused.class);
        assertThat(f.alerts).hasSize(1);
        assertThat(f.storedVersion()).isZero();
        f.portal.trustKey(other);
        assertThat(f.publish(f.version(2), other)).isEqualTo(200);
        assertThat(engine.checkCatalogueNow().get()).isEqualTo(new CatalogueCheck.Applied(2, 0));
    }

    @Test
    void eachTamperedOfferIsRefusedAndTheCurrentCatalogueKept() throws Exception {
        SyncEngine engine = f.engine(f.settings(f.portalUri()).withCatalogueBase(staticServer()));
        KeyFile key = f.creds.signingKey();
        serve(f.version(2), key, body -> body);
        assertThat(engine.checkCatalogueNow().get()).as("static files from a plain web server")
                .isEqualTo(new CatalogueCheck.Applied(2, 0));

        serve(f.version(3), key, body -> {
            body[body.length / 2] ^= 0x01;
            return body;
        });
        assertRefused(engine, "does not match");

        KeyFile stranger = Ed25519Keys.toFile(Ed25519Keys.generate());
        serve(f.version(3), stranger, body -> body);
        assertRefused(engine, "does not trust");

        serve(f.version(3), key, body -> Arrays.copyOf(body, body.length - 100));
        assertRefused(engine, "does not match");

        byte[] truncated = Arrays.copyOf(f.json.writeValueAsBytes(f.version(3)), 500);
        Files.write(root.resolve("catalogue.json"), truncated);
        writeSignature(new CatalogueSigner(key).sign(truncated, 3));
        assertRefused(engine, "fails validation");

        byte[] schemaError = f.json.writeValueAsString(f.version(3)).replace("\"visits\":1,", "\"visits\":\"one\",")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(root.resolve("catalogue.json"), schemaError);
        writeSignature(new CatalogueSigner(key).sign(schemaError, 3));
        assertRefused(engine, "visits");

        serve(f.version(1), key, body -> body);
        assertRefused(engine, "older");

        Files.writeString(root.resolve("catalogue.json.sig"), "{not json");
        assertRefused(engine, "signature");

        assertThat(f.alerts).hasSize(7).allMatch(a -> a.kind() == SyncAlert.Kind.CATALOGUE_REFUSED);
        assertThat(engine.sendHeartbeatNow().get()).isTrue();
        assertThat(f.portal.store().kiosks().getFirst().lastHeartbeat().alerts()).hasSize(7)
                .allMatch(a -> a.contains("CATALOGUE_REFUSED"));
        serve(f.version(4), key, body -> body);
        assertThat(engine.checkCatalogueNow().get()).isEqualTo(new CatalogueCheck.Applied(4, 2));
    }

    @Test
    void aPublishedVersionIsPushedAndAppliedWithinFiveSeconds() throws Exception {
        SyncEngine engine = f.engine(f.settings(f.portalUri()).withPollInterval(java.time.Duration.ofHours(1)));
        CountDownLatch v2 = new CountDownLatch(1);
        f.store.addListener(s -> {
            if (s.catalogue().version() == 2) {
                v2.countDown();
            }
        });
        engine.start();
        assertThat(SyncFixture.await(() -> engine.streaming() && f.storedVersion() == 1, 10))
                .as("stream up, version 1 applied").isTrue();
        // Polling is hourly and the clock does not move: only the pushed announcement can apply version 2.
        assertThat(f.publish(f.version(2), f.creds.signingKey())).isEqualTo(200);
        assertThat(v2.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(f.storedVersion()).isEqualTo(2);
    }

    @Test
    void withoutAnEventStreamTheKioskPollsAtItsInterval() throws Exception {
        // No portal API at all (nothing listens on the API port): only the static files, polled every minute.
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SyncEngine engine = f.engine(f.settings(URI.create("http://127.0.0.1:" + closedPort + "/"))
                .withCatalogueBase(staticServer()).withPollInterval(java.time.Duration.ofMinutes(1)));
        serve(f.version(2), f.creds.signingKey(), body -> body);
        engine.start();
        assertThat(SyncFixture.await(() -> f.storedVersion() == 2, 10)).isTrue();
        // Version 2 is stored before that poll ends (the search index is built after) and sets its next poll from
        // the clock: advancing the clock before then would push the next poll out of the test's reach.
        java.util.concurrent.CountDownLatch pollDone = new java.util.concurrent.CountDownLatch(1);
        engine.post(pollDone::countDown);
        assertThat(pollDone.await(10, TimeUnit.SECONDS)).as("the poll that applied version 2 ended").isTrue();
        serve(f.version(3), f.creds.signingKey(), body -> body);
        assertThat(f.storedVersion()).as("not before the poll is due").isEqualTo(2);
        f.clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(SyncFixture.await(() -> f.storedVersion() == 3, 10)).isTrue();
        assertThat(engine.streaming()).isFalse();
    }

    private URI staticServer() {
        return URI.create("http://127.0.0.1:" + files.getAddress().getPort() + "/");
    }

    private void assertRefused(SyncEngine engine, String reason) throws Exception {
        CatalogueCheck check = engine.checkCatalogueNow().get();
        assertThat(check).isInstanceOf(CatalogueCheck.Refused.class);
        assertThat(((CatalogueCheck.Refused) check).reason()).contains(reason);
        assertThat(f.storedVersion()).isEqualTo(2);
    }

    private void serve(Catalogue catalogue, KeyFile key, java.util.function.UnaryOperator<byte[]> tamper)
            throws Exception {
        byte[] body = f.json.writeValueAsBytes(catalogue);
        writeSignature(new CatalogueSigner(key).sign(body, catalogue.version()));
        Files.write(root.resolve("catalogue.json"), tamper.apply(body));
    }

    private void writeSignature(CatalogueSignatureFile sig) throws Exception {
        Files.write(root.resolve("catalogue.json.sig"), f.json.writeValueAsBytes(sig));
    }
}
