package org.bianmin.cache.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault-injecting HTTP/1.1 proxy on loopback between the kiosk and the portal. Each request is forwarded
 * on its own upstream connection ({@code Connection: close}) so faults apply per request.
 */
final class FaultProxy implements AutoCloseable {

    enum Mode {
        /** Forward and answer. */
        PASS,
        /** Forward (the portal stores it), then reset the kiosk's connection before it hears the answer. */
        RESET_AFTER_FORWARD,
        /** Answer 503 with Retry-After: 1 without forwarding. */
        FAIL_503,
        /** Forward, then hold the answer for {@code delayMillis} (past the kiosk's timeout). */
        SLOW,
        /** Reset every connection at once: the portal is down. */
        DOWN
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final ServerSocket server;
    private final int upstreamPort;
    private final java.util.ArrayDeque<Mode> script = new java.util.ArrayDeque<>();
    private volatile Mode mode = Mode.PASS;
    private volatile int faultsLeft = Integer.MAX_VALUE;
    private volatile long delayMillis = 2000;
    final AtomicInteger forwarded = new AtomicInteger();
    final AtomicInteger faulted = new AtomicInteger();

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-proxy").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Applies {@code m} to the next {@code count} requests, then passes again. */
    void fault(Mode m, int count) {
        faultsLeft = count;
        mode = m;
    }

    /** The next requests get these modes one by one, then {@link Mode#PASS}. */
    synchronized void script(java.util.List<Mode> modes) {
        script.clear();
        script.addAll(modes);
        mode = Mode.PASS;
    }

    void mode(Mode m) {
        fault(m, Integer.MAX_VALUE);
    }

    void delayMillis(long millis) {
        delayMillis = millis;
    }

    private Mode take() {
        synchronized (this) {
            if (!script.isEmpty()) {
                Mode next = script.poll();
                if (next != Mode.PASS) {
                    faulted.incrementAndGet();
                }
                return next;
            }
            if (mode == Mode.PASS || faultsLeft <= 0) {
                return Mode.PASS;
            }
            faultsLeft--;
            faulted.incrementAndGet();
            return mode;
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] request = readRequest(in);
                if (request == null) {
                    return;
                }
                Mode m = take();
                if (m == Mode.DOWN) {
                    reset(client);
                    return;
                }
                if (m == Mode.FAIL_503) {
                    byte[] body = "{\"type\":\"urn:bianmin:problem:unavailable\",\"title\":\"busy\",\"status\":503}"
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: "
                            + "application/problem+json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                    continue;
                }
                byte[] response = forward(request);
                forwarded.incrementAndGet();
                if (m == Mode.RESET_AFTER_FORWARD) {
                    reset(client);
                    return;
                }
                if (m == Mode.SLOW) {
                    Thread.sleep(delayMillis);
                }
                out.write(response);
                out.flush();
                return; // upstream answered with Connection: close; the client reconnects for the next request
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private byte[] forward(byte[] request) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.getOutputStream().write(request);
            upstream.getOutputStream().flush();
            return upstream.getInputStream().readAllBytes();
        }
    }

    private static void reset(Socket client) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
    }

    /** One request, with its Connection header forced to close; null at end of stream. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher m = CONTENT_LENGTH.matcher(headers);
        byte[] body = in.readNBytes(m.find() ? Integer.parseInt(m.group(1)) : 0);
        String rewritten = headers.replaceAll("(?im)^connection:.*\\r\\n", "")
                .replaceFirst("\\r\\n\\r\\n$", "\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
        all.write(body);
        return all.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
