package org.bianmin.kiosk.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.supervisor.Devices;
import org.bianmin.device.supervisor.ManagedDevice;
import org.junit.jupiter.api.Test;

/** Scans keep arriving through a scanner's edits: a new port, a switch to keyboard wedge and back. */
class ScanFeedTest {

    private static final String RECEIPT = "FZ-GL-20261121-00042";

    @Test
    void scansFollowTheScannerThroughItsEdits() throws Exception {
        BlockingQueue<ScanResult> scans = new LinkedBlockingQueue<>();
        try (ConfiguredDevices devices = ConfiguredDevices.open(List.of(serial("CR")),
                Devices.Workspace.inMemory(Clock.systemUTC()));
             ScanFeed feed = new ScanFeed(devices, Runnable::run, scans::add)) {
            assertThat(scanThrough(devices, scans)).isEqualTo(RECEIPT);

            devices.reconfigure(serial("CRLF"));
            assertThat(scanThrough(devices, scans)).isEqualTo(RECEIPT);

            devices.reconfigure(new DeviceConfig("scanner", "scanner-wedge", null, null, Map.of()));
            assertThat(devices.serialScanners()).isEmpty();
            assertThat(devices.wedge()).isPresent();

            devices.reconfigure(serial("LF"));
            assertThat(scanThrough(devices, scans)).isEqualTo(RECEIPT);
            assertThat(scans).isEmpty();
        }
    }

    private static DeviceConfig serial(String suffix) {
        return new DeviceConfig("scanner", "scanner", "sim:", null, Map.of("suffix", suffix));
    }

    private static String scanThrough(ConfiguredDevices devices, BlockingQueue<ScanResult> scans)
            throws InterruptedException {
        ManagedDevice.Scanner scanner = devices.serialScanners().getFirst();
        assertThat(scanner.supervisor().awaitConnected(java.time.Duration.ofSeconds(10))).isTrue();
        scanner.simulator().orElseThrow().scan(RECEIPT);
        ScanResult result = scans.poll(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(ScanResult.Scanned.class);
        return ((ScanPayload.ReceiptCode) ((ScanResult.Scanned) result).payload()).receiptNumber();
    }
}
