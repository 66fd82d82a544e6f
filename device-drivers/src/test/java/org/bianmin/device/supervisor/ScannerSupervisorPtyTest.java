package org.bianmin.device.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.scanner.PayloadRules;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.scanner.ScannerSimulator;
import org.bianmin.device.scanner.SerialScanner;
import org.bianmin.device.scanner.Suffix;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner's idle port vanishing (socat killed) is noticed by the supervisor, and it comes back. */
class ScannerSupervisorPtyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aWaitingScanEndsWhenSocatDiesAndScansFlowAgainAfterItReturns() throws Exception {
        SerialSettings line = SerialSettings.of8N1(9600);
        ExecutorService app = Executors.newSingleThreadExecutor();
        try (PtyPair pair = PtyPair.start(dir);
             ScannerSimulator simulator = new ScannerSimulator(new SimulatedPort(
                     new SerialTransport(pair.devicePath().toString(), line), Optional.empty(), Optional.of(line)),
                     Suffix.CR, StandardCharsets.UTF_8, new Random(1)).start()) {
            SerialTransport host = new SerialTransport(pair.hostPath().toString(), line);
            DeviceStatusTracker status = new DeviceStatusTracker("scanner", Clock.systemUTC());
            SerialScanner scanner = new SerialScanner(host, status,
                    new SerialScanner.Options(Suffix.CR, Duration.ofMillis(150), PayloadRules.defaults()));
            Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(400));
            try (DeviceSupervisor supervisor = new DeviceSupervisor(host, status,
                    () -> host.isOpen() ? Probe.Result.HEALTHY : Probe.Result.UNREACHABLE, fast,
                    Duration.ofSeconds(30)).start()) {
                assertThat(supervisor.awaitConnected(WAIT)).isTrue();

                CompletableFuture<ScanResult> waiting = CompletableFuture.supplyAsync(
                        () -> scanner.next(Duration.ofMinutes(5)), app);
                pair.stop();
                assertThat(StatusWait.reaches(status, DeviceState.OFFLINE, WAIT)).isTrue();
                assertThat(waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ScanResult.Failed.class);

                pair.start();
                assertThat(StatusWait.reaches(status, DeviceState.ONLINE, WAIT)).isTrue();
                assertThat(supervisor.awaitConnected(WAIT)).isTrue();
                simulator.scan("FZ-GL-20261121-00042");
                assertThat(scanner.next(Duration.ofSeconds(5))).isInstanceOf(ScanResult.Scanned.class);
            }
        } finally {
            app.shutdownNow();
            assertThat(app.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && (t.getName().startsWith("supervisor-") || t.getName().startsWith("scanner-simulator")));
    }
}
