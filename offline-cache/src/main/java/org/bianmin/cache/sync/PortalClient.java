package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.FailureClass;
import org.bianmin.protocol.catalogue.CatalogueReader;

/**
 * HTTP to the portal with a deadline on every call: the connect timeout, plus the whole exchange (headers and
 * body) bounded by waiting on the future and cancelling it, since a request timeout alone does not cover a body
 * that trickles in.
 */
final class PortalClient {

    private final SyncSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = CatalogueReader.mapper();

    PortalClient(SyncSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    static HttpClient newHttpClient(SyncSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** An HTTP answer, or none (connection refused or reset, timeout). */
    sealed interface Reply {
        record Answered(int status, HttpHeaders headers, byte[] body) implements Reply {}

        record NoAnswer(String error) implements Reply {}
    }

    HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(settings.portal().resolve(path.substring(1)))
                .header("Authorization", "Bearer " + settings.token());
    }

    URI catalogueFile(String path) {
        return settings.catalogueBase().resolve(path.substring(1));
    }

    Reply send(HttpRequest.Builder request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> r = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Reply.Answered(r.statusCode(), r.headers(), decoded(r));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Reply.NoAnswer("no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Reply.NoAnswer(cause.getClass().getSimpleName()
                    + (cause instanceof IOException && cause.getMessage() != null ? ": " + cause.getMessage() : ""));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Reply.NoAnswer("interrupted");
        }
    }

    /** The JDK client does not undo Content-Encoding; catalogue requests ask for gzip (a tenth of the bytes). */
    private static byte[] decoded(HttpResponse<byte[]> r) throws ExecutionException {
        if (!r.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            return r.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            // A broken gzip stream is a truncated answer: transient, like a reset connection.
            throw new ExecutionException(e);
        }
    }

    Reply postJson(String path, String idempotencyKey, byte[] body) {
        HttpRequest.Builder b = api(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            b.header(ApiPaths.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return send(b, settings.requestTimeout());
    }

    /** Maps an answer onto the protocol's classification; 2xx is delivered. */
    OutboxPort.Outcome classify(Reply reply) {
        return switch (reply) {
            case Reply.NoAnswer n -> new OutboxPort.Outcome.Transient(n.error(), Duration.ZERO, false);
            case Reply.Answered a when a.status() >= 200 && a.status() < 300 -> new OutboxPort.Outcome.Delivered();
            case Reply.Answered a -> FailureClass.of(a.status()) == FailureClass.TRANSIENT
                    ? new OutboxPort.Outcome.Transient(describe(a), retryAfter(a.headers()), true)
                    : new OutboxPort.Outcome.Permanent(describe(a));
        };
    }

    /** The problem type URI of an answer that carries problem details. */
    java.util.Optional<String> problemType(Reply.Answered a) {
        try {
            JsonNode problem = json.readTree(a.body());
            return problem != null && problem.path("type").isTextual()
                    ? java.util.Optional.of(problem.path("type").asText()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Status and the problem's type and detail: the portal's problems never carry personal data. */
    String describe(Reply.Answered a) {
        try {
            JsonNode problem = json.readTree(a.body());
            if (problem != null && problem.has("type")) {
                String errors = problem.path("errors").isArray() && !problem.path("errors").isEmpty()
                        ? " " + problem.path("errors") : "";
                return a.status() + " " + problem.path("type").asText().replace("urn:bianmin:problem:", "")
                        + (problem.hasNonNull("detail") ? ": " + problem.path("detail").asText() : "") + errors;
            }
        } catch (IOException e) {
            // not a problem document (a proxy's HTML page…): the status says enough
        }
        return "HTTP " + a.status();
    }

    /** Retry-After as seconds or an HTTP date; zero when absent or unreadable. */
    Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return Duration.ZERO;
            }
        }
    }
}
