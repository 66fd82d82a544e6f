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

    /** Before: a NullPointerException in KioskConfig.problems and picocli's 17-line stack trace, exit 1. */
    @Test
    void configWithBadFieldsPrintsTheProblemByFieldAndExitsThreeWithoutAStackTrace() throws Exception {
        for (String[] bad : new String[][] {
                {"{\"portalUrl\": \"relative/path\"}", "portalUrl: an absolute http(s) URL"},
                {"{\"language\": null}", "language: null is not a value"},
                {"{\"idleSeconds\": \"60\"}", "field 'idleSeconds'"},
                {"{\"idleSeconds\": 99999999}", "idleSeconds: 15 to 3600"},
                {"{\"devices\": \"\"}", "field 'devices'"},
                {"{\"admin\": {\"idleSeconds\": 1.5}}", "field 'admin.idleSeconds'"},
                {"[".repeat(100_000), "nesting depth"}}) {
            console.reset();
            Files.writeString(dir.resolve("config.json"), bad[0]);
            assertThat(KioskCtl.run("config", "--data-dir", dir.toString())).as(bad[0]).isEqualTo(3);
            assertThat(console.err()).as(bad[0]).startsWith("Invalid kiosk config").contains(bad[1])
                    .doesNotContain("Exception", "\tat ");
        }
    }
}
