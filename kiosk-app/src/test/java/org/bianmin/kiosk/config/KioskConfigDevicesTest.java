package org.bianmin.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigDevicesTest {

    @TempDir
    Path dir;

    @Test
    void defaultsRunSimulatedDevicesAndAConfiguredReaderIsRead() throws Exception {
        assertThat(KioskConfig.defaults().devices()).extracting(d -> d.name() + "=" + d.port())
                .containsExactly("idcard=sim:", "scanner=sim:", "printer=sim:");
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"devices": [{"name": "idcard", "driver": "idcard",
                  "port": "/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0", "baud": 115200}]}""");
        KioskConfig config = new ConfigStore(file).loadOrCreate();
        assertThat(config.devices()).singleElement()
                .satisfies(d -> assertThat(d.port()).startsWith("/dev/serial/by-id/"));
    }

    @Test
    void anInvalidDeviceNamesTheDeviceAndField() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"devices": [{"name": "scanner", "driver": "scanner", "port": "sim:", "options": {"suffix": "TAB"}}]}""");
        assertThatThrownBy(() -> new ConfigStore(file).loadOrCreate())
                .hasMessageContaining("devices[scanner].options.suffix: one of NONE, CR, LF, CRLF, ETX, was TAB");
    }
}
