package org.bianmin.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryLinkTest {

    @Test
    void bytesCrossBothWays() throws Exception {
        MemoryLink link = new MemoryLink("t");
        link.hostEnd().open();
        link.deviceEnd().open();
        TransportContract.roundTrip(link.hostEnd(), link.deviceEnd());
    }

    @Test
    void unplugFailsOpenEndsAndOpensUntilReplugged() throws Exception {
        MemoryLink link = new MemoryLink("t");
        Transport host = link.hostEnd();
        host.open();
        link.unplug();
        assertThatThrownBy(() -> host.read(new byte[1], 0, 1, Duration.ofMillis(10)))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.DISCONNECTED));
        host.close();
        assertThatThrownBy(host::open).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.NOT_FOUND));
        link.replug();
        host.open();
        assertThat(host.read(new byte[1], 0, 1, Duration.ZERO)).isZero();
    }

    @Test
    void closeUnblocksAWaitingReader() throws Exception {
        MemoryLink link = new MemoryLink("t");
        Transport host = link.hostEnd();
        host.open();
        CompletableFuture<TransportException.Kind> reader = CompletableFuture.supplyAsync(() -> {
            try {
                host.read(new byte[1], 0, 1, Duration.ofMinutes(1));
                return null;
            } catch (TransportException e) {
                return e.kind();
            }
        });
        host.close();
        assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo(TransportException.Kind.CLOSED);
    }

    @Test
    void aPeerThatNeverReadsMakesWritesTimeOut() throws Exception {
        MemoryLink link = new MemoryLink("t");
        link.hostEnd().open();
        byte[] big = new byte[MemoryLink.CAPACITY + 1];
        assertThatThrownBy(() -> link.hostEnd().write(big, Duration.ofMillis(20)))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
    }
}
