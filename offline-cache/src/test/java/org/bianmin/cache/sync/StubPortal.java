package org.bianmin.cache.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.signing.Ed25519Keys;

/**
 * A portal stub on loopback (real HTTP, independent of the reference portal): it serves the catalogue with a
 * strong ETag (304 on a matching If-None-Match) and its signature file as set, and answers submissions and
 * ratings with the status {@link #answer} picks. Every request is recorded.
 */
final class StubPortal implements AutoCloseable {

    /** One request as received; {@code body} decoded as UTF-8 (JSON). */
    record Request(String method, String path, String ifNoneMatch, String idempotencyKey, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile byte[] catalogue;
    private volatile byte[] signature;
    private volatile ToIntFunction<Request> answer = r -> 201;
    private final AtomicInteger cataloguesServed = new AtomicInteger();

    StubPortal() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void serveCatalogue(byte[] body, byte[] signatureFile) {
        catalogue = body;
        signature = signatureFile;
    }

    void serveSignature(byte[] signatureFile) {
        signature = signatureFile;
    }

    /** How submissions and ratings are answered (a status code; 2xx means stored). */
    void answer(ToIntFunction<Request> policy) {
        answer = policy;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Catalogue GETs answered with the whole body (not 304). */
    int cataloguesServed() {
        return cataloguesServed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst(ApiPaths.IDEMPOTENCY_KEY),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (this) {
                requests.add(request);
            }
            switch (request.path()) {
                case ApiPaths.CATALOGUE -> {
                    byte[] body = catalogue;
                    String etag = "\"" + HexFormat.of().formatHex(Ed25519Keys.sha256(body)).substring(0, 32) + "\"";
                    exchange.getResponseHeaders().set("ETag", etag);
                    if (etag.equals(request.ifNoneMatch())) {
                        exchange.sendResponseHeaders(304, -1);
                    } else {
                        cataloguesServed.incrementAndGet();
                        send(exchange, 200, body);
                    }
                }
                case ApiPaths.CATALOGUE_SIGNATURE -> send(exchange, 200, signature);
                case ApiPaths.SUBMISSIONS, ApiPaths.RATINGS -> {
                    int status = answer.applyAsInt(request);
                    send(exchange, status, status < 300 ? "{}".getBytes(StandardCharsets.UTF_8)
                            : "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8));
                }
                default -> send(exchange, 404, new byte[0]);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
