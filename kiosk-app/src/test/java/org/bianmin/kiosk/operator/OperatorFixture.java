package org.bianmin.kiosk.operator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.kiosk.admin.AdminRole;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.ui.MovableClock;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;

/** A real offline cache in a temporary directory, an operator session whose audit entries are kept, signed files. */
final class OperatorFixture implements AutoCloseable {

    record Audited(String event, Outcome outcome, String detail) {}

    final Path dir;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T02:00:00Z"));
    final OfflineCache cache;
    final List<Audited> audited = new ArrayList<>();
    final AdminSession session;
    final KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());

    OperatorFixture(Path dir) throws Exception {
        this.dir = dir;
        cache = OfflineCache.open(dir, dir.resolve("kiosk.db"), OfflineCache.Settings.defaults("KIOSK-0001"), clock,
                a -> {});
        cache.catalogue().apply(version(1), CatalogueSignature.UNSIGNED);
        session = new AdminSession(AdminRole.OPERATOR, clock.instant(), clock.getZone(),
                (actor, event, outcome, detail) -> audited.add(new Audited(event, outcome, detail)), () -> {});
    }

    static Catalogue version(long version) throws Exception {
        Catalogue sample = new CatalogueReader().readSample();
        return new Catalogue(sample.format(), version, sample.publishedAt(), sample.region(), sample.hall(),
                sample.departments(), sample.topics(), sample.items());
    }

    /** Writes {@code name} and {@code name.sig} signed by {@code by}; returns the catalogue file. */
    static Path signedFile(Path folder, String name, long version, KeyFile by) throws Exception {
        Files.createDirectories(folder);
        byte[] body = CatalogueReader.mapper().writeValueAsBytes(version(version));
        CatalogueSignatureFile signature = new CatalogueSigner(by).sign(body, version);
        Path file = folder.resolve(name);
        Files.write(file, body);
        CatalogueReader.mapper().writeValue(folder.resolve(name + ".sig").toFile(), signature);
        return file;
    }

    long currentVersion() {
        return cache.catalogue().current().orElseThrow().version();
    }

    @Override
    public void close() {
        cache.close();
    }
}
