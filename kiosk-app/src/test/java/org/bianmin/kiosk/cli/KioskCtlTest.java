package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KioskCtlTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void helpListsTheCommands() {
        assertThat(KioskCtl.run("--help")).isZero();
        assertThat(console.out()).contains("kioskctl", "catalogue", "config");
    }

    @Test
    void validateAcceptsTheSampleAndNamesItemAndFieldOfABadOne() throws Exception {
        var mapper = CatalogueReader.mapper();
        Path good = dir.resolve("good.json");
        mapper.writeValue(good.toFile(), new CatalogueReader().readSample());
        assertThat(KioskCtl.run("catalogue", "validate", good.toString())).isZero();
        assertThat(console.out()).startsWith("valid: version 1");

        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(good.toFile());
        var item = (com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("items").get(0);
        item.put("fee", 5);
        Path bad = dir.resolve("bad.json");
        mapper.writeValue(bad.toFile(), tree);
        assertThat(KioskCtl.run("catalogue", "validate", bad.toString())).isEqualTo(1);
        assertThat(console.err())
                .contains("item " + item.get("code").asText() + " field 'fee'");
    }

    @Test
    void configCreatesDefaultsInTheDataDirectory() throws Exception {
        assertThat(KioskCtl.run("config", "--data-dir", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve("config.json"))).contains("KIOSK-0001");
        assertThat(console.out()).contains("KIOSK-0001");
    }
}
