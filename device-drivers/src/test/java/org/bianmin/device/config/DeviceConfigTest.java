package org.bianmin.device.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceConfigTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSimulatedDefaultsAreValidAndRoundTripThroughJson() throws Exception {
        List<DeviceConfig> defaults = DeviceConfig.simulatedDefaults();
        assertThat(DeviceConfig.problems(defaults)).isEmpty();
        String text = json.writeValueAsString(defaults.getFirst());
        assertThat(json.readValue(text, DeviceConfig.class)).isEqualTo(defaults.getFirst());
    }

    @Test
    void parsesAStablePortConfig() throws Exception {
        DeviceConfig c = json.readValue("""
                {"name": "idcard", "driver": "idcard", "port": "/dev/serial/by-id/usb-1a86_USB2.0-Ser_-if00-port0",
                 "options": {"pollIntervalMs": 250, "fingerprint": "true"}}""", DeviceConfig.class);
        assertThat(c.problems()).isEmpty();
        assertThat(c.resolvedBaud()).isEqualTo(115200);
        assertThat(c.intOption("pollIntervalMs", 300)).isEqualTo(250);
    }

    @Test
    void everyProblemNamesTheDeviceAndField() {
        List<DeviceConfig> bad = List.of(
                new DeviceConfig("idcard", "idcard", "ttyUSB0", 12345, Map.of("pollIntervalMs", "1")),
                new DeviceConfig("scanner", "laser", "sim:", null, Map.of()),
                new DeviceConfig("wedge", "scanner-wedge", "/dev/ttyS0", null, Map.of("colour", "red")),
                new DeviceConfig("idcard", "idcard", "sim:", null, Map.of()));
        assertThat(DeviceConfig.problems(bad)).containsExactly(
                "devices[idcard].port: an absolute path (best /dev/serial/by-id/…), usb:VVVV:PPPP[:SERIAL], "
                        + "tcp:HOST:PORT or sim:, was ttyUSB0",
                "devices[idcard].baud: one of [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, "
                        + "921600], was 12345",
                "devices[idcard].options.pollIntervalMs: an integer 50-5000, was 1",
                "devices[scanner].driver: one of idcard, scanner, scanner-wedge, printer, was laser",
                "devices[wedge].port: scanner-wedge has no port (it reads key events), was /dev/ttyS0",
                "devices[wedge].options.colour: unknown option for scanner-wedge (known: maxKeyGapMs, minLength, "
                        + "suffix)",
                "devices[idcard].name: used twice");
    }

    @Test
    void aPortOutOfRangeOrWithAControlCharacterIsAProblem() {
        // the old pattern check took any 1-5 digits and anything after an absolute path's slash
        assertThat(new DeviceConfig("printer", "printer", "tcp:printer.local:99999", null, Map.of()).problems())
                .containsExactly("devices[printer].port: tcp:HOST:PORT needs a port 1-65535, was "
                        + "tcp:printer.local:99999");
        assertThat(new DeviceConfig("printer", "printer", "tcp:printer.local:0", null, Map.of()).problems())
                .hasSize(1);
        assertThat(new DeviceConfig("idcard", "idcard", "/dev/ttyUSB0\n", null, Map.of()).problems())
                .containsExactly("devices[idcard].port: a port has no control characters");
    }

    @Test
    void aPrinterTakesPaperWidthChineseModeAndQrOptions() throws Exception {
        DeviceConfig c = json.readValue("""
                {"name": "printer", "driver": "printer", "port": "tcp:192.168.1.50:9100",
                 "options": {"paperWidth": "58", "chineseMode": "raw", "nativeQr": "false"}}""", DeviceConfig.class);
        assertThat(c.problems()).isEmpty();
        assertThat(c.resolvedBaud()).isEqualTo(115200);
        assertThat(new DeviceConfig("printer", "printer", "/dev/ttyS0", 9600,
                Map.of("paperWidth", "76", "chineseMode", "GBK")).problems()).containsExactlyInAnyOrder(
                "devices[printer].options.paperWidth: one of 58, 80, was 76",
                "devices[printer].options.chineseMode: one of FS_AMPERSAND, RAW, was GBK");
        assertThat(new DeviceConfig("printer", "printer", null, null, Map.of()).problems())
                .singleElement().asString().startsWith("devices[printer].port:");
    }
}
