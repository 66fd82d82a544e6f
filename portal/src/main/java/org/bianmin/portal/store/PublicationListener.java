package org.bianmin.portal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears, on a PostgreSQL connection of its own (outside the pool, which must not hold a connection forever), the
 * {@code NOTIFY} that every publish sends on {@value #CHANNEL} in its transaction, and tells its node.
 *
 * <p>Guarantees: {@code changed} runs after every publish committed anywhere — within about a second of the commit
 * while the connection is up — and once more after every (re)connection, because a publish during the outage was
 * never heard; so a node misses nothing, at the price of a harmless extra check. It may run more often than there
 * were publishes; it runs on the listener's one thread, never concurrently with itself. Limits: a silently dead
 * network is noticed by a probe query every {@link #PROBE_EVERY} at the latest; reconnection tries back off from
 * 1 s to {@link #MAX_BACKOFF}. Every call on the connection has a timeout (connect, socket, the probe's query).
 */
final class PublicationListener implements AutoCloseable {

    static final String CHANNEL = "bianmin_catalogue";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String jdbcUrl;
    private final Properties properties;
    private final Runnable changed;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    private PublicationListener(String jdbcUrl, Properties properties, Runnable changed) {
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.changed = changed;
        this.thread = Thread.ofPlatform().daemon().name("portal-publication-listener").unstarted(this::run);
    }

    /** Starts listening; {@code properties} are the pool's connection properties (timeouts, keep-alive). */
    static PublicationListener start(String jdbcUrl, Properties properties, Runnable changed) {
        PublicationListener listener = new PublicationListener(jdbcUrl, properties, changed);
        listener.thread.start();
        return listener;
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        boolean warned = false;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, properties)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.setQueryTimeout(JdbcPortalStore.QUERY_TIMEOUT_SECONDS);
                    s.execute("LISTEN " + CHANNEL);
                }
                if (warned) {
                    LOG.info("listening for catalogue publications again");
                }
                warned = false;
                backoff = Duration.ofSeconds(1);
                changed.run();
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!warned) {
                    LOG.warn("catalogue publications not heard (retrying every {} s at most): {}",
                            MAX_BACKOFF.toSeconds(), e.toString());
                    warned = true;
                }
            } finally {
                connection = null;
            }
            if (!pause(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Waits for notifications until the connection fails or the listener is closed. */
    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
            if (notes != null && notes.length > 0) {
                changed.run();
            }
            if (System.nanoTime() - probeAt > 0) {
                // A half-open connection never errors on a read that expects nothing: ask it something.
                try (Statement s = c.createStatement()) {
                    s.setQueryTimeout(JdbcPortalStore.QUERY_TIMEOUT_SECONDS);
                    s.execute("SELECT 1");
                }
                probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
            }
        }
    }

    private boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the publication listener's connection", e);
            }
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
