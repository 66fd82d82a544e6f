package org.bianmin.cache.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.bianmin.protocol.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The kiosk's one SQLite file.
 *
 * <p><b>Durability.</b> WAL journal with {@code synchronous=FULL}: a commit returns only after the WAL is fsynced,
 * so a committed citizen submission survives a crash and a power loss (WAL + NORMAL could lose the last commits on
 * power loss). {@code secure_delete} overwrites freed pages so purged payloads do not linger in the file.
 *
 * <p><b>Threading: one writer.</b> There is exactly one write connection; {@link #write} holds a lock for the whole
 * transaction and starts it with {@code BEGIN IMMEDIATE}, so writes are serialized inside this process and a second
 * process (kioskctl while the kiosk runs) waits up to the busy timeout instead of failing mid-transaction. A
 * separate read connection serves {@link #read}: under WAL, readers see the last committed state and are never
 * blocked by the writer. Never call {@code write} from inside {@code read} or vice versa on the same thread's
 * behalf with an open transaction you depend on; each call is one transaction.
 *
 * <p><b>Damage.</b> At open, a file that SQLite reports as corrupt, not a database, or unopenable, or that fails
 * {@code PRAGMA quick_check}, is moved aside intact (with its {@code -wal} and {@code -shm}) into
 * {@code quarantine/<time>/} next to it, a {@link StorageAlert.DatabaseQuarantined} is raised, and a new empty
 * database is created so the kiosk keeps accepting submissions. It is never deleted or overwritten.
 */
public final class Database implements AutoCloseable {

    /** Busy timeout for both connections: long enough to ride out a kioskctl command, short enough to notice. */
    public static final int BUSY_TIMEOUT_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final List<StorageAlert> alerts;

    private Database(Path file, Connection writer, Connection reader, List<StorageAlert> alerts) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.alerts = List.copyOf(alerts);
    }

    /** A unit of work on a connection that is already inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code file}. A damaged file is quarantined as
     * described in the class comment; {@code alertSink} receives the alert as well as {@link #alerts()}.
     */
    public static Database open(Path file, Clock clock, Consumer<StorageAlert> alertSink) {
        List<StorageAlert> alerts = new ArrayList<>();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StorageException("cannot create the directory of " + file, e);
        }
        try {
            return openChecked(file, alerts);
        } catch (SQLException e) {
            if (!isDamage(e)) {
                throw new StorageException("cannot open " + file + ": " + e.getMessage(), e);
            }
            StorageAlert alert = quarantine(file, clock, e.getMessage());
            alerts.add(alert);
            alertSink.accept(alert);
            try {
                return openChecked(file, alerts);
            } catch (SQLException again) {
                throw new StorageException("cannot create a new database at " + file, again);
            }
        }
    }

    private static Database openChecked(Path file, List<StorageAlert> alerts) throws SQLException {
        boolean existed = Files.exists(file);
        try {
            OwnerOnly.database(file); // personal data: 0600 whatever the umask, and so are -wal and -shm
        } catch (IOException e) {
            throw new StorageException("cannot make " + file + " owner-only", e);
        }
        Connection writer = connect(file);
        Connection reader = null;
        try {
            if (existed) {
                quickCheck(writer);
            }
            migrate(writer, Schema.MIGRATIONS);
            reader = connect(file);
            return new Database(file, writer, reader, alerts);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw e;
        }
    }

    /**
     * Connections stay in auto-commit; transactions are opened explicitly and only for their duration. (With
     * auto-commit off the driver begins the next transaction the moment one commits: the writer would hold the
     * write lock for good and the reader would pin an old WAL snapshot, so {@code kioskctl} could not open the
     * database of a running kiosk and the WAL could never be checkpointed.)
     */
    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void quickCheck(Connection c) throws SQLException {
        String first = quickCheckOf(c);
        if (!"ok".equals(first)) {
            throw new SQLiteException("quick_check: " + first, SQLiteErrorCode.SQLITE_CORRUPT);
        }
    }

    private static String quickCheckOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        }
    }

    static void migrate(Connection c, List<Migration> migrations) throws SQLException {
        exec(c, "BEGIN IMMEDIATE");
        try (Statement s = c.createStatement()) {
            int current;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            int latest = migrations.getLast().version();
            if (current > latest) {
                throw new SQLException("database schema version " + current + " is newer than this build knows ("
                        + latest + "); refusing to touch it");
            }
            for (Migration m : migrations) {
                if (m.version() > current) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + m.version());
                    LOG.info("database migrated to version {}: {}", m.version(), m.description());
                }
            }
            exec(c, "COMMIT");
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            throw e;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    private static boolean isDamage(SQLException e) {
        if (e instanceof SQLiteException se) {
            return switch (se.getResultCode().code & 0xff) {
                case 11 /* CORRUPT */, 26 /* NOTADB */, 14 /* CANTOPEN */ -> true;
                default -> false;
            };
        }
        return false;
    }

    private static StorageAlert quarantine(Path file, Clock clock, String reason) {
        var at = clock.instant();
        Path dir = file.toAbsolutePath().resolveSibling("quarantine").resolve(STAMP.format(at));
        try {
            OwnerOnly.directory(dir.getParent());
            OwnerOnly.directory(dir);
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Path part = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(part)) {
                    Files.move(part, dir.resolve(part.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new StorageException("database " + file + " is damaged (" + reason
                    + ") and could not be moved aside to " + dir, e);
        }
        LOG.error("database {} is damaged ({}); moved aside intact to {}", file, reason, dir);
        return new StorageAlert.DatabaseQuarantined(file, dir.resolve(file.getFileName()), reason, at);
    }

    /** Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}); commits, or rolls back on failure. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in one read transaction: a consistent snapshot of the last committed state. */
    public <T> T read(Work<T> work) {
        readLock.lock();
        try {
            return inTransaction(reader, "BEGIN DEFERRED", work);
        } finally {
            readLock.unlock();
        }
    }

    private <T> T inTransaction(Connection c, String begin, Work<T> work) {
        try {
            exec(c, begin);
        } catch (SQLException e) {
            throw new StorageException("database " + file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            T result = work.run(c);
            exec(c, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new StorageException("database " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Alerts raised while opening (a quarantined file); empty when all was well. */
    public List<StorageAlert> alerts() {
        return alerts;
    }

    /** SQLite's {@code PRAGMA quick_check} now: "ok", or its first complaint (for the start-up self-check). */
    public String quickCheck() {
        return read(Database::quickCheckOf);
    }

    /** Schema version in the file. */
    public int schemaVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            closeQuietly(reader);
            closeQuietly(writer);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a database connection failed: {}", e.getMessage());
        }
    }
}
