package org.bianmin.device.a4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IPP over HTTP against a loopback HTTP server that answers wrongly on purpose. */
class IppTransportTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/huge", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/ipp");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) { // 4 MiB, more than MAX_REPLY
                    out.write(chunk);
                }
            } catch (IOException cancelled) {
                // the client stopped reading: what it should do
            }
        });
        server.createContext("/html", ex -> {
            byte[] page = "<html>login</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        server.createContext("/error", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.createContext("/hang", ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private IppException.Kind failure(String path, Duration timeout) {
        URI uri = URI.create("ipp://127.0.0.1:" + server.getAddress().getPort() + path);
        try (IppTransport t = new IppTransport(uri, Duration.ofSeconds(2))) {
            t.exchange(List.of(new byte[] {2, 0, 0, 11, 0, 0, 0, 1, 3}), timeout);
            throw new AssertionError("no failure from " + path);
        } catch (IppException e) {
            return e.kind();
        }
    }

    @Test
    void anOversizedAnswerIsRefusedWhileItArrives() {
        assertThat(failure("/huge", Duration.ofSeconds(10))).isEqualTo(IppException.Kind.INVALID_REPLY);
    }

    @Test
    void anAnswerThatIsNotIppIsInvalid() {
        assertThat(failure("/html", Duration.ofSeconds(5))).isEqualTo(IppException.Kind.INVALID_REPLY);
        assertThat(failure("/error", Duration.ofSeconds(5))).isEqualTo(IppException.Kind.INVALID_REPLY);
    }

    @Test
    void noAnswerIsATimeoutWithinTheCallBound() {
        assertThat(failure("/hang", Duration.ofMillis(300))).isEqualTo(IppException.Kind.TIMEOUT);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (IppTransport t = new IppTransport(URI.create("ipp://127.0.0.1:" + port + "/ipp/print"),
                Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> t.exchange(List.of(new byte[9]), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(IppException.class,
                            e -> assertThat(e.kind()).isEqualTo(IppException.Kind.UNREACHABLE));
        }
    }

    @Test
    void printerUrisMapToHttp() {
        assertThat(IppTransport.httpUri(URI.create("ipp://printer.local/ipp/print")))
                .isEqualTo(URI.create("http://printer.local:631/ipp/print"));
        assertThat(IppTransport.httpUri(URI.create("ipps://10.0.0.5:8631/printers/A4")))
                .isEqualTo(URI.create("https://10.0.0.5:8631/printers/A4"));
        assertThatThrownBy(() -> IppTransport.httpUri(URI.create("socket://10.0.0.5:9100")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ipp://");
    }
}
