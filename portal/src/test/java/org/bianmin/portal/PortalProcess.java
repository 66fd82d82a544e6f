package org.bianmin.portal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bianmin.portal.store.PortalDatabase;
import org.bianmin.portal.store.PostgresServer;

/**
 * A portal node in a JVM of its own, as {@code ./kiosk portal} runs it ({@link PortalMain}, the test's class path),
 * so a test can kill it as the kernel would ({@link #kill}: SIGKILL, no shutdown hook runs). The database URL
 * travels in {@code BIANMIN_PORTAL_DATABASE}, not the command line ({@code ps} would show its password).
 */
final class PortalProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    final int port;

    private PortalProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a node on {@code port} (0: a free one) and returns once it answers its health check. */
    static PortalProcess start(PortalDatabase.Postgres database, Path dataDir, int port) throws Exception {
        int listen = port != 0 ? port : PostgresServer.freePort();
        Path log = Files.createTempFile("bianmin-portal-node-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                PortalMain.class.getName(), "--port", String.valueOf(listen), "--data-dir", dataDir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(PortalMain.DATABASE_VARIABLE, database.jdbcUrl());
        PortalProcess node = new PortalProcess(builder.start(), log, listen);
        node.awaitHealthy();
        return node;
    }

    private void awaitHealthy() throws Exception {
        NodeClient client = new NodeClient(port);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("portal node exited with " + process.exitValue() + ": " + output());
            }
            try {
                HttpResponse<byte[]> r = client.get("/api/v1/health", null);
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        kill();
        throw new IllegalStateException("portal node not healthy within " + STARTUP + ": " + output());
    }

    /** SIGKILL, as {@code kill -9}: the JVM ends at once, connections and in-flight requests with it. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("portal node survived SIGKILL");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(log);
    }
}
