package org.bianmin.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.bianmin.device.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scanner driver against the scanner simulator, in memory and over a socat pty pair. */
class SerialScannerTest {

    @TempDir
    Path dir;

    private final DeviceStatusTracker status = new DeviceStatusTracker("scanner", Clock.systemUTC());

    @ParameterizedTest
    @CsvSource({"CR, UTF-8", "CRLF, GBK", "ETX, UTF-8", "NONE, GBK"})
    void everySamplePayloadArrivesClassified(Suffix suffix, String charset) throws Exception {
        MemoryLink link = new MemoryLink("scanner");
        try (ScannerSimulator sim = new ScannerSimulator(new SimulatedPort(link.deviceEnd(), Optional.of(link),
                Optional.empty()), suffix, java.nio.charset.Charset.forName(charset), new Random(1)).start()) {
            link.hostEnd().open();
            SerialScanner scanner = scanner(link.hostEnd(), suffix);
            for (String payload : ScannerSimulator.samplePayloads()) {
                sim.scan(payload);
                assertThat(scanner.next(Duration.ofSeconds(3))).isInstanceOfSatisfying(ScanResult.Scanned.class,
                        s -> assertThat(s.payload().text()).isEqualTo(payload));
            }
            assertThat(scanner.next(Duration.ofMillis(50))).isInstanceOf(ScanResult.NoScan.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"GARBAGE, BAD_ENCODING", "OVERLONG, TOO_LONG", "PARTIAL, PARTIAL"})
    void faultsAreTypedRejections(ScannerFault fault, ScanResult.Reason reason) throws Exception {
        MemoryLink link = new MemoryLink("scanner");
        try (ScannerSimulator sim = new ScannerSimulator(new SimulatedPort(link.deviceEnd(), Optional.of(link),
                Optional.empty()), Suffix.CR, StandardCharsets.UTF_8, new Random(11)).start()) {
            link.hostEnd().open();
            SerialScanner scanner = scanner(link.hostEnd(), Suffix.CR);
            sim.fault(fault);
            sim.scan("FZ-GL-20261121-00042");
            assertThat(scanner.next(Duration.ofSeconds(3))).isInstanceOfSatisfying(ScanResult.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(reason));
            sim.fault(ScannerFault.NONE);
            sim.scan("FZ-GL-20261121-00043");
            assertThat(scanner.next(Duration.ofSeconds(3))).isInstanceOf(ScanResult.Scanned.class);
        }
    }

    @Test
    void anUnplugIsAPortFailureAndTheStatusGoesOffline() throws Exception {
        MemoryLink link = new MemoryLink("scanner");
        try (ScannerSimulator sim = new ScannerSimulator(new SimulatedPort(link.deviceEnd(), Optional.of(link),
                Optional.empty()), Suffix.CR, StandardCharsets.UTF_8, new Random(1)).start()) {
            link.hostEnd().open();
            SerialScanner scanner = scanner(link.hostEnd(), Suffix.CR);
            sim.fault(ScannerFault.UNPLUG);
            sim.scan("X");
            assertThat(scanner.next(Duration.ofSeconds(3))).isInstanceOfSatisfying(ScanResult.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("DISCONNECTED"));
            assertThat(status.current().state()).isEqualTo(DeviceState.OFFLINE);
        }
    }

    @Test
    void scansArriveOverAPtyPair() throws Exception {
        SerialSettings line = SerialSettings.of8N1(9600);
        try (PtyPair pair = PtyPair.start(dir);
             SerialTransport host = new SerialTransport(pair.hostPath().toString(), line);
             ScannerSimulator sim = new ScannerSimulator(new SimulatedPort(
                     new SerialTransport(pair.devicePath().toString(), line), Optional.of(pair), Optional.of(line)),
                     Suffix.CRLF, PayloadRules.GBK, new Random(1)).start()) {
            host.open();
            SerialScanner scanner = scanner(host, Suffix.CRLF);
            for (String payload : ScannerSimulator.samplePayloads()) {
                sim.scan(payload);
                assertThat(scanner.next(Duration.ofSeconds(3))).isInstanceOfSatisfying(ScanResult.Scanned.class,
                        s -> assertThat(s.payload().text()).isEqualTo(payload));
            }
        }
    }

    private SerialScanner scanner(Transport transport, Suffix suffix) {
        return new SerialScanner(transport, status,
                new SerialScanner.Options(suffix, Duration.ofMillis(150), PayloadRules.defaults()));
    }
}
