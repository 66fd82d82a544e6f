package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SelfCheckCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aFreshDataDirectoryPassesOnThisMachine() {
        assertThat(KioskCtl.run("selfcheck", "--data-dir", dir.toString())).as(console.out()).isZero();
        assertThat(console.out()).contains("PASS  java", "PASS  data-dir", "PASS  serial-library", "PASS  cjk-font",
                "PASS  database", "self-check: no failure in 12 checks");
    }

    @Test
    void aReaderOnAMissingPortFailsWithExitCodeOne() throws Exception {
        Files.writeString(dir.resolve("config.json"), """
                {"devices": [{"name": "idcard", "driver": "idcard", "port": "/dev/serial/by-id/usb-gone"}]}""");
        assertThat(KioskCtl.run("selfcheck", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(console.out()).contains("FAIL  port idcard      /dev/serial/by-id/usb-gone does not exist",
                "out of service: [ID_CARD_READER]");
    }

    @Test
    void anInvalidConfigIsAFailedCheck() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"kioskId\": \"x\"}");
        assertThat(KioskCtl.run("selfcheck", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(console.out()).startsWith("FAIL  config").contains("kioskId");
    }
}
