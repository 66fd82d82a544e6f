package org.bianmin.portal;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.bianmin.portal.store.Fleet;
import org.bianmin.portal.store.PortalStore;
import org.bianmin.portal.store.PortalStoreException;
import org.bianmin.protocol.api.SubmissionState;

/**
 * {@code GET /metrics} in the Prometheus text format (0.0.4), on a listener of its own ({@code --metrics-port}),
 * never on the portal's public port: it needs no credential, so it belongs on an address only the monitoring
 * network reaches (default {@code 127.0.0.1}). Off unless a port is given.
 *
 * <p>Aggregates only — no kiosk, person, receipt or item labels. Fleet-wide figures come from the database at each
 * scrape (every node reports the same: query one node, or take {@code max} across nodes); {@code bianmin_node_*}
 * are this node's own counters since it started (sum across nodes; {@code rate()} gives deliveries/s). When the
 * database does not answer, the node's own figures are still served with {@code bianmin_store_up 0}.
 */
final class Metrics implements AutoCloseable {

    /** The heartbeat age histogram's bucket bounds: around the 60 s interval and the 3 min offline rule. */
    static final List<Duration> AGE_BUCKETS = List.of(Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(90), Duration.ofSeconds(120), Duration.ofSeconds(180), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(1));

    final LongAdder submissionsStored = new LongAdder();
    final LongAdder submissionsReplayed = new LongAdder();
    final LongAdder heartbeats = new LongAdder();
    final LongAdder storeFailures = new LongAdder();

    private final PortalStore store;
    private final Clock clock;
    private final IntSupplier streams;
    private final LongSupplier catalogueVersion;
    private Javalin server;

    Metrics(PortalStore store, Clock clock, IntSupplier streams, LongSupplier catalogueVersion) {
        this.store = store;
        this.clock = clock;
        this.streams = streams;
        this.catalogueVersion = catalogueVersion;
    }

    /** Serves {@code /metrics} on {@code host:port} (0: a free port); every other path is a bare 404. */
    void listen(String host, int port) {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 0;
            config.routes.before(SecurityHeaders::baseline);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(render()));
        }).start(host, port);
    }

    int port() {
        return server == null ? -1 : server.port();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        boolean up = true;
        try {
            fleet(out);
        } catch (PortalStoreException e) {
            up = false;
        }
        gauge(out, "bianmin_store_up", "Whether this node's database answered this scrape (1) or not (0).",
                Map.of("", up ? 1L : 0L));
        gauge(out, "bianmin_node_catalogue_version", "The catalogue version this node serves.",
                Map.of("", catalogueVersion.getAsLong()));
        gauge(out, "bianmin_node_event_streams", "Kiosk event streams open on this node.",
                Map.of("", (long) streams.getAsInt()));
        counter(out, "bianmin_node_submissions_total", "Submissions answered 201 by this node, by outcome.",
                Map.of("outcome=\"stored\"", submissionsStored.sum(), "outcome=\"replayed\"",
                        submissionsReplayed.sum()));
        counter(out, "bianmin_node_heartbeats_total", "Heartbeats stored by this node.", Map.of("", heartbeats.sum()));
        counter(out, "bianmin_node_store_failures_total", "Requests this node answered 503 for a database failure.",
                Map.of("", storeFailures.sum()));
        return out.toString();
    }

    /** The fleet-wide figures, all read before any is written, so a failure leaves no half section. */
    private void fleet(StringBuilder out) {
        var now = clock.instant();
        Fleet.Counts counts = store.fleet(new Fleet.Filter.All(), "", now.minus(OperatorPage.OFFLINE_AFTER), 0, 0)
                .counts();
        Map<SubmissionState, Long> byState = store.submissionsByState();
        PortalStore.HeartbeatAges ages = store.heartbeatAges(now, AGE_BUCKETS);
        gauge(out, "bianmin_kiosks", "Registered kiosks: online (a heartbeat within 3 min), offline, revoked.",
                Map.of("state=\"online\"", counts.online(), "state=\"offline\"", counts.offline(),
                        "state=\"revoked\"", counts.revoked()));
        Map<String, Long> flagged = new java.util.TreeMap<>();
        counts.flagged().forEach((flag, n) -> flagged.put("flag=\"" + flag.name().toLowerCase(Locale.ROOT) + "\"", n));
        gauge(out, "bianmin_kiosks_flagged", "Kiosks (not revoked) whose latest heartbeat reports the condition.",
                flagged);
        Map<String, Long> states = new java.util.TreeMap<>();
        byState.forEach((state, n) -> states.put("state=\"" + state.name().toLowerCase(Locale.ROOT) + "\"", n));
        gauge(out, "bianmin_submissions", "Submissions stored, by state.", states);
        out.append("# HELP bianmin_heartbeat_age_seconds Age of each kiosk's latest heartbeat at this scrape "
                + "(not revoked kiosks that ever reported; a snapshot, not accumulated over time).\n"
                + "# TYPE bianmin_heartbeat_age_seconds histogram\n");
        for (int i = 0; i < AGE_BUCKETS.size(); i++) {
            out.append("bianmin_heartbeat_age_seconds_bucket{le=\"").append(AGE_BUCKETS.get(i).toSeconds())
                    .append("\"} ").append(ages.atMost().get(i)).append('\n');
        }
        out.append("bianmin_heartbeat_age_seconds_bucket{le=\"+Inf\"} ").append(ages.count()).append('\n')
                .append("bianmin_heartbeat_age_seconds_sum ").append(ages.sumSeconds()).append('\n')
                .append("bianmin_heartbeat_age_seconds_count ").append(ages.count()).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, Map<String, Long> samples) {
        family(out, name, help, "gauge", samples);
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, Long> samples) {
        family(out, name, help, "counter", samples);
    }

    private static void family(StringBuilder out, String name, String help, String type, Map<String, Long> samples) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
        new java.util.TreeMap<>(samples).forEach((labels, value) -> out.append(name)
                .append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(value).append('\n'));
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
