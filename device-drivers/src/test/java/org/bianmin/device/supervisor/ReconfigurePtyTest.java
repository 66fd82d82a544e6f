package org.bianmin.device.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader configured on a port where nothing is moves to a socat pty with a reader simulator behind it, then to
 * another one: each time the supervisor reconnects on the new port, and the reader object the journey holds
 * reads the card on the far end of the newest pair.
 */
class ReconfigurePtyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final SerialSettings LINE = SerialSettings.of8N1(115200);

    @TempDir
    Path dir;

    @Test
    void aReaderMovedToNewPtysReconnectsUnderTheSameDriverObject() throws Exception {
        Devices.Workspace workspace = Devices.Workspace.inMemory(Clock.systemUTC());
        try (PtyPair first = PtyPair.start(dir.resolve("first"));
             PtyPair second = PtyPair.start(dir.resolve("second"));
             IdCardSimulator firstReader = simulator(first);
             IdCardSimulator secondReader = simulator(second)) {
            secondReader.placeCard(CardFiles.sample("resident.json"));
            ManagedDevice.IdCard device = (ManagedDevice.IdCard) Devices.open(
                    reader(dir.resolve("nothing-here").toString()), workspace);
            try {
                assertThat(StatusWait.reaches(device.status(), DeviceState.NO_DEVICE, WAIT)).isTrue();

                ManagedDevice.IdCard moved = (ManagedDevice.IdCard) Devices.reconfigure(device,
                        reader(first.hostPath().toString()), workspace);
                assertThat(StatusWait.matches(moved.status(), online(first), WAIT)).isTrue();
                assertThat(moved.reader()).isSameAs(device.reader());
                assertThat(moved.reader().read(Duration.ofMillis(300))).isInstanceOf(ReadResult.NoCard.class);

                device = (ManagedDevice.IdCard) Devices.reconfigure(moved, reader(second.hostPath().toString()),
                        workspace);
                assertThat(StatusWait.matches(device.status(), online(second), WAIT)).isTrue();
                assertThat(device.reader()).isSameAs(moved.reader());
                assertThat(device.reader().read(Duration.ofSeconds(5))).isInstanceOf(ReadResult.CardRead.class);
                assertThat(device.status().history()).extracting(DeviceStatus::detail)
                        .contains("connecting to " + first.hostPath(), "connecting to " + second.hostPath());
            } finally {
                device.close();
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && t.getName().startsWith("supervisor-"));
    }

    private static java.util.function.Predicate<DeviceStatus> online(PtyPair pair) {
        return s -> s.state() == DeviceState.ONLINE && s.detail().equals(pair.hostPath().toString());
    }

    private static DeviceConfig reader(String port) {
        return new DeviceConfig("idcard", "idcard", port, 115200, Map.of("pollIntervalMs", "50"));
    }

    private static IdCardSimulator simulator(PtyPair pair) {
        return new IdCardSimulator(new SimulatedPort(new SerialTransport(pair.devicePath().toString(), LINE),
                Optional.empty(), Optional.of(LINE)), new Random(3)).start();
    }
}
