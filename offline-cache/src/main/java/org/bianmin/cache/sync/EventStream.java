package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.CatalogueAnnouncement;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.json.BoundedJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's server-sent-events stream. Opening has the request timeout; once open, the stream counts as
 * dead when no line (event or keep-alive comment) arrived for {@code streamIdle} — the engine checks
 * {@link #idleSince()} and closes it. Lines are read on one virtual thread; announcements are handed on.
 *
 * <p>Bounded: a line or an event's data longer than {@value #MAX_LINE_CHARS} characters ends the stream (a portal
 * announces a version in a few hundred bytes), so a broken or hostile stream cannot fill the kiosk's memory.
 */
final class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int MAX_LINE_CHARS = 64 * 1024;

    private final PortalClient client;
    private final HttpClient http;
    private final SyncSettings settings;
    private final Clock clock;
    private final Consumer<CatalogueAnnouncement> announcements;
    private final ObjectMapper json = CatalogueReader.mapper();
    private volatile InputStream body;
    private volatile boolean open;
    private volatile Instant lastLine = Instant.MIN;

    EventStream(PortalClient client, HttpClient http, SyncSettings settings, Clock clock,
                Consumer<CatalogueAnnouncement> announcements) {
        this.client = client;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.announcements = announcements;
    }

    boolean isOpen() {
        return open;
    }

    Instant idleSince() {
        return lastLine;
    }

    /** Connects (blocking up to the request timeout); returns whether the stream is now open. */
    boolean connect() {
        CompletableFuture<HttpResponse<InputStream>> future = http.sendAsync(client.api(ApiPaths.EVENTS)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            future.cancel(true);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("event stream unavailable: {}", e.getClass().getSimpleName());
            return false;
        }
        if (response.statusCode() != 200) {
            closeQuietly(response.body());
            LOG.info("event stream refused with HTTP {}; polling instead", response.statusCode());
            return false;
        }
        body = response.body();
        lastLine = clock.instant();
        open = true;
        Thread.ofVirtual().name("kiosk-sync-events").start(this::read);
        return true;
    }

    /**
     * One line (ended by LF, CRLF or CR, as server-sent events allow) without its end; null at the end of the
     * stream. A line over {@value #MAX_LINE_CHARS} characters is an IOException, not an ever-growing buffer.
     */
    static String readLine(Reader in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); ; c = in.read()) {
            if (c == -1) {
                return line.isEmpty() ? null : line.toString();
            }
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                return line.toString();
            }
            if (line.length() == MAX_LINE_CHARS) {
                throw new IOException("event stream line over " + MAX_LINE_CHARS + " characters");
            }
            line.append((char) c);
        }
    }

    void close() {
        open = false;
        InputStream in = body;
        if (in != null) {
            closeQuietly(in);
        }
    }

    private void read() {
        String event = null;
        StringBuilder data = new StringBuilder();
        try (Reader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = readLine(lines); line != null && open; line = readLine(lines)) {
                lastLine = clock.instant();
                if (line.isEmpty()) {
                    dispatch(event, data.toString());
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                    if (data.length() > MAX_LINE_CHARS) {
                        throw new IOException("event data over " + MAX_LINE_CHARS + " characters");
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("event stream ended: {}", e.getClass().getSimpleName());
        } finally {
            open = false;
        }
    }

    private void dispatch(String event, String data) {
        if (!ApiPaths.CATALOGUE_EVENT.equals(event) || data.isEmpty()) {
            return;
        }
        try {
            announcements.accept(BoundedJson.readValue(json, data.getBytes(StandardCharsets.UTF_8),
                    CatalogueAnnouncement.class));
        } catch (IOException e) {
            LOG.warn("ignoring an unreadable catalogue announcement");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing the event stream: {}", e.getClass().getSimpleName());
        }
    }
}
