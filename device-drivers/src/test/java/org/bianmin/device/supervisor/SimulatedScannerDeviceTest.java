package org.bianmin.device.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.scanner.Suffix;
import org.bianmin.device.status.DeviceState;
import org.junit.jupiter.api.Test;

class SimulatedScannerDeviceTest {

    @Test
    void aSimulatedScannerFromConfigDeliversClassifiedScans() throws Exception {
        DeviceConfig config = new DeviceConfig("scanner", "scanner", "sim:", null, Map.of("suffix", "CRLF"));
        try (ManagedDevice.Scanner device = (ManagedDevice.Scanner) Devices.open(config, Clock.systemUTC())) {
            assertThat(StatusWait.reaches(device.status(), DeviceState.ONLINE, Duration.ofSeconds(10))).isTrue();
            device.simulator().orElseThrow().scan("https://zwfw.example.gov.cn/track/FZ-GL-20261121-00042");
            assertThat(device.scanner().next(Duration.ofSeconds(3))).isInstanceOfSatisfying(ScanResult.Scanned.class,
                    s -> assertThat(s.payload()).isInstanceOf(ScanPayload.ReceiptCode.class));
        }
    }

    @Test
    void aWedgeScannerFromConfigCarriesItsDetectorOptions() throws Exception {
        DeviceConfig config = new DeviceConfig("wedge", "scanner-wedge", null, null,
                Map.of("maxKeyGapMs", "20", "minLength", "8", "suffix", "LF"));
        try (ManagedDevice.WedgeScanner device = (ManagedDevice.WedgeScanner) Devices.open(config,
                Clock.systemUTC())) {
            assertThat(device.options().maxKeyGap()).isEqualTo(Duration.ofMillis(20));
            assertThat(device.options().minLength()).isEqualTo(8);
            assertThat(device.options().suffix()).isEqualTo(Suffix.LF);
            assertThat(device.status().current().state()).isEqualTo(DeviceState.ONLINE);
        }
    }
}
