package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskCtlTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(KioskCtl.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("kioskctl", "catalogue", "config");
    }

    @Test
    void validateAcceptsTheSampleAndNamesItemAndFieldOfABadOne() throws Exception {
        var mapper = CatalogueReader.mapper();
        Path good = dir.resolve("good.json");
        mapper.writeValue(good.toFile(), new CatalogueReader().readSample());
        assertThat(KioskCtl.run("catalogue", "validate", good.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("valid: version 1");

        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(good.toFile());
        var item = (com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("items").get(0);
        item.put("fee", 5);
        Path bad = dir.resolve("bad.json");
        mapper.writeValue(bad.toFile(), tree);
        assertThat(KioskCtl.run("catalogue", "validate", bad.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("item " + item.get("code").asText() + " field 'fee'");
    }

    @Test
    void configCreatesDefaultsInTheDataDirectory() throws Exception {
        assertThat(KioskCtl.run("config", "--data-dir", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve("config.json"))).contains("KIOSK-0001");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("KIOSK-0001");
    }
}
