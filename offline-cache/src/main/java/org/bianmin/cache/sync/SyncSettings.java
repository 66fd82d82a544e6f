package org.bianmin.cache.sync;

import java.net.URI;
import java.time.Duration;
import org.bianmin.protocol.signing.TrustedKeys;

/**
 * Where and how the kiosk syncs. {@code catalogueBase} may be a plain web server or CDN holding
 * {@code catalogue/catalogue.json(.sig)}; usually it is the portal itself.
 *
 * @param pollInterval     catalogue check interval while the event stream is down (and 10× that while up)
 * @param streamIdle       the event stream counts as dead after this long without a line (portal pings every 15 s)
 * @param requestTimeout   per API call; {@code catalogueTimeout} for the (large) catalogue body
 */
public record SyncSettings(URI portal, URI catalogueBase, String kioskId, String token, String appVersion,
                           TrustedKeys trustedKeys, Duration pollInterval, Duration heartbeatInterval,
                           Duration deliveryInterval, Duration connectTimeout, Duration requestTimeout,
                           Duration catalogueTimeout, Duration streamIdle, Duration maxBackoff) {

    public static SyncSettings defaults(URI portal, String kioskId, String token, String appVersion,
                                        TrustedKeys trustedKeys) {
        return new SyncSettings(portal, portal, kioskId, token, appVersion, trustedKeys, Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(45), Duration.ofMinutes(5));
    }

    public SyncSettings withPollInterval(Duration interval) {
        return new SyncSettings(portal, catalogueBase, kioskId, token, appVersion, trustedKeys, interval,
                heartbeatInterval, deliveryInterval, connectTimeout, requestTimeout, catalogueTimeout, streamIdle,
                maxBackoff);
    }

    public SyncSettings withTimeouts(Duration connect, Duration request) {
        return new SyncSettings(portal, catalogueBase, kioskId, token, appVersion, trustedKeys, pollInterval,
                heartbeatInterval, deliveryInterval, connect, request, catalogueTimeout, streamIdle, maxBackoff);
    }

    public SyncSettings withCatalogueBase(URI base) {
        return new SyncSettings(portal, base, kioskId, token, appVersion, trustedKeys, pollInterval,
                heartbeatInterval, deliveryInterval, connectTimeout, requestTimeout, catalogueTimeout, streamIdle,
                maxBackoff);
    }
}
