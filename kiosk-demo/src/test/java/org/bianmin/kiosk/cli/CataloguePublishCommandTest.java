package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.portal.PortalServer;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.TrustedKeys;
import org.bianmin.protocol.signing.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keys generate → catalogue sign → catalogue publish against a real portal on loopback. */
class CataloguePublishCommandTest {

    private final Catalogue sample = new CatalogueReader().readSample();

    @Test
    void generatesSignsAndPublishes(@TempDir Path dir) throws Exception {
        assertThat(KioskCtl.run("keys", "generate", "--out", dir.toString(), "--name", "op")).isZero();
        assertThat(KioskCtl.run("keys", "generate", "--out", dir.toString(), "--name", "op")).isEqualTo(1);
        Path key = dir.resolve("op.key.json");
        Path file = dir.resolve("catalogue.json");
        Files.write(file, CatalogueReader.mapper().writeValueAsBytes(version(2)));

        assertThat(KioskCtl.run("catalogue", "sign", file.toString(), "--key", key.toString())).isZero();
        CatalogueSignatureFile sig = CatalogueReader.mapper().readValue(dir.resolve("catalogue.json.sig").toFile(),
                CatalogueSignatureFile.class);
        assertThat(TrustedKeys.of(List.of(Ed25519Keys.read(dir.resolve("op.pub.json")))).verify(Files.readAllBytes(file),
                sig)).isInstanceOf(Verification.Valid.class);

        try (PortalServer portal = PortalServer.start(sample, "127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + portal.port() + "/";
            String token = portal.bootstrap().orElseThrow().operatorToken();
            String[] publish = {"catalogue", "publish", file.toString(), "--portal", url, "--key", key.toString(),
                    "--operator-token", token};
            assertThat(KioskCtl.run(publish)).as("key not trusted by the portal yet").isEqualTo(2);
            portal.trustKey(Ed25519Keys.read(dir.resolve("op.pub.json")));
            assertThat(KioskCtl.run(publish)).isZero();
            assertThat(portal.catalogueVersion()).isEqualTo(2);
            assertThat(KioskCtl.run(publish)).as("same version again").isEqualTo(2);
        }
        Files.writeString(file, "{\"format\":\"bianmin-catalogue/1\"");
        assertThat(KioskCtl.run("catalogue", "sign", file.toString(), "--key", key.toString())).isEqualTo(1);
    }

    private Catalogue version(long v) {
        return new Catalogue(sample.format(), v, sample.publishedAt(), sample.region(), sample.hall(),
                sample.departments(), sample.topics(), sample.items());
    }
}
