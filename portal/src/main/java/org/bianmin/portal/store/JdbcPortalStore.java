package org.bianmin.portal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bianmin.protocol.api.EidIdentity;
import org.bianmin.protocol.api.EidTestToken;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.HolderKey;
import org.bianmin.protocol.api.KioskSummary;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.protocol.api.RatingReceipt;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.SubmissionReceipt;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.files.OwnerOnly;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The portal store over JDBC, one SQL text for SQLite and PostgreSQL ({@link SqlDialect} holds the few
 * differences), behind a HikariCP pool, its schema kept by Flyway ({@code db/migration/<dialect>}).
 *
 * <p>SQLite gets a pool of one connection: one writer at a time, as SQLite allows; its file (with {@code -wal} and
 * {@code -shm}) is owner-only ({@link OwnerOnly#database}). PostgreSQL gets a pool per node
 * and several nodes may share the database: each transaction that loses a race on a unique key (or a conditional
 * update, see {@link LostRace}) is rolled back and run again up to {@value #ATTEMPTS} times, and then reads what
 * the winner committed. Every statement has a {@value #QUERY_TIMEOUT_SECONDS} s query timeout and getting a
 * connection waits at most {@link #CONNECTION_TIMEOUT}; either failing is a {@link PortalStoreException}.
 */
final class JdbcPortalStore implements PortalStore {

    static final int QUERY_TIMEOUT_SECONDS = 10;
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Each retry follows a commit by the transaction that won, so a few attempts always suffice. */
    private static final int ATTEMPTS = 5;
    private static final int POSTGRES_POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final SqlDialect dialect;
    /** The PostgreSQL URL, for the publication listener's own connection; null for SQLite. */
    private final String listenUrl;
    private PublicationListener listener;
    private final Clock clock;
    private final ObjectMapper json = CatalogueReader.mapper();
    /** Sorted keys, so equal requests always hash equally whatever map order they arrived in. */
    private final ObjectMapper canonical = CatalogueReader.mapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private final SecureRandom random = new SecureRandom();

    private JdbcPortalStore(HikariDataSource pool, SqlDialect dialect, String listenUrl, Clock clock) {
        this.pool = pool;
        this.dialect = dialect;
        this.listenUrl = listenUrl;
        this.clock = clock;
    }

    static JdbcPortalStore open(PortalDatabase database, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("portal-store");
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(CONNECTION_TIMEOUT.toMillis());
        SqlDialect dialect;
        DataSource migrations;
        switch (database) {
            case PortalDatabase.Sqlite sqlite -> {
                dialect = SqlDialect.SQLITE;
                try {
                    // Before SQLite opens it: SQLite gives -wal and -shm the database file's mode.
                    OwnerOnly.database(sqlite.file());
                } catch (IOException e) {
                    throw new PortalStoreException("cannot make portal database " + sqlite.file() + " owner-only", e);
                }
                SQLiteConfig pragmas = new SQLiteConfig();
                pragmas.setJournalMode(SQLiteConfig.JournalMode.WAL);
                pragmas.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
                pragmas.setBusyTimeout((int) CONNECTION_TIMEOUT.toMillis());
                SQLiteDataSource file = new SQLiteDataSource(pragmas);
                file.setUrl("jdbc:sqlite:" + sqlite.file());
                config.setDataSource(file);
                config.setMaximumPoolSize(1);
                // Flyway gets its own connection: it may want a second one, which a pool of one would never give.
                migrations = file;
            }
            case PortalDatabase.Postgres postgres -> {
                dialect = SqlDialect.POSTGRESQL;
                config.setJdbcUrl(postgres.jdbcUrl());
                config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
                // Defaults the URL may override: a dead server or network fails a call instead of hanging it.
                config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
                config.addDataSourceProperty("socketTimeout", String.valueOf(QUERY_TIMEOUT_SECONDS * 3));
                config.addDataSourceProperty("tcpKeepAlive", "true");
                migrations = null;
            }
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new PortalStoreException("cannot open portal database " + database, e);
        }
        try {
            migrate(migrations == null ? pool : migrations, dialect);
        } catch (FlywayException e) {
            pool.close();
            throw new PortalStoreException("cannot migrate portal database " + database + ": " + e.getMessage(), e);
        }
        return new JdbcPortalStore(pool, dialect, database instanceof PortalDatabase.Postgres p ? p.jdbcUrl() : null,
                clock);
    }

    /**
     * Brings the schema to the newest migration. A SQLite file made before migrations existed holds exactly
     * version 1, so it is baselined there; a PostgreSQL database is never baselined (it may hold other tables).
     * Nodes starting together on PostgreSQL are serialised by Flyway's advisory lock.
     */
    private static void migrate(DataSource target, SqlDialect dialect) {
        Flyway.configure()
                .dataSource(target)
                .locations(dialect.migrations)
                .failOnMissingLocations(true)
                .baselineOnMigrate(dialect == SqlDialect.SQLITE)
                .baselineVersion("1")
                .load()
                .migrate();
    }

    /** Signals that a conditional update found the row changed by a concurrent transaction: run the work again. */
    private static final class LostRace extends Exception {
        LostRace() {
            super(null, null, false, false);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Sql sql) throws SQLException, JsonProcessingException, LostRace;
    }

    /** Runs {@code work} in one transaction, again from the start if it lost a race to another transaction. */
    private <T> T tx(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(new Sql(c));
                    c.commit();
                    return result;
                } catch (SQLException | JsonProcessingException | LostRace | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (LostRace e) {
                if (attempt == ATTEMPTS) {
                    throw new PortalStoreException("portal database: still contended after " + ATTEMPTS + " attempts",
                            e);
                }
            } catch (SQLException e) {
                if (attempt == ATTEMPTS || !dialect.lostRace(e)) {
                    throw new PortalStoreException("portal database: " + e.getMessage(), e);
                }
            } catch (JsonProcessingException e) {
                throw new PortalStoreException("portal database: " + e.getMessage(), e);
            }
        }
    }

    /** Reads outside a transaction (autocommit). */
    private <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(new Sql(c));
        } catch (SQLException | JsonProcessingException | LostRace e) {
            throw new PortalStoreException("portal database: " + e.getMessage(), e);
        }
    }

    // --- credentials -------------------------------------------------------------------------------------------

    @Override
    public String registerKiosk(String kioskId) {
        String token = newToken();
        tx(sql -> sql.update("INSERT INTO kiosk VALUES (?, ?, 0, ?) ON CONFLICT(kiosk_id) DO UPDATE SET "
                + "token_hash = excluded.token_hash, revoked = 0", kioskId, hash(token), now().toString()));
        return token;
    }

    @Override
    public boolean revokeKiosk(String kioskId) {
        return tx(sql -> sql.update("UPDATE kiosk SET revoked = 1 WHERE kiosk_id = ?", kioskId)) > 0;
    }

    @Override
    public String createOperator(String name) {
        String token = newToken();
        tx(sql -> sql.update("INSERT INTO operator VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET "
                + "token_hash = excluded.token_hash", name, hash(token)));
        return token;
    }

    @Override
    public Optional<String> createFirstOperator(String name) {
        String token = newToken();
        // Two nodes racing here both see no operator; the primary key lets one insert and makes the other retry.
        return tx(sql -> sql.update("INSERT INTO operator (name, token_hash) SELECT ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM operator)", name, hash(token)) == 1
                ? Optional.of(token) : Optional.empty());
    }

    @Override
    public Optional<String> kioskForToken(String token) {
        return read(sql -> sql.queryString("SELECT kiosk_id FROM kiosk WHERE token_hash = ? AND revoked = 0",
                hash(token)));
    }

    @Override
    public Optional<String> operatorForToken(String token) {
        return read(sql -> sql.queryString("SELECT name FROM operator WHERE token_hash = ?", hash(token)));
    }

    // --- signing keys and catalogues ---------------------------------------------------------------------------

    @Override
    public void trustKey(KeyFile key) {
        String text = writeJson(key.publicOnly());
        tx(sql -> sql.update("INSERT INTO signing_key VALUES (?, ?) ON CONFLICT(key_id) DO UPDATE SET "
                + "key_json = excluded.key_json", key.keyId(), text));
    }

    @Override
    public List<KeyFile> trustedKeys() {
        return read(sql -> {
            List<KeyFile> keys = new ArrayList<>();
            try (PreparedStatement ps = sql.bind("SELECT key_json FROM signing_key"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(json.readValue(rs.getString(1), KeyFile.class));
                }
            }
            return keys;
        });
    }

    @Override
    public boolean publish(long version, byte[] body, byte[] signature) {
        return tx(sql -> {
            if (sql.queryLong("SELECT coalesce(max(version), 0) FROM catalogue") >= version) {
                return false;
            }
            sql.update("INSERT INTO catalogue VALUES (?, ?, ?, ?)", version, body, signature, now().toString());
            if (dialect == SqlDialect.POSTGRESQL) {
                // Delivered to every listening node when (and only if) this transaction commits.
                sql.queryString("SELECT pg_notify(?, ?)", PublicationListener.CHANNEL, Long.toString(version));
            }
            return true;
        });
    }

    @Override
    public Optional<PublishedCatalogue> currentCatalogue() {
        return read(sql -> {
            try (PreparedStatement ps = sql.bind(
                    "SELECT version, body, signature FROM catalogue ORDER BY version DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] body = rs.getBytes(2);
                byte[] sig = rs.getBytes(3);
                return Optional.of(new PublishedCatalogue(rs.getLong(1), body, sig, PortalStore.etag(body),
                        PortalStore.etag(sig)));
            }
        });
    }

    // --- submissions and ratings ---------------------------------------------------------------------------------

    @Override
    public Answer submit(String kioskId, String key, SubmissionRequest request, boolean immediate) {
        String requestHash = requestHash(request);
        return tx(sql -> {
            Optional<Answer> earlier = replay(sql, kioskId, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (sql.queryString("SELECT receipt_number FROM submission WHERE receipt_number = ?",
                    request.receiptNumber()).isPresent()) {
                // Each statement reads what is committed when it starts: a node that stored this very request may
                // have committed since the replay check above, and its answer is visible wherever its record is.
                return replay(sql, kioskId, key, requestHash)
                        .orElseGet(() -> new Answer.ReceiptTaken(request.receiptNumber()));
            }
            OffsetDateTime now = now();
            SubmissionState state = immediate ? SubmissionState.COMPLETED : SubmissionState.RECEIVED;
            sql.update("INSERT INTO submission (receipt_number, kiosk_id, item_code, catalogue_version, submitted_at, "
                    + "fields_json, state, received_at, updated_at, immediate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    request.receiptNumber(), kioskId, request.itemCode(), request.catalogueVersion(),
                    request.submittedAt().toString(), canonical.writeValueAsString(request.fields()), state.name(),
                    now.toString(), now.toString(), immediate ? 1 : 0);
            if (request.holderKey() != null) {
                sql.update("INSERT INTO submission_holder VALUES (?, ?)", request.receiptNumber(),
                        request.holderKey());
            }
            addEvent(sql, request.receiptNumber(), SubmissionState.RECEIVED, now, null);
            if (immediate) {
                addEvent(sql, request.receiptNumber(), SubmissionState.COMPLETED, now, "即办件，当场办结");
            }
            byte[] body = json.writeValueAsBytes(new SubmissionReceipt(request.receiptNumber(), state, now));
            remember(sql, kioskId, key, requestHash, 201, body, now);
            return new Answer.Stored(201, body);
        });
    }

    @Override
    public Answer rate(String kioskId, String key, RatingRequest request) {
        String requestHash = requestHash(request);
        return tx(sql -> {
            Optional<Answer> earlier = replay(sql, kioskId, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            OffsetDateTime now = now();
            long id = sql.queryLong("INSERT INTO rating (kiosk_id, item_code, receipt_number, score, comment, "
                    + "rated_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", kioskId, request.itemCode(),
                    request.receiptNumber(), request.score(), request.comment(), request.ratedAt().toString(),
                    now.toString());
            for (RatingReason reason : request.reasons()) {
                sql.update("INSERT INTO rating_reason VALUES (?, ?)", id, reason.name());
            }
            byte[] body = json.writeValueAsBytes(new RatingReceipt(id, now));
            remember(sql, kioskId, key, requestHash, 201, body, now);
            return new Answer.Stored(201, body);
        });
    }

    @Override
    public List<StoredRating> recentRatings(int limit) {
        return read(sql -> {
            List<StoredRating> ratings = new ArrayList<>();
            try (PreparedStatement ps = sql.bind("SELECT r.id, r.kiosk_id, r.item_code, r.receipt_number, "
                    + "r.score, r.comment, r.rated_at, string_agg(x.reason, ',') FROM rating r "
                    + "LEFT JOIN rating_reason x ON x.rating_id = r.id GROUP BY r.id ORDER BY r.id DESC LIMIT ?",
                    limit); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reasons = rs.getString(8);
                    ratings.add(new StoredRating(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), reasons == null ? List.of() : Arrays.stream(reasons.split(","))
                                    .map(RatingReason::valueOf).sorted().toList(),
                            rs.getString(6), OffsetDateTime.parse(rs.getString(7))));
                }
            }
            return ratings;
        });
    }

    @Override
    public Optional<SubmissionStatus> status(String receiptNumber) {
        return read(sql -> statusOf(sql, receiptNumber));
    }

    @Override
    public List<SubmissionStatus> submissionsByHolder(String holderKey, int limit) {
        return statuses("SELECT h.receipt_number FROM submission_holder h JOIN submission s "
                + "ON s.receipt_number = h.receipt_number WHERE h.holder_key = ? "
                + "ORDER BY s.received_at DESC, s." + dialect.insertionOrder + " DESC LIMIT ?", holderKey, limit);
    }

    @Override
    public HolderKey holderKey() {
        return tx(sql -> {
            Optional<String> stored = sql.queryString("SELECT value FROM setting WHERE name = 'holder_key'");
            if (stored.isPresent()) {
                return new HolderKey(stored.get());
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            sql.update("INSERT INTO setting VALUES ('holder_key', ?)", key);
            return new HolderKey(key);
        });
    }

    @Override
    public Advance advance(String receiptNumber, SubmissionState to, String note) {
        return tx(sql -> {
            Optional<SubmissionStatus> current = statusOf(sql, receiptNumber);
            if (current.isEmpty()) {
                return new Advance.NotFound();
            }
            boolean immediate = sql.queryLong("SELECT immediate FROM submission WHERE receipt_number = ?",
                    receiptNumber) == 1;
            SubmissionState from = current.get().state();
            if (!from.next(immediate).contains(to)) {
                return new Advance.NotAllowed(from, to);
            }
            OffsetDateTime now = now();
            // Only from the state read above: a node that moved it meanwhile makes this one start over.
            if (sql.update("UPDATE submission SET state = ?, updated_at = ? WHERE receipt_number = ? AND state = ?",
                    to.name(), now.toString(), receiptNumber, from.name()) == 0) {
                throw new LostRace();
            }
            addEvent(sql, receiptNumber, to, now, note == null || note.isBlank() ? null : note.strip());
            return new Advance.Moved(statusOf(sql, receiptNumber).orElseThrow());
        });
    }

    @Override
    public List<SubmissionStatus> recentSubmissions(int limit) {
        return statuses("SELECT receipt_number FROM submission ORDER BY received_at DESC, "
                + dialect.insertionOrder + " DESC LIMIT ?", limit);
    }

    /** The status of each receipt number {@code query} selects, in its order. */
    private List<SubmissionStatus> statuses(String query, Object... args) {
        return read(sql -> {
            List<String> receipts = new ArrayList<>();
            try (PreparedStatement ps = sql.bind(query, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    receipts.add(rs.getString(1));
                }
            }
            List<SubmissionStatus> result = new ArrayList<>();
            for (String r : receipts) {
                statusOf(sql, r).ifPresent(result::add);
            }
            return result;
        });
    }

    @Override
    public long count(String table) {
        if (!List.of("submission", "rating", "kiosk", "heartbeat", "eid_token").contains(table)) {
            throw new IllegalArgumentException("no table " + table);
        }
        return read(sql -> sql.queryLong("SELECT count(*) FROM " + table));
    }

    // --- test e-ID codes -------------------------------------------------------------------------------------------

    @Override
    public EidTestToken issueEid(EidIdentity identity, Duration validFor) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = "EID:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(validFor);
        String text = writeJson(identity);
        tx(sql -> sql.update("INSERT INTO eid_token (token_hash, identity_json, issued_at, expires_at) "
                + "VALUES (?, ?, ?, ?)", hash(token), text, now.toString(), expires.toString()));
        return new EidTestToken(token, expires);
    }

    @Override
    public EidOutcome verifyEid(String token, String kioskId) {
        String hash = hash(token);
        return tx(sql -> {
            String identityJson;
            String expiresAt;
            try (PreparedStatement ps = sql.bind("SELECT identity_json, expires_at, used_at FROM eid_token "
                    + "WHERE token_hash = ?", hash); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new EidOutcome.Unknown();
                }
                if (rs.getString(3) != null) {
                    return new EidOutcome.Used();
                }
                identityJson = rs.getString(1);
                expiresAt = rs.getString(2);
            }
            OffsetDateTime now = now();
            if (!now.isBefore(OffsetDateTime.parse(expiresAt))) {
                return new EidOutcome.Expired();
            }
            // Only if still unused: of two nodes verifying the same code at once, the second starts over and sees Used.
            if (sql.update("UPDATE eid_token SET used_at = ?, used_by = ? WHERE token_hash = ? AND used_at IS NULL",
                    now.toString(), kioskId, hash) == 0) {
                throw new LostRace();
            }
            return new EidOutcome.Verified(json.readValue(identityJson, EidIdentity.class));
        });
    }

    // --- heartbeats --------------------------------------------------------------------------------------------

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        String text = writeJson(heartbeat);
        OffsetDateTime now = now();
        tx(sql -> sql.update("INSERT INTO heartbeat (kiosk_id, received_at, body, received_ms, flags) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(kiosk_id) DO UPDATE SET received_at = excluded.received_at, "
                + "body = excluded.body, received_ms = excluded.received_ms, flags = excluded.flags",
                heartbeat.kioskId(), now.toString(), text, now.toInstant().toEpochMilli(), KioskFlag.of(heartbeat)));
    }

    private static final String KIOSK_ROWS = "SELECT k.kiosk_id, k.revoked, h.received_at, h.body "
            + "FROM kiosk k LEFT JOIN heartbeat h ON h.kiosk_id = k.kiosk_id";

    @Override
    public List<KioskSummary> kiosks() {
        return read(sql -> kioskSummaries(sql, KIOSK_ROWS + " ORDER BY k.kiosk_id"));
    }

    @Override
    public Fleet fleet(Fleet.Filter filter, String idPrefix, java.time.Instant offlineBefore, int offset, int limit) {
        long cutOff = offlineBefore.toEpochMilli();
        String offline = "k.revoked = 0 AND (h.received_ms IS NULL OR h.received_ms < " + cutOff + ")";
        String where = " WHERE lower(k.kiosk_id) LIKE ? AND " + switch (filter) {
            case Fleet.Filter.All a -> "1 = 1";
            case Fleet.Filter.Offline o -> offline;
            case Fleet.Filter.Revoked r -> "k.revoked = 1";
            case Fleet.Filter.Flagged f -> flagged(f.flag());
        };
        if (!Fleet.validPrefix(idPrefix)) {
            throw new IllegalArgumentException("a kiosk id prefix holds only letters, digits and '-'");
        }
        String like = idPrefix.toLowerCase(java.util.Locale.ROOT) + "%";
        return read(sql -> {
            StringBuilder counts = new StringBuilder("SELECT count(*), " + sum("k.revoked = 1") + ", " + sum(offline));
            for (KioskFlag flag : KioskFlag.values()) {
                counts.append(", ").append(sum(flagged(flag)));
            }
            Fleet.Counts totals;
            try (PreparedStatement ps = sql.bind(counts + " FROM kiosk k LEFT JOIN heartbeat h "
                    + "ON h.kiosk_id = k.kiosk_id"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.util.Map<KioskFlag, Long> byFlag = new java.util.EnumMap<>(KioskFlag.class);
                for (KioskFlag flag : KioskFlag.values()) {
                    byFlag.put(flag, rs.getLong(4 + flag.ordinal()));
                }
                totals = new Fleet.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), byFlag);
            }
            long matching = sql.queryLong("SELECT count(*) FROM kiosk k LEFT JOIN heartbeat h "
                    + "ON h.kiosk_id = k.kiosk_id" + where, like);
            return new Fleet(kioskSummaries(sql, KIOSK_ROWS + where + " ORDER BY k.kiosk_id LIMIT ? OFFSET ?", like,
                    limit, offset), matching, totals);
        });
    }

    private static String flagged(KioskFlag flag) {
        return "k.revoked = 0 AND (coalesce(h.flags, 0) & " + flag.bit() + ") <> 0";
    }

    private static String sum(String condition) {
        return "coalesce(sum(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
    }

    private List<KioskSummary> kioskSummaries(Sql sql, String query, Object... args)
            throws SQLException, JsonProcessingException {
        List<KioskSummary> kiosks = new ArrayList<>();
        try (PreparedStatement ps = sql.bind(query, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String at = rs.getString(3);
                kiosks.add(new KioskSummary(rs.getString(1), rs.getInt(2) == 1,
                        at == null ? null : OffsetDateTime.parse(at),
                        at == null ? null : json.readValue(rs.getString(4), Heartbeat.class)));
            }
        }
        return kiosks;
    }

    @Override
    public java.util.Map<SubmissionState, Long> submissionsByState() {
        return read(sql -> {
            java.util.Map<SubmissionState, Long> byState = new java.util.EnumMap<>(SubmissionState.class);
            for (SubmissionState state : SubmissionState.values()) {
                byState.put(state, 0L);
            }
            try (PreparedStatement ps = sql.bind("SELECT state, count(*) FROM submission GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byState.put(SubmissionState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return byState;
        });
    }

    @Override
    public HeartbeatAges heartbeatAges(java.time.Instant now, List<Duration> bounds) {
        long at = now.toEpochMilli();
        StringBuilder query = new StringBuilder("SELECT count(*), coalesce(sum(" + at + " - h.received_ms), 0)");
        for (Duration bound : bounds) {
            query.append(", ").append(sum("h.received_ms >= " + (at - bound.toMillis())));
        }
        return read(sql -> {
            try (PreparedStatement ps = sql.bind(query + " FROM heartbeat h JOIN kiosk k ON k.kiosk_id = h.kiosk_id "
                    + "WHERE k.revoked = 0"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<Long> atMost = new ArrayList<>();
                for (int i = 0; i < bounds.size(); i++) {
                    atMost.add(rs.getLong(3 + i));
                }
                return new HeartbeatAges(atMost, rs.getLong(1), rs.getLong(2) / 1000.0);
            }
        });
    }

    @Override
    public synchronized void onPublished(Runnable changed) {
        if (listener != null) {
            throw new IllegalStateException("one publication listener per store");
        }
        if (listenUrl == null) {
            return;
        }
        listener = PublicationListener.start(listenUrl, pool.getDataSourceProperties(), changed);
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
        }
        pool.close();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Optional<Answer> replay(Sql sql, String kioskId, String key, String requestHash) throws SQLException {
        try (PreparedStatement ps = sql.bind("SELECT request_hash, status, response FROM idempotency "
                + "WHERE kiosk_id = ? AND idem_key = ?", kioskId, key); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(rs.getString(1).equals(requestHash)
                    ? new Answer.Replayed(rs.getInt(2), rs.getBytes(3)) : new Answer.KeyReused());
        }
    }

    private static void remember(Sql sql, String kioskId, String key, String requestHash, int status, byte[] body,
                                 OffsetDateTime now) throws SQLException {
        sql.update("INSERT INTO idempotency VALUES (?, ?, ?, ?, ?, ?)", kioskId, key, requestHash, status, body,
                now.toString());
    }

    private static void addEvent(Sql sql, String receipt, SubmissionState state, OffsetDateTime at, String note)
            throws SQLException {
        long seq = sql.queryLong("SELECT coalesce(max(seq), 0) + 1 FROM submission_event WHERE receipt_number = ?",
                receipt);
        sql.update("INSERT INTO submission_event VALUES (?, ?, ?, ?, ?)", receipt, seq, state.name(), at.toString(),
                note);
    }

    private static Optional<SubmissionStatus> statusOf(Sql sql, String receipt) throws SQLException {
        String item;
        SubmissionState state;
        OffsetDateTime updated;
        try (PreparedStatement ps = sql.bind("SELECT item_code, state, updated_at FROM submission "
                + "WHERE receipt_number = ?", receipt); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            item = rs.getString(1);
            state = SubmissionState.valueOf(rs.getString(2));
            updated = OffsetDateTime.parse(rs.getString(3));
        }
        List<SubmissionStatus.StatusChange> history = new ArrayList<>();
        try (PreparedStatement ps = sql.bind("SELECT state, at, note FROM submission_event WHERE receipt_number = ? "
                + "ORDER BY seq", receipt); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                history.add(new SubmissionStatus.StatusChange(SubmissionState.valueOf(rs.getString(1)),
                        OffsetDateTime.parse(rs.getString(2)), rs.getString(3)));
            }
        }
        return Optional.of(new SubmissionStatus(receipt, item, state, updated, history));
    }

    private String requestHash(Object request) {
        try {
            return HexFormat.of().formatHex(Ed25519Keys.sha256(canonical.writeValueAsBytes(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request cannot be serialised", e);
        }
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(Ed25519Keys.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8));
    }

    /** Statements on one connection, each with the query timeout. */
    private record Sql(Connection connection) {

        int update(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = bind(sql, args)) {
                return ps.executeUpdate();
            }
        }

        /** The first column of the first row, 0 without rows (also for {@code INSERT … RETURNING}). */
        long queryLong(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = bind(sql, args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }

        Optional<String> queryString(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = bind(sql, args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }

        PreparedStatement bind(String sql, Object... args) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            try {
                ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps;
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }
    }
}
