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
                case "--port" -> port = port(require(value, "--port"));
                case "--host" -> host = require(value, "--host");
                case "--data-dir" -> dataDir = Path.of(require(value, "--data-dir"));
                default -> usage("unknown option " + args[i]);
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
            usage(option + " needs a value");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--port: a number 0-65535 expected, got '" + value + "'");
        return -1;
    }

    private static void usage(String problem) {
        System.err.println("portal: " + problem);
        System.err.println("usage: portal [--port N] [--host H] [--data-dir DIR]");
        System.exit(2);
    }
}
