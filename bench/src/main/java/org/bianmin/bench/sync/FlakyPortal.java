package org.bianmin.bench.sync;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.protocol.api.ApiPaths;

/**
 * A misbehaving portal on loopback, independent of the reference portal: a bare HTTP/1.1 server (keep-alive) that
 * takes submissions by idempotency key and, for a share of them, answers 500 without a Retry-After or resets
 * the connection (half of the resets after storing, so the answer of a stored submission is lost). Everything
 * else (catalogue, event stream, heartbeats) gets a 404 or a 204: only delivery is measured.
 */
final class FlakyPortal implements AutoCloseable {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_BODY = 1024 * 1024;

    private final ServerSocket server;
    private final double failShare;
    private final double resetShare;
    private final SplittableRandom random;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    /** Submissions that arrived again under a key already stored: answered as stored, not stored twice. */
    final AtomicInteger replays = new AtomicInteger();

    /** @param failShare share of submissions answered 500; {@code resetShare} share reset instead of answered */
    FlakyPortal(double failShare, double resetShare, long seed) throws IOException {
        this.failShare = failShare;
        this.resetShare = resetShare;
        this.random = new SplittableRandom(seed);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("flaky-portal").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Distinct submissions stored. */
    int stored() {
        return stored.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = in.readNBytes(contentLength(head));
                String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
                if (!path.equals(ApiPaths.SUBMISSIONS)) {
                    answer(out, head.startsWith("POST") ? 204 : 404);
                    continue;
                }
                requests.incrementAndGet();
                double roll;
                synchronized (random) {
                    roll = random.nextDouble();
                }
                String key = header(head, ApiPaths.IDEMPOTENCY_KEY);
                if (roll < resetShare) {
                    if (roll < resetShare / 2) {
                        store(key, body);
                    }
                    resets.incrementAndGet();
                    socket.setSoLinger(true, 0); // close with RST
                    return;
                }
                if (roll < resetShare + failShare) {
                    failed.incrementAndGet();
                    answer(out, 500);
                    continue;
                }
                store(key, body);
                answer(out, 201);
            }
        } catch (IOException | RuntimeException e) {
            // the kiosk hung up; its next request opens a new connection
        }
    }

    private void store(String key, byte[] body) {
        if (key == null || body.length == 0) {
            throw new IllegalStateException("a submission without idempotency key or body");
        }
        if (!stored.add(key)) {
            replays.incrementAndGet();
        }
    }

    private static void answer(OutputStream out, int status) throws IOException {
        byte[] body = status == 201 ? "{}".getBytes(StandardCharsets.UTF_8)
                : status == 500 ? "<html>Internal Server Error</html>".getBytes(StandardCharsets.UTF_8) : new byte[0];
        String type = status == 201 ? "application/json" : "text/html";
        // One write: head and body in two small writes would meet Nagle and the delayed ACK (40 ms each).
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        response.write(body);
        out.write(response.toByteArray());
        out.flush();
    }

    /** The request line and headers, or null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (head.size() >= MAX_HEAD) {
                throw new IOException("request head too long");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) throws IOException {
        String value = header(head, "Content-Length");
        int length = value == null ? 0 : Integer.parseInt(value);
        if (length < 0 || length > MAX_BODY) {
            throw new IOException("body of " + length + " bytes");
        }
        return length;
    }

    private static String header(String head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
