package org.bianmin.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bianmin.portal.store.PortalDatabase;
import org.bianmin.protocol.catalogue.CatalogueReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk portal [--port N] [--host H] [--data-dir DIR] [--database URL] [--metrics-port N [--metrics-host H]]}:
 * the reference portal standalone.
 * Without {@code --database} (or {@code BIANMIN_PORTAL_DATABASE}) the SQLite database stays in the data directory
 * between runs; with a PostgreSQL URL any number of nodes share that database. The node that starts first on an
 * empty database prints the demo credentials it created and writes them to its data directory.
 */
@Command(name = "portal", mixinStandardHelpOptions = true,
        description = "Bianmin reference portal (便民 参考门户): the portal protocol over HTTP.")
public final class PortalMain implements Callable<Integer> {

    static final String DATABASE_VARIABLE = "BIANMIN_PORTAL_DATABASE";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "port to listen on, 0-65535 (default ${DEFAULT-VALUE})")
    int port = 8730;

    @Option(names = "--host", paramLabel = "H", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "keys, demo credentials and the SQLite database (default ${DEFAULT-VALUE})")
    Path dataDir = Path.of(System.getProperty("user.home"), ".local", "share", "bianmin-portal");

    @Option(names = "--database", paramLabel = "URL", defaultValue = "${env:" + DATABASE_VARIABLE + "}",
            description = "PostgreSQL 15+: jdbc:postgresql://HOST:PORT/DB?user=U&password=P "
                    + "(default: $" + DATABASE_VARIABLE + ", else SQLite in the data directory)")
    String database;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "serve Prometheus /metrics on this port, without authentication (default: not at all)")
    Integer metricsPort;

    @Option(names = "--metrics-host", paramLabel = "H",
            description = "address for /metrics: one only monitoring reaches (default ${DEFAULT-VALUE})")
    String metricsHost = "127.0.0.1";

    public static void main(String[] args) {
        int exit = new CommandLine(new PortalMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        PortalOptions options = options();
        Files.createDirectories(dataDir);
        PortalServer server = PortalServer.start(options);
        String url = "http://" + host + ":" + server.port() + "/";
        server.bootstrap().ifPresentOrElse(b -> System.out.println(b.describe(url)),
                () -> System.out.println("reference portal at " + url + " (data " + dataDir
                        + "; credentials from the first start are in demo-credentials.txt in the data directory "
                        + "of the node that started first)"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portal-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }

    private void checkPort(String option, int value) {
        if (value < 0 || value > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + ": a number 0-65535 expected, got " + value);
        }
    }

    /** What the options say, checked before anything is created: a bad port or non-PostgreSQL URL is a usage error. */
    PortalOptions options() {
        checkPort("--port", port);
        if (metricsPort != null) {
            checkPort("--metrics-port", metricsPort);
        }
        PortalOptions options = PortalOptions.of(dataDir, host, port, new CatalogueReader().readSample());
        if (metricsPort != null) {
            options = options.withMetrics(metricsHost, metricsPort);
        }
        if (database == null || database.isBlank()) {
            return options;
        }
        try {
            return options.withDatabase(new PortalDatabase.Postgres(database.strip()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--database: " + e.getMessage());
        }
    }
}
