package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.cache.db.Database;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.TrustedKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional catalogue GETs against a stub that honours ETags: after a refusal, and after a restart. */
class CatalogueRevalidationTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private final ObjectMapper json = CatalogueReader.mapper();
    private final Catalogue sample = new CatalogueReader().readSample();
    private final List<SyncAlert> alerts = new ArrayList<>();
    private final KeyFile trusted = Ed25519Keys.toFile(Ed25519Keys.generate());
    private StubPortal portal;
    private Database db;
    private SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        portal = new StubPortal();
        start();
    }

    @AfterEach
    void tearDown() {
        engine.close();
        db.close();
        portal.close();
    }

    /** A kiosk process: its database and a sync engine on it. */
    private void start() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"), clock, a -> {});
        engine = new SyncEngine(SyncSettings.defaults(portal.uri(), "GL-0001", "token", "t",
                TrustedKeys.of(List.of(trusted.publicOnly()))), clock, new CatalogueStore(db, clock),
                new MemoryOutbox(), List::of, alerts::add, new SplittableRandom(1));
    }

    private void restart() throws Exception {
        engine.close();
        db.close();
        start();
    }

    @Test
    void aSignatureCorrectedAfterARefusalIsAppliedThoughTheBodyIsUnchanged() throws Exception {
        byte[] body = json.writeValueAsBytes(sample);
        KeyFile wrong = Ed25519Keys.toFile(Ed25519Keys.generate());
        portal.serveCatalogue(body, signature(body, wrong));
        assertThat(engine.checkCatalogueNow().get()).isInstanceOfSatisfying(CatalogueCheck.Refused.class,
                r -> assertThat(r.kind()).isEqualTo(CatalogueCheck.Refusal.UNTRUSTED_KEY));
        assertThat(engine.checkCatalogueNow().get()).isInstanceOf(CatalogueCheck.Refused.class);
        assertThat(portal.cataloguesServed()).as("the unchanged refused file is revalidated, not downloaded").isEqualTo(1);
        assertThat(alerts).hasSize(1);

        portal.serveSignature(signature(body, trusted));
        assertThat(engine.checkCatalogueNow().get()).as("same body, corrected signature")
                .isEqualTo(new CatalogueCheck.Applied(sample.version(), 0));
        assertThat(alerts).hasSize(1);
    }

    @Test
    void theEtagIsKeptWithTheCatalogueSoARestartRevalidatesInsteadOfDownloading() throws Exception {
        byte[] body = json.writeValueAsBytes(sample);
        portal.serveCatalogue(body, signature(body, trusted));
        assertThat(engine.checkCatalogueNow().get()).isEqualTo(new CatalogueCheck.Applied(sample.version(), 0));
        assertThat(portal.requests("GET", ApiPaths.CATALOGUE)).singleElement()
                .satisfies(first -> assertThat(first.ifNoneMatch()).as("the first GET is unconditional").isNull());

        restart();
        assertThat(engine.checkCatalogueNow().get()).isEqualTo(new CatalogueCheck.Unchanged(sample.version()));
        List<StubPortal.Request> gets = portal.requests("GET", ApiPaths.CATALOGUE);
        assertThat(gets).hasSize(2);
        assertThat(gets.getLast().ifNoneMatch()).as("the restarted kiosk sends the ETag it kept").isNotNull();
        assertThat(portal.cataloguesServed()).isEqualTo(1);
    }

    private byte[] signature(byte[] body, KeyFile key) throws Exception {
        return json.writeValueAsBytes(new CatalogueSigner(key).sign(body, sample.version()));
    }
}
