package org.bianmin.portal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.bianmin.portal.store.PortalDatabase;
import org.bianmin.protocol.catalogue.Catalogue;

/**
 * How to run a portal: its data directory (keys, demo credentials, and the SQLite database unless {@code database}
 * names another), where it listens, the catalogue it publishes on first start, its clock, how often idle event
 * streams get a keep-alive comment, its database, and where {@code /metrics} is served ({@code metricsPort} -1: not
 * at all, the default; see {@link Metrics}).
 */
public record PortalOptions(Path dataDir, String host, int port, Catalogue initialCatalogue, Clock clock,
                            Duration keepAliveInterval, PortalDatabase database, String metricsHost,
                            int metricsPort) {

    /** SQLite in {@code dataDir}. */
    public static PortalOptions of(Path dataDir, String host, int port, Catalogue initialCatalogue) {
        return new PortalOptions(dataDir, host, port, initialCatalogue, Clock.systemUTC(), Duration.ofSeconds(15),
                new PortalDatabase.Sqlite(dataDir.resolve("portal.db")), "127.0.0.1", -1);
    }

    public PortalOptions withDatabase(PortalDatabase other) {
        return new PortalOptions(dataDir, host, port, initialCatalogue, clock, keepAliveInterval, other, metricsHost,
                metricsPort);
    }

    /** Serves {@code /metrics} on {@code metricsHost:metricsPort} (port 0: a free one). */
    public PortalOptions withMetrics(String onHost, int onPort) {
        return new PortalOptions(dataDir, host, port, initialCatalogue, clock, keepAliveInterval, database, onHost,
                onPort);
    }
}
