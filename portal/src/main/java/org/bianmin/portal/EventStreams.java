package org.bianmin.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bianmin.portal.store.PublishedCatalogue;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.CatalogueAnnouncement;

/**
 * The kiosks' event streams (SSE) connected to this node: each gets the current version when it connects, every
 * newer version this node learns of (published here or, on PostgreSQL, on another node), and a keep-alive comment
 * at a fixed interval so proxies keep idle streams open. Streams that ended are dropped when next written to.
 *
 * <p>Writes to one stream come from several threads (the request that opens it, a publish on this node, the
 * publication listener for other nodes' publishes, the keep-alive timer), and Jetty refuses a write while another
 * is pending on the same response with an unchecked exception — which escaped a publish as a {@code 500} once
 * thousands of streams were open. So each stream is written under its own lock, and a stream whose write fails in
 * any way is closed and dropped: the kiosk reconnects and is sent the current version then.
 */
final class EventStreams implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventStreams.class);

    private final Set<SseClient> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "portal-sse-keepalive"));
    private final ObjectMapper json;

    EventStreams(ObjectMapper json) {
        this.json = json;
    }

    void startKeepAlive(Duration every) {
        keepAlive.scheduleAtFixedRate(this::ping, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps {@code client} open and tells it the current version, if any. */
    void open(SseClient client, Optional<PublishedCatalogue> current) {
        client.keepAlive();
        client.onClose(() -> streams.remove(client));
        streams.add(client);
        current.ifPresent(c -> send(client, c));
    }

    /** Announces {@code published} to every open stream; returns how many got it. */
    int announce(PublishedCatalogue published) {
        int sent = 0;
        for (SseClient client : streams) {
            if (send(client, published)) {
                sent++;
            }
        }
        return sent;
    }

    int size() {
        return streams.size();
    }

    private boolean send(SseClient client, PublishedCatalogue published) {
        if (client.terminated()) {
            streams.remove(client);
            return false;
        }
        String data;
        try {
            data = json.writeValueAsString(new CatalogueAnnouncement(published.version(), published.etag()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("announcement not serialisable", e);
        }
        return write(client, () -> client.sendEvent(ApiPaths.CATALOGUE_EVENT, data));
    }

    /** Writes to {@code client} under its lock; a failed write closes and drops it. */
    private boolean write(SseClient client, Runnable write) {
        try {
            synchronized (client) {
                write.run();
            }
            return !client.terminated();
        } catch (RuntimeException e) {
            LOG.debug("event stream dropped after a failed write", e);
            streams.remove(client);
            client.close();
            return false;
        }
    }

    private void ping() {
        for (SseClient client : streams) {
            if (client.terminated()) {
                streams.remove(client);
            } else {
                write(client, () -> client.sendComment("ping"));
            }
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        streams.forEach(SseClient::close);
    }
}
