package org.bianmin.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real serial stack (jSerialComm on pseudo-terminals made by socat). */
class SerialTransportPtyTest {

    @TempDir
    Path dir;

    @Test
    void bytesCrossBothWaysOverAPtyPair() throws Exception {
        try (PtyPair pair = PtyPair.start(dir);
             SerialTransport host = new SerialTransport(pair.hostPath().toString(), SerialSettings.of8N1(115200));
             SerialTransport device = new SerialTransport(pair.devicePath().toString(),
                     SerialSettings.of8N1(115200))) {
            host.open();
            device.open();
            TransportContract.roundTrip(host, device);
        }
    }

    @Test
    void killingSocatIsADisconnectReportedOnceAndReopenWorksAfterRestart() throws Exception {
        try (PtyPair pair = PtyPair.start(dir);
             SerialTransport host = new SerialTransport(pair.hostPath().toString(), SerialSettings.of8N1(115200))) {
            CountDownLatch disconnects = new CountDownLatch(1);
            host.onDisconnect(disconnects::countDown);
            host.open();
            pair.stop();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    host.read(new byte[16], 0, 16, Duration.ofMillis(100));
                }
            }).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.DISCONNECTED));
            assertThat(disconnects.await(2, TimeUnit.SECONDS)).isTrue();
            host.close();
            assertThatThrownBy(host::open).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.NOT_FOUND));
            pair.start();
            host.open();
            try (SerialTransport device = new SerialTransport(pair.devicePath().toString(),
                    SerialSettings.of8N1(115200))) {
                device.open();
                TransportContract.roundTrip(host, device);
            }
        }
    }
}
