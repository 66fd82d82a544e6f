package org.bianmin.kiosk.demo;

import java.net.URI;
import org.bianmin.portal.PortalServer;
import org.bianmin.protocol.catalogue.Catalogue;

/**
 * What {@code ./kiosk demo} runs in-process besides the kiosk: the reference portal on loopback (and, as the
 * device layer lands, the simulated devices). The only place the kiosk may touch the portal module.
 */
public final class DemoEnvironment implements AutoCloseable {

    private final PortalServer portal;

    private DemoEnvironment(PortalServer portal) {
        this.portal = portal;
    }

    public static DemoEnvironment start(Catalogue catalogue) {
        return new DemoEnvironment(PortalServer.start(catalogue, "127.0.0.1", 0));
    }

    public URI portalUrl() {
        return URI.create("http://127.0.0.1:" + portal.port() + "/");
    }

    @Override
    public void close() {
        portal.close();
    }
}
