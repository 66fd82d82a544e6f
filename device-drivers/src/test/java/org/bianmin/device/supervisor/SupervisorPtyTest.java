package org.bianmin.device.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing socat mid-session: offline, then online again once socat is back, and no thread left blocked. */
class SupervisorPtyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void killingSocatGoesOfflineAndRestartingItComesBackOnline() throws Exception {
        SerialSettings line = SerialSettings.of8N1(115200);
        ExecutorService app = Executors.newSingleThreadExecutor();
        try (PtyPair pair = PtyPair.start(dir);
             IdCardSimulator simulator = new IdCardSimulator(new SimulatedPort(
                     new SerialTransport(pair.devicePath().toString(), line), Optional.empty(), Optional.of(line)),
                     new Random(5)).start()) {
            SerialTransport host = new SerialTransport(pair.hostPath().toString(), line);
            DeviceStatusTracker status = new DeviceStatusTracker("idcard", Clock.systemUTC());
            IdCardReader.Options d = IdCardReader.Options.defaults();
            IdCardReader reader = new IdCardReader(host, status, new IdCardReader.Options(Duration.ofMillis(50),
                    d.commandTimeout(), line, false, d.photoDecoder()));
            Probe probe = () -> reader.checkSam().map(f -> f.kind() == ReadResult.Kind.HARDWARE
                    ? Probe.Result.FAULTY : Probe.Result.UNREACHABLE).orElse(Probe.Result.HEALTHY);
            Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(400));
            try (DeviceSupervisor supervisor = new DeviceSupervisor(host, status, probe, fast,
                    Duration.ofSeconds(30)).start()) {
                assertThat(StatusWait.reaches(status, DeviceState.ONLINE, WAIT)).isTrue();

                // The app waits for a card while the cable is pulled.
                CompletableFuture<ReadResult> waiting = CompletableFuture.supplyAsync(
                        () -> reader.read(Duration.ofMinutes(5)), app);
                pair.stop();
                assertThat(StatusWait.reaches(status, DeviceState.OFFLINE, WAIT)).isTrue();
                assertThat(waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOfSatisfying(
                        ReadResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(ReadResult.Kind.PORT));

                pair.start();
                assertThat(StatusWait.reaches(status, DeviceState.ONLINE, WAIT)).isTrue();
                assertThat(supervisor.awaitConnected(WAIT)).isTrue();
                simulator.placeCard(CardFiles.sample("resident.json"));
                assertThat(reader.read(Duration.ofSeconds(5))).isInstanceOf(ReadResult.CardRead.class);
            }
        } finally {
            app.shutdownNow();
            assertThat(app.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && (t.getName().startsWith("supervisor-") || t.getName().startsWith("idcard-simulator")));
    }
}
