package org.bianmin.portal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.bianmin.protocol.catalogue.Catalogue;

/**
 * How to run a portal: where its database lives, where it listens, the catalogue it publishes on first start,
 * its clock, and how often idle event streams get a keep-alive comment.
 */
public record PortalOptions(Path dataDir, String host, int port, Catalogue initialCatalogue, Clock clock,
                            Duration keepAliveInterval) {

    public static PortalOptions of(Path dataDir, String host, int port, Catalogue initialCatalogue) {
        return new PortalOptions(dataDir, host, port, initialCatalogue, Clock.systemUTC(), Duration.ofSeconds(15));
    }
}
