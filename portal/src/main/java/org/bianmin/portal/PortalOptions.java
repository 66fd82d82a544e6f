package org.bianmin.portal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.bianmin.portal.store.PortalDatabase;
import org.bianmin.protocol.catalogue.Catalogue;

/**
 * How to run a portal: its data directory (keys, demo credentials, and the SQLite database unless {@code database}
 * names another), where it listens, the catalogue it publishes on first start, its clock, how often idle event
 * streams get a keep-alive comment, and its database.
 */
public record PortalOptions(Path dataDir, String host, int port, Catalogue initialCatalogue, Clock clock,
                            Duration keepAliveInterval, PortalDatabase database) {

    /** SQLite in {@code dataDir}. */
    public static PortalOptions of(Path dataDir, String host, int port, Catalogue initialCatalogue) {
        return new PortalOptions(dataDir, host, port, initialCatalogue, Clock.systemUTC(), Duration.ofSeconds(15),
                new PortalDatabase.Sqlite(dataDir.resolve("portal.db")));
    }

    public PortalOptions withDatabase(PortalDatabase other) {
        return new PortalOptions(dataDir, host, port, initialCatalogue, clock, keepAliveInterval, other);
    }
}
