package org.bianmin.kiosk.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.sync.CatalogueCheck;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.protocol.json.BoundedJson;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed catalogue file from a USB stick: same verification as the network sync, the old catalogue kept. */
class CatalogueImportTest {

    @TempDir
    Path dir;
    private OperatorFixture f;
    private CatalogueViewModel vm;
    private Path usb;

    @BeforeEach
    void setUp() throws Exception {
        f = new OperatorFixture(dir);
        usb = dir.resolve("media/USB");
        vm = new CatalogueViewModel(() -> f.cache.catalogue().current().orElseThrow(), Optional.empty(),
                new CatalogueImport(f.cache.catalogue(), () -> List.of(f.key.publicOnly())), f.session,
                Runnable::run, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aSignedNewerFileIsAppliedWithItsKeyId() throws Exception {
        vm.importFrom(OperatorFixture.signedFile(usb, "catalogue.json", 5, f.key));
        assertThat(f.currentVersion()).isEqualTo(5);
        assertThat(vm.statusProperty().get().signingKeyId()).contains(f.key.keyId());
        assertThat(vm.messageProperty().get()).isEqualTo(Prompt.of("operator.catalogue.applied", 5L, 1L));
        assertThat(f.audited.getLast()).isEqualTo(new OperatorFixture.Audited("operator.catalogue.import",
                Outcome.SUCCESS, "catalogue.json: applied version 5 (was 1)"));
    }

    @Test
    void tamperedUnsignedUntrustedOrOlderFilesAreRefusedAndTheCurrentCatalogueKept() throws Exception {
        vm.importFrom(OperatorFixture.signedFile(usb, "catalogue.json", 5, f.key));

        Path tampered = OperatorFixture.signedFile(usb.resolve("tampered"), "catalogue.json", 6, f.key);
        byte[] body = Files.readAllBytes(tampered);
        body[body.length / 2] ^= 0x01;
        Files.write(tampered, body);
        assertRefused(tampered, CatalogueCheck.Refusal.TAMPERED);

        Path unsigned = OperatorFixture.signedFile(usb.resolve("unsigned"), "catalogue.json", 6, f.key);
        Files.delete(unsigned.resolveSibling("catalogue.json.sig"));
        assertRefused(unsigned, CatalogueCheck.Refusal.UNSIGNED);

        KeyFile stranger = Ed25519Keys.toFile(Ed25519Keys.generate());
        assertRefused(OperatorFixture.signedFile(usb.resolve("stranger"), "catalogue.json", 6, stranger),
                CatalogueCheck.Refusal.UNTRUSTED_KEY);

        assertRefused(OperatorFixture.signedFile(usb.resolve("older"), "catalogue.json", 3, f.key), CatalogueCheck.Refusal.OLDER);

        Path garbage = usb.resolve("garbage/catalogue.json");
        Files.createDirectories(garbage.getParent());
        Files.writeString(garbage, "{}");
        Files.writeString(garbage.resolveSibling("catalogue.json.sig"), "{not json");
        assertRefused(garbage, CatalogueCheck.Refusal.UNSIGNED);

        assertThat(vm.statusProperty().get().signingKeyId()).contains(f.key.keyId());
        assertThat(f.audited).filteredOn(a -> a.outcome() == Outcome.DENIED).hasSize(5);
    }

    @Test
    void withoutTrustedKeysEveryFileIsRefused() throws Exception {
        CatalogueImport noKeys = new CatalogueImport(f.cache.catalogue(), List::of);
        CatalogueCheck check = noKeys.importFile(OperatorFixture.signedFile(usb, "catalogue.json", 5, f.key));
        assertThat(check).isInstanceOfSatisfying(CatalogueCheck.Refused.class,
                r -> assertThat(r.kind()).isEqualTo(CatalogueCheck.Refusal.UNTRUSTED_KEY));
        assertThat(f.currentVersion()).isEqualTo(1);
    }

    /** A stick may hold anything under a catalogue's name: a file too big is refused before it is loaded. */
    @Test
    void anOversizedCatalogueOrSignatureFileIsNotLoaded() throws Exception {
        Path big = OperatorFixture.signedFile(usb.resolve("big"), "catalogue.json", 6, f.key);
        try (var channel = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0).write(java.nio.ByteBuffer.wrap(new byte[1]), BoundedJson.MAX_DOCUMENT_BYTES);
        }
        CatalogueImport importer = new CatalogueImport(f.cache.catalogue(), () -> List.of(f.key.publicOnly()));
        assertThat(importer.importFile(big)).isInstanceOfSatisfying(CatalogueCheck.Unreachable.class,
                u -> assertThat(u.error()).contains("larger than " + BoundedJson.MAX_DOCUMENT_BYTES + " bytes"));

        Path bigSignature = OperatorFixture.signedFile(usb.resolve("bigsig"), "catalogue.json", 6, f.key);
        Files.write(bigSignature.resolveSibling("catalogue.json.sig"), new byte[1 << 20]);
        assertThat(importer.importFile(bigSignature)).isInstanceOf(CatalogueCheck.Unreachable.class);
        assertThat(f.currentVersion()).isEqualTo(1);
    }

    @Test
    void theChooserOffersCatalogueFilesNotKeysOrSignatures() {
        assertThat(CatalogueImport.offered(Path.of("catalogue.json"))).isTrue();
        assertThat(CatalogueImport.offered(Path.of("catalogue.json.sig"))).isFalse();
        assertThat(CatalogueImport.offered(Path.of("operator.pub.json"))).isFalse();
        assertThat(CatalogueImport.offered(Path.of("operator.key.json"))).isFalse();
    }

    private void assertRefused(Path file, CatalogueCheck.Refusal kind) {
        vm.importFrom(file);
        assertThat(f.currentVersion()).as("current catalogue kept").isEqualTo(5);
        assertThat(vm.messageProperty().get()).isEqualTo(Prompt.of("operator.import.refused",
                file.getFileName().toString(), Prompt.of("operator.refusal." + kind.name())));
        assertThat(f.audited.getLast().outcome()).isEqualTo(Outcome.DENIED);
        assertThat(f.audited.getLast().detail()).contains("refused " + kind);
    }
}
