package org.bianmin.portal;

import java.util.concurrent.CountDownLatch;
import org.bianmin.protocol.catalogue.CatalogueReader;

/** {@code ./kiosk portal [PORT]}: runs the reference portal standalone with the sample catalogue. */
public final class PortalMain {

    private PortalMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8730;
        PortalServer server = PortalServer.start(new CatalogueReader().readSample(), "127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portal-shutdown"));
        new CountDownLatch(1).await();
    }
}
