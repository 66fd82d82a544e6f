package org.bianmin.portal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: {@code initdb} and {@code pg_ctl} from the installed server binaries
 * (Debian's {@code postgresql} package; {@code ./kiosk test} installs it), in a temporary directory, on a free
 * loopback port, password authentication only. PostgreSQL refuses to run as root, so as root the server runs as the
 * {@code postgres} system user (or {@code nobody}), which then owns the directory. {@link #close} stops it and
 * deletes the directory. Durability is off (fsync): this server holds throw-away test data only.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String ADMIN = "bianmin";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path base;
    private final Path bin;
    private final List<String> asUser;
    private final int port;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path base, Path bin, List<String> asUser, int port, String password) {
        this.base = base;
        this.bin = bin;
        this.asUser = asUser;
        this.port = port;
        this.password = password;
    }

    /** Creates a cluster and starts it; fails (never skips) when no PostgreSQL 15+ server binaries are installed. */
    public static PostgresServer start() {
        Path bin = binaries();
        try {
            Path base = Files.createTempDirectory("bianmin-pg-");
            List<String> asUser = List.of();
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Files.writeString(base.resolve("pw"), password);
            if ("root".equals(System.getProperty("user.name"))) {
                String user = userExists("postgres") ? "postgres" : "nobody";
                chown(base, user);
                asUser = List.of("runuser", "-u", user, "--");
            }
            PostgresServer server = new PostgresServer(base, bin, asUser, freePort(), password);
            server.run(bin.resolve("initdb").toString(), "-D", base.resolve("data").toString(), "-U", ADMIN,
                    "--pwfile=" + base.resolve("pw"), "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync");
            server.resume();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up a PostgreSQL server for the tests", e);
        }
    }

    /**
     * Stops the server as an administrator's {@code pg_ctl stop -m fast} does: open connections are cut, open
     * transactions rolled back, committed ones kept. {@link #resume} starts it again on the same port and data.
     */
    public void stop() throws IOException {
        run(bin.resolve("pg_ctl").toString(), "-D", base.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server (again) on its port and data directory, waiting until it accepts connections. */
    public void resume() throws IOException {
        run(bin.resolve("pg_ctl").toString(), "-D", base.resolve("data").toString(), "-l",
                base.resolve("log").toString(), "-w", "-t", "30", "-o", "-p " + port
                        + " -h 127.0.0.1 -k " + base + " -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=300", "start");
    }

    /** A new, empty database on this server, as the URL a portal is given. */
    public PortalDatabase.Postgres newDatabase() {
        String name = "portal_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"));
             Statement s = c.createStatement()) {
            s.setQueryTimeout(30);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new PortalDatabase.Postgres(url(name));
    }

    /** Runs SQL on a database of this server as its superuser (for tests that look behind the store). */
    public void execute(PortalDatabase.Postgres database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement s = c.createStatement()) {
            s.setQueryTimeout(30);
            s.execute(sql);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + ADMIN + "&password=" + password;
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(base)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void run(String... command) throws IOException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(List.of(command));
        Path output = Files.createTempFile("bianmin-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                    .directory(base.toFile()).start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command[0] + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                Path log = base.resolve("log");
                throw new IOException(String.join(" ", full) + " failed: " + Files.readString(output)
                        + (Files.isReadable(log) ? Files.readString(log) : ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** {@code $PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin} with N ≥ 15. */
    private static Path binaries() {
        String env = System.getenv("PG_BIN");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+")
                            && Integer.parseInt(v.getFileName().toString()) >= 15
                            && Files.isExecutable(v.resolve("bin/pg_ctl")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(PostgresServer::missing);
        } catch (IOException e) {
            throw missing();
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("the store tests need PostgreSQL 15+ server binaries: apt-get install "
                + "postgresql (./kiosk test does this), or set PG_BIN to a directory with initdb and pg_ctl");
    }

    private static boolean userExists(String name) throws IOException {
        try {
            lookup().lookupPrincipalByName(name);
            return true;
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            return false;
        }
    }

    private static void chown(Path dir, String user) throws IOException {
        var owner = lookup().lookupPrincipalByName(user);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Files.setOwner(p, owner);
            }
        }
    }

    private static UserPrincipalLookupService lookup() {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService();
    }

    /** A loopback port free at the time of asking (for servers that must be told their port). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
