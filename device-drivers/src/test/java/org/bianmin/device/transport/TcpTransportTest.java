package org.bianmin.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TcpTransportTest {

    @Test
    void bytesCrossBothWaysAndPeerCloseIsADisconnect() throws Exception {
        try (TcpTransport device = TcpTransport.server("127.0.0.1", 0, Duration.ofSeconds(5))) {
            int port = device.bind();
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try {
                    device.open();
                } catch (TransportException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (TcpTransport host = TcpTransport.client("127.0.0.1", port, Duration.ofSeconds(2))) {
                host.open();
                accepted.get(5, TimeUnit.SECONDS);
                TransportContract.roundTrip(host, device);
                device.close();
                assertThatThrownBy(() -> host.read(new byte[4], 0, 4, Duration.ofSeconds(2)))
                        .isInstanceOfSatisfying(TransportException.class,
                                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.DISCONNECTED));
            }
        }
    }

    @Test
    void refusedConnectionIsNotFound() {
        TcpTransport host = TcpTransport.client("127.0.0.1", 1, Duration.ofSeconds(1));
        assertThatThrownBy(host::open).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.NOT_FOUND));
    }
}
