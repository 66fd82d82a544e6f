package org.bianmin.device.a4;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * IPP over HTTP (RFC 8010 §4): one {@code POST} of {@code application/ipp} per operation to the printer URI
 * ({@code ipp://} is {@code http://}, default port 631; {@code ipps://} is {@code https://}). Every call is bounded:
 * the connection by {@code connectTimeout}, the whole exchange (request, answer headers and body) by the timeout
 * given to {@link #exchange}; an answer larger than {@link #MAX_REPLY} is refused while it arrives, never held.
 */
public final class IppTransport implements AutoCloseable {

    /** Printer attributes of a real printer are a few tens of KB; nothing legitimate comes near this. */
    public static final int MAX_REPLY = 1 << 20;

    private final URI printer;
    private final URI http;
    private final HttpClient client;

    public IppTransport(URI printer, Duration connectTimeout) {
        this.printer = Objects.requireNonNull(printer, "printer");
        this.http = httpUri(printer);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The printer URI as configured ({@code ipp://host:port/ipp/print}); IPP requests name it. */
    public URI printerUri() {
        return printer;
    }

    /** Checks an {@code ipp://} / {@code ipps://} / {@code http(s)://} URI with a host; the message names the fault. */
    public static URI httpUri(URI printer) {
        String scheme = printer.getScheme() == null ? "" : printer.getScheme().toLowerCase(Locale.ROOT);
        if (printer.getHost() == null) {
            throw new IllegalArgumentException("printer URI without a host: " + printer);
        }
        String httpScheme = switch (scheme) {
            case "ipp", "http" -> "http";
            case "ipps", "https" -> "https";
            default -> throw new IllegalArgumentException("printer URI must be ipp://, ipps://, http:// or https://, was "
                    + printer);
        };
        int port = printer.getPort() > 0 ? printer.getPort() : scheme.startsWith("ipp") ? 631 : -1;
        return URI.create(httpScheme + "://" + printer.getRawAuthority().replaceFirst(":\\d+$", "")
                + (port > 0 ? ":" + port : "") + (printer.getRawPath() == null || printer.getRawPath().isEmpty() ? "/"
                : printer.getRawPath()));
    }

    /**
     * Sends one IPP request (its encoded message, then any document bytes) and returns the answer's body.
     *
     * @throws IppException {@link IppException.Kind#UNREACHABLE} when no connection was made,
     *     {@link IppException.Kind#TIMEOUT} when the answer did not complete in {@code timeout},
     *     {@link IppException.Kind#INVALID_REPLY} for a non-200 or non-IPP or oversized answer
     */
    public byte[] exchange(List<byte[]> body, Duration timeout) throws IppException {
        HttpRequest request = HttpRequest.newBuilder(http).timeout(timeout).header("Content-Type", "application/ipp")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body)).build();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info -> bounded());
        HttpResponse<byte[]> response;
        try {
            response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IppException(IppException.Kind.TIMEOUT, "no answer from " + printer + " within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IppException(IppException.Kind.TIMEOUT, "interrupted waiting for " + printer, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new IppException(IppException.Kind.INVALID_REPLY, "HTTP " + response.statusCode() + " from "
                    + printer);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/ipp")) {
            throw new IppException(IppException.Kind.INVALID_REPLY, "answer from " + printer + " is not IPP but '"
                    + type + "'");
        }
        return response.body();
    }

    /** Drops open connections; exchanges in progress fail. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    private IppException failure(Throwable cause) {
        Throwable c = cause;
        while (c != null) {
            if (c instanceof ConnectException || c instanceof UnresolvedAddressException
                    || c instanceof java.net.UnknownHostException) {
                return new IppException(IppException.Kind.UNREACHABLE, printer + " unreachable: " + cause, cause);
            }
            if (c instanceof java.net.http.HttpTimeoutException) {
                return new IppException(IppException.Kind.TIMEOUT, printer + ": " + c.getMessage(), cause);
            }
            if (c instanceof ReplyTooLarge) {
                return new IppException(IppException.Kind.INVALID_REPLY, printer + ": " + c.getMessage(), cause);
            }
            c = c.getCause();
        }
        // The connection broke after it was made (printer killed mid-answer): the request may have been acted on.
        return new IppException(IppException.Kind.TIMEOUT, printer + " broke off the exchange: " + cause, cause);
    }

    private static final class ReplyTooLarge extends Exception {
        ReplyTooLarge() {
            super("IPP answer larger than " + MAX_REPLY + " bytes");
        }
    }

    /** Collects the body up to {@link #MAX_REPLY}, cancelling the exchange as soon as it grows past it. */
    private static HttpResponse.BodySubscriber<byte[]> bounded() {
        return new HttpResponse.BodySubscriber<>() {
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                for (ByteBuffer b : items) {
                    if (result.isDone()) {
                        return;
                    }
                    if (bytes.size() + b.remaining() > MAX_REPLY) {
                        subscription.cancel();
                        result.completeExceptionally(new ReplyTooLarge());
                        return;
                    }
                    byte[] a = new byte[b.remaining()];
                    b.get(a);
                    bytes.writeBytes(a);
                }
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        };
    }
}
