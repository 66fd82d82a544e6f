package org.bianmin.device.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.ForwardingTransport;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.junit.jupiter.api.Test;

class DeviceSupervisorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aSimulatedReaderFromConfigComesOnlineAndReadsItsCard() throws Exception {
        DeviceConfig config = new DeviceConfig("idcard", "idcard", "sim:", null,
                Map.of("card", "hmt-residence.json", "pollIntervalMs", "50"));
        try (ManagedDevice.IdCard device = (ManagedDevice.IdCard) Devices.open(config, Clock.systemUTC())) {
            assertThat(StatusWait.reaches(device.status(), DeviceState.ONLINE, WAIT)).isTrue();
            assertThat(device.reader().read(Duration.ofSeconds(2))).isInstanceOf(ReadResult.CardRead.class);
        }
    }

    @Test
    void anUnpluggedLinkGoesOfflineAndComesBackWhenReplugged() throws Exception {
        MemoryLink link = new MemoryLink("dev");
        link.deviceEnd().open();
        CountingTransport transport = new CountingTransport(link.hostEnd());
        DeviceStatusTracker status = new DeviceStatusTracker("dev", Clock.systemUTC());
        Backoff fast = new Backoff(Duration.ofMillis(20), Duration.ofMillis(10), Duration.ofMillis(50));
        try (DeviceSupervisor supervisor = new DeviceSupervisor(transport, status,
                () -> transport.isOpen() ? Probe.Result.HEALTHY : Probe.Result.UNREACHABLE, fast,
                Duration.ofMinutes(1)).start()) {
            assertThat(StatusWait.reaches(status, DeviceState.ONLINE, WAIT)).isTrue();
            assertThat(supervisor.awaitConnected(WAIT)).isTrue();

            link.unplug();
            // A driver notices the dead link and reports it, as the readers do.
            status.error(DeviceState.OFFLINE, "DISCONNECTED", "read failed");
            assertThat(StatusWait.reaches(status, DeviceState.OFFLINE, WAIT)).isTrue();
            link.replug();
            assertThat(StatusWait.reaches(status, DeviceState.ONLINE, WAIT)).isTrue();
        }
        assertThat(transport.isOpen()).isFalse();
    }

    @Test
    void aStormOfReconnectRequestsCausesOneReconnect() throws Exception {
        MemoryLink link = new MemoryLink("dev");
        CountingTransport transport = new CountingTransport(link.hostEnd());
        DeviceStatusTracker status = new DeviceStatusTracker("dev", Clock.systemUTC());
        Backoff settle = new Backoff(Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofMillis(50));
        try (DeviceSupervisor supervisor = new DeviceSupervisor(transport, status, () -> Probe.Result.HEALTHY, settle,
                Duration.ofMinutes(1)).start()) {
            assertThat(supervisor.awaitConnected(WAIT)).isTrue();
            int before = transport.opens.get();
            for (int i = 0; i < 50; i++) {
                supervisor.requestReconnect();
            }
            assertThat(StatusWait.reaches(status, DeviceState.OFFLINE, WAIT)).isTrue();
            assertThat(StatusWait.reaches(status, DeviceState.ONLINE, WAIT)).isTrue();
            assertThat(supervisor.awaitConnected(WAIT)).isTrue();
            assertThat(transport.opens.get() - before).isEqualTo(1);
        }
    }

    @Test
    void aPortThatNeverAppearsIsNoDevice() throws Exception {
        MemoryLink link = new MemoryLink("dev");
        link.unplug();
        DeviceStatusTracker status = new DeviceStatusTracker("dev", Clock.systemUTC());
        try (DeviceSupervisor ignored = new DeviceSupervisor(link.hostEnd(), status, () -> Probe.Result.HEALTHY,
                Backoff.defaults(), Duration.ofMinutes(1)).start()) {
            assertThat(StatusWait.reaches(status, DeviceState.NO_DEVICE, WAIT)).isTrue();
            assertThat(status.current().lastError()).hasValueSatisfying(
                    e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
        }
    }

    /** Counts opens, to see the debounce. */
    private static final class CountingTransport extends ForwardingTransport {
        final AtomicInteger opens = new AtomicInteger();

        CountingTransport(Transport inner) {
            super(inner);
        }

        @Override
        public void open() throws TransportException {
            boolean was = isOpen();
            super.open();
            if (!was) {
                opens.incrementAndGet();
            }
        }
    }
}
