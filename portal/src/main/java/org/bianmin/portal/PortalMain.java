package org.bianmin.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.bianmin.protocol.catalogue.CatalogueReader;

/**
 * {@code ./kiosk portal [--port N] [--host H] [--data-dir DIR]}: the reference portal standalone. The database
 * stays in the data directory between runs; the first run prints the demo credentials it created.
 */
public final class PortalMain {

    private PortalMain() {}

    public static void main(String[] args) throws Exception {
        int port = 8730;
        String host = "127.0.0.1";
        Path dataDir = Path.of(System.getProperty("user.home"), ".local", "share", "bianmin-portal");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(value, "--port"));
                case "--host" -> host = require(value, "--host");
                case "--data-dir" -> dataDir = Path.of(require(value, "--data-dir"));
                default -> {
                    System.err.println("usage: portal [--port N] [--host H] [--data-dir DIR]");
                    System.exit(2);
                }
            }
            i++;
        }
        Files.createDirectories(dataDir);
        PortalServer server = PortalServer.start(PortalOptions.of(dataDir, host, port,
                new CatalogueReader().readSample()));
        String url = "http://" + host + ":" + server.port() + "/";
        Path data = dataDir;
        server.bootstrap().ifPresentOrElse(b -> System.out.println(b.describe(url)),
                () -> System.out.println("reference portal at " + url + " (data " + data
                        + "; credentials from the first start are in demo-credentials.txt there)"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portal-shutdown"));
        new CountDownLatch(1).await();
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
