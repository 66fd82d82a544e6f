package org.bianmin.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.KeyFile;

/**
 * HTTP to one portal node by port, for the multi-node and fault tests: what a kiosk and an operator send. Every
 * request has a timeout, so a node that hangs fails the test instead of stopping it.
 */
final class NodeClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = CatalogueReader.mapper();

    private final int port;

    NodeClient(int port) {
        this.port = port;
    }

    static SubmissionRequest submission(String receipt, String kioskId, String item) {
        return new SubmissionRequest(receipt, kioskId, item, 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                Map.of("name", "张三", "idNumber", "350102199001011234"), null);
    }

    HttpResponse<byte[]> submit(String token, String key, SubmissionRequest request) throws IOException,
            InterruptedException {
        return post(ApiPaths.SUBMISSIONS, token, key, request);
    }

    HttpResponse<byte[]> post(String path, String token, String key, Object body) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (key != null) {
            b.header(ApiPaths.IDEMPOTENCY_KEY, key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> publish(Catalogue catalogue, KeyFile key, String operatorToken) throws Exception {
        byte[] body = JSON.writeValueAsBytes(catalogue);
        PublishRequest publish = new PublishRequest(Base64.getEncoder().encodeToString(body),
                new CatalogueSigner(key).sign(body, catalogue.version()));
        return HTTP.send(request(ApiPaths.OPERATOR_CATALOGUE, operatorToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(publish))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The problem type of a problem answer, or null when the answer is not {@code application/problem+json}. */
    static String problemType(HttpResponse<byte[]> response) throws IOException {
        if (!response.headers().firstValue("Content-Type").orElse("").equals(ApiPaths.PROBLEM_JSON)) {
            return null;
        }
        return JSON.readTree(response.body()).path("type").asText();
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** A kiosk's event stream on this node. */
    EventStream events(String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri(ApiPaths.EVENTS))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException("event stream answered " + r.statusCode());
        }
        return new EventStream(r.body());
    }

    /** The data lines of an event stream, each awaited at most a given time. */
    static final class EventStream implements AutoCloseable {
        private final InputStream body;
        private final BufferedReader lines;

        EventStream(InputStream body) {
            this.body = body;
            this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        /** The announced version of the next catalogue event, waiting at most {@code within}. */
        long nextVersion(Duration within) throws Exception {
            CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            return line.substring(5).strip();
                        }
                    }
                    throw new IOException("the event stream ended");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, Thread::startVirtualThread);
            try {
                return JSON.readTree(data.get(within.toMillis(), TimeUnit.MILLISECONDS)).path("version").asLong();
            } catch (java.util.concurrent.TimeoutException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
