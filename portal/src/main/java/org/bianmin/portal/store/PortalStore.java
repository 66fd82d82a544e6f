package org.bianmin.portal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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

/**
 * The reference portal's SQLite database: credentials (hashed), trusted signing keys, published catalogues,
 * submissions with their state history, ratings, idempotency answers and the latest heartbeat per kiosk.
 * One connection, one writer at a time (SQLite allows no more); every idempotent write is one transaction that
 * stores the record and the answer together, so a crash can never leave one without the other.
 */
public final class PortalStore implements AutoCloseable {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS kiosk (kiosk_id TEXT PRIMARY KEY, token_hash TEXT UNIQUE NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS operator (name TEXT PRIMARY KEY, token_hash TEXT UNIQUE NOT NULL);
            CREATE TABLE IF NOT EXISTS signing_key (key_id TEXT PRIMARY KEY, key_json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS catalogue (version INTEGER PRIMARY KEY, body BLOB NOT NULL,
                signature BLOB NOT NULL, published_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS submission (receipt_number TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL,
                item_code TEXT NOT NULL, catalogue_version INTEGER NOT NULL, submitted_at TEXT NOT NULL,
                fields_json TEXT NOT NULL, state TEXT NOT NULL, received_at TEXT NOT NULL, updated_at TEXT NOT NULL,
                immediate INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS submission_event (receipt_number TEXT NOT NULL, seq INTEGER NOT NULL,
                state TEXT NOT NULL, at TEXT NOT NULL, note TEXT, PRIMARY KEY (receipt_number, seq));
            CREATE TABLE IF NOT EXISTS rating (id INTEGER PRIMARY KEY AUTOINCREMENT, kiosk_id TEXT NOT NULL,
                item_code TEXT NOT NULL, receipt_number TEXT, score INTEGER NOT NULL, comment TEXT,
                rated_at TEXT NOT NULL, received_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS rating_reason (rating_id INTEGER NOT NULL REFERENCES rating (id),
                reason TEXT NOT NULL, PRIMARY KEY (rating_id, reason));
            CREATE TABLE IF NOT EXISTS idempotency (kiosk_id TEXT NOT NULL, idem_key TEXT NOT NULL,
                request_hash TEXT NOT NULL, status INTEGER NOT NULL, response BLOB NOT NULL, created_at TEXT NOT NULL,
                PRIMARY KEY (kiosk_id, idem_key));
            CREATE TABLE IF NOT EXISTS submission_holder (receipt_number TEXT PRIMARY KEY, holder_key TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS submission_holder_key ON submission_holder (holder_key);
            CREATE TABLE IF NOT EXISTS setting (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS eid_token (token_hash TEXT PRIMARY KEY, identity_json TEXT NOT NULL,
                issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT);
            CREATE TABLE IF NOT EXISTS heartbeat (kiosk_id TEXT PRIMARY KEY, received_at TEXT NOT NULL,
                body TEXT NOT NULL);
            """;

    private final Connection db;
    private final Clock clock;
    private final ObjectMapper json = CatalogueReader.mapper();
    /** Sorted keys, so equal requests always hash equally whatever map order they arrived in. */
    private final ObjectMapper canonical = CatalogueReader.mapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private final SecureRandom random = new SecureRandom();

    /**
     * Opens (or creates) the database at {@code file}, owner-only with its {@code -wal} and {@code -shm} files
     * ({@link OwnerOnly#database}).
     */
    public PortalStore(Path file, Clock clock) {
        this.clock = clock;
        try {
            OwnerOnly.database(file);
        } catch (java.io.IOException e) {
            throw new PortalStoreException("cannot make portal database " + file + " owner-only", e);
        }
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        s.execute(ddl);
                    }
                }
            }
        } catch (SQLException e) {
            throw new PortalStoreException("cannot open portal database " + file, e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, JsonProcessingException;
    }

    private synchronized <T> T tx(Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new PortalStoreException("portal database: " + e.getMessage(), e);
        }
    }

    /** Reads need no transaction: every use of the one connection is serialised by this object's lock. */
    private synchronized <T> T read(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException | JsonProcessingException e) {
            throw new PortalStoreException("portal database: " + e.getMessage(), e);
        }
    }

    // --- credentials -------------------------------------------------------------------------------------------

    /** Registers a kiosk (or replaces its credential) and returns its new bearer token; only the hash is kept. */
    public String registerKiosk(String kioskId) {
        String token = newToken();
        tx(() -> update("INSERT INTO kiosk VALUES (?, ?, 0, ?) ON CONFLICT(kiosk_id) DO UPDATE SET "
                + "token_hash = excluded.token_hash, revoked = 0", kioskId, hash(token), now().toString()));
        return token;
    }

    public boolean revokeKiosk(String kioskId) {
        return tx(() -> update("UPDATE kiosk SET revoked = 1 WHERE kiosk_id = ?", kioskId)) > 0;
    }

    public String createOperator(String name) {
        String token = newToken();
        tx(() -> update("INSERT OR REPLACE INTO operator VALUES (?, ?)", name, hash(token)));
        return token;
    }

    public boolean hasOperators() {
        return read(() -> queryLong("SELECT count(*) FROM operator") > 0);
    }

    /** The kiosk a token belongs to, if it is known and not revoked. */
    public Optional<String> kioskForToken(String token) {
        return read(() -> queryString("SELECT kiosk_id FROM kiosk WHERE token_hash = ? AND revoked = 0", hash(token)));
    }

    public Optional<String> operatorForToken(String token) {
        return read(() -> queryString("SELECT name FROM operator WHERE token_hash = ?", hash(token)));
    }

    // --- signing keys and catalogues ---------------------------------------------------------------------------

    public void trustKey(KeyFile key) {
        String text = writeJson(key.publicOnly());
        tx(() -> update("INSERT OR REPLACE INTO signing_key VALUES (?, ?)", key.keyId(), text));
    }

    public List<KeyFile> trustedKeys() {
        return read(() -> {
            List<KeyFile> keys = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT key_json FROM signing_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(json.readValue(rs.getString(1), KeyFile.class));
                }
            }
            return keys;
        });
    }

    /** Stores a version unless one at least as new exists; returns whether it was stored. */
    public boolean publish(long version, byte[] body, byte[] signature) {
        return tx(() -> {
            if (queryLong("SELECT coalesce(max(version), 0) FROM catalogue") >= version) {
                return false;
            }
            update("INSERT INTO catalogue VALUES (?, ?, ?, ?)", version, body, signature, now().toString());
            return true;
        });
    }

    public Optional<PublishedCatalogue> currentCatalogue() {
        return read(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT version, body, signature FROM catalogue ORDER BY version DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] body = rs.getBytes(2);
                byte[] sig = rs.getBytes(3);
                return Optional.of(new PublishedCatalogue(rs.getLong(1), body, sig, etag(body), etag(sig)));
            }
        });
    }

    /** A strong ETag: a SHA-256 prefix of the bytes, so any server holding the same file computes the same tag. */
    public static String etag(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(Ed25519Keys.sha256(bytes), 0, 16) + "\"";
    }

    // --- submissions and ratings ---------------------------------------------------------------------------------

    /**
     * Stores a submission exactly once per (kiosk, key). {@code immediate} items (即办) are decided at once: the
     * history shows received and completed at the same instant.
     */
    public Answer submit(String kioskId, String key, SubmissionRequest request, boolean immediate) {
        String requestHash = requestHash(request);
        return tx(() -> {
            Optional<Answer> earlier = replay(kioskId, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (queryString("SELECT receipt_number FROM submission WHERE receipt_number = ?",
                    request.receiptNumber()).isPresent()) {
                return new Answer.ReceiptTaken(request.receiptNumber());
            }
            OffsetDateTime now = now();
            SubmissionState state = immediate ? SubmissionState.COMPLETED : SubmissionState.RECEIVED;
            update("INSERT INTO submission VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", request.receiptNumber(), kioskId,
                    request.itemCode(), request.catalogueVersion(), request.submittedAt().toString(),
                    canonical.writeValueAsString(request.fields()), state.name(), now.toString(), now.toString(),
                    immediate ? 1 : 0);
            if (request.holderKey() != null) {
                update("INSERT INTO submission_holder VALUES (?, ?)", request.receiptNumber(), request.holderKey());
            }
            addEvent(request.receiptNumber(), SubmissionState.RECEIVED, now, null);
            if (immediate) {
                addEvent(request.receiptNumber(), SubmissionState.COMPLETED, now, "即办件，当场办结");
            }
            byte[] body = json.writeValueAsBytes(new SubmissionReceipt(request.receiptNumber(), state, now));
            remember(kioskId, key, requestHash, 201, body, now);
            return new Answer.Stored(201, body);
        });
    }

    public Answer rate(String kioskId, String key, RatingRequest request) {
        String requestHash = requestHash(request);
        return tx(() -> {
            Optional<Answer> earlier = replay(kioskId, key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            OffsetDateTime now = now();
            update("INSERT INTO rating (kiosk_id, item_code, receipt_number, score, comment, rated_at, received_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", kioskId, request.itemCode(), request.receiptNumber(),
                    request.score(), request.comment(), request.ratedAt().toString(), now.toString());
            long id = queryLong("SELECT last_insert_rowid()");
            for (RatingReason reason : request.reasons()) {
                update("INSERT INTO rating_reason VALUES (?, ?)", id, reason.name());
            }
            byte[] body = json.writeValueAsBytes(new RatingReceipt(id, now));
            remember(kioskId, key, requestHash, 201, body, now);
            return new Answer.Stored(201, body);
        });
    }

    /** The most recent ratings, newest first, with their reasons in the protocol's order. */
    public List<StoredRating> recentRatings(int limit) {
        return read(() -> {
            List<StoredRating> ratings = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT r.id, r.kiosk_id, r.item_code, r.receipt_number, "
                    + "r.score, r.comment, r.rated_at, group_concat(x.reason) FROM rating r "
                    + "LEFT JOIN rating_reason x ON x.rating_id = r.id GROUP BY r.id ORDER BY r.id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String reasons = rs.getString(8);
                        ratings.add(new StoredRating(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), reasons == null ? List.of()
                                : java.util.Arrays.stream(reasons.split(",")).map(RatingReason::valueOf).sorted()
                                        .toList(), rs.getString(6), OffsetDateTime.parse(rs.getString(7))));
                    }
                }
            }
            return ratings;
        });
    }

    public Optional<SubmissionStatus> status(String receiptNumber) {
        return read(() -> statusOf(receiptNumber));
    }

    /** The applications filed under a holder key, newest first. */
    public List<SubmissionStatus> submissionsByHolder(String holderKey, int limit) {
        return statuses("SELECT h.receipt_number FROM submission_holder h JOIN submission s "
                + "ON s.receipt_number = h.receipt_number WHERE h.holder_key = ? "
                + "ORDER BY s.received_at DESC, s.rowid DESC LIMIT ?", holderKey, limit);
    }

    /** The key kiosks hash ID numbers with ({@link HolderKey}); made once, on first use, and kept. */
    public HolderKey holderKey() {
        return tx(() -> {
            Optional<String> stored = queryString("SELECT value FROM setting WHERE name = 'holder_key'");
            if (stored.isPresent()) {
                return new HolderKey(stored.get());
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            update("INSERT INTO setting VALUES ('holder_key', ?)", key);
            return new HolderKey(key);
        });
    }

    /** The outcome of an operator moving a submission. */
    public sealed interface Advance {
        record Moved(SubmissionStatus status) implements Advance {}

        record NotFound() implements Advance {}

        record NotAllowed(SubmissionState from, SubmissionState to) implements Advance {}
    }

    public Advance advance(String receiptNumber, SubmissionState to, String note) {
        return tx(() -> {
            Optional<SubmissionStatus> current = statusOf(receiptNumber);
            if (current.isEmpty()) {
                return new Advance.NotFound();
            }
            boolean immediate = queryLong("SELECT immediate FROM submission WHERE receipt_number = ?",
                    receiptNumber) == 1;
            SubmissionState from = current.get().state();
            if (!from.next(immediate).contains(to)) {
                return new Advance.NotAllowed(from, to);
            }
            OffsetDateTime now = now();
            update("UPDATE submission SET state = ?, updated_at = ? WHERE receipt_number = ?", to.name(),
                    now.toString(), receiptNumber);
            addEvent(receiptNumber, to, now, note == null || note.isBlank() ? null : note.strip());
            return new Advance.Moved(statusOf(receiptNumber).orElseThrow());
        });
    }

    /** The most recent submissions, newest first, for the operator page (no personal fields). */
    public List<SubmissionStatus> recentSubmissions(int limit) {
        return statuses("SELECT receipt_number FROM submission ORDER BY received_at DESC, rowid DESC LIMIT ?", limit);
    }

    /** The status of each receipt number {@code sql} selects, in its order. */
    private List<SubmissionStatus> statuses(String sql, Object... args) {
        return read(() -> {
            List<String> receipts = new ArrayList<>();
            try (PreparedStatement ps = bind(sql, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    receipts.add(rs.getString(1));
                }
            }
            List<SubmissionStatus> result = new ArrayList<>();
            for (String r : receipts) {
                statusOf(r).ifPresent(result::add);
            }
            return result;
        });
    }

    public long count(String table) {
        if (!List.of("submission", "rating", "kiosk", "heartbeat", "eid_token").contains(table)) {
            throw new IllegalArgumentException("no table " + table);
        }
        return read(() -> queryLong("SELECT count(*) FROM " + table));
    }

    // --- test e-ID codes -------------------------------------------------------------------------------------------

    /** What a scanned e-ID code turned out to be. */
    public sealed interface EidOutcome {
        record Verified(EidIdentity identity) implements EidOutcome {}

        record Unknown() implements EidOutcome {}

        record Expired() implements EidOutcome {}

        record Used() implements EidOutcome {}
    }

    /**
     * Issues a one-time test e-ID code for {@code identity}, valid for {@code validFor}: shaped like a provincial
     * e-ID token ({@code EID:} and 64 URL-safe base64 characters). Only its hash is stored.
     */
    public EidTestToken issueEid(EidIdentity identity, java.time.Duration validFor) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = "EID:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(validFor);
        String text = writeJson(identity);
        tx(() -> update("INSERT INTO eid_token (token_hash, identity_json, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                hash(token), text, now.toString(), expires.toString()));
        return new EidTestToken(token, expires);
    }

    /** Verifies a code once: the first verification before it expires uses it up. */
    public EidOutcome verifyEid(String token, String kioskId) {
        return tx(() -> {
            String hash = hash(token);
            try (PreparedStatement ps = bind("SELECT identity_json, expires_at, used_at FROM eid_token "
                    + "WHERE token_hash = ?", hash); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new EidOutcome.Unknown();
                }
                if (rs.getString(3) != null) {
                    return new EidOutcome.Used();
                }
                OffsetDateTime now = now();
                if (!now.isBefore(OffsetDateTime.parse(rs.getString(2)))) {
                    return new EidOutcome.Expired();
                }
                EidIdentity identity = json.readValue(rs.getString(1), EidIdentity.class);
                update("UPDATE eid_token SET used_at = ?, used_by = ? WHERE token_hash = ?", now.toString(), kioskId,
                        hash);
                return new EidOutcome.Verified(identity);
            }
        });
    }

    // --- heartbeats --------------------------------------------------------------------------------------------

    public void heartbeat(Heartbeat heartbeat) {
        String text = writeJson(heartbeat);
        tx(() -> update("INSERT OR REPLACE INTO heartbeat VALUES (?, ?, ?)", heartbeat.kioskId(), now().toString(),
                text));
    }

    public List<KioskSummary> kiosks() {
        return read(() -> {
            List<KioskSummary> kiosks = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT k.kiosk_id, k.revoked, h.received_at, h.body "
                    + "FROM kiosk k LEFT JOIN heartbeat h ON h.kiosk_id = k.kiosk_id ORDER BY k.kiosk_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String at = rs.getString(3);
                    kiosks.add(new KioskSummary(rs.getString(1), rs.getInt(2) == 1,
                            at == null ? null : OffsetDateTime.parse(at),
                            at == null ? null : json.readValue(rs.getString(4), Heartbeat.class)));
                }
            }
            return kiosks;
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new PortalStoreException("cannot close portal database", e);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Optional<Answer> replay(String kioskId, String key, String requestHash) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT request_hash, status, response FROM idempotency WHERE kiosk_id = ? AND idem_key = ?")) {
            ps.setString(1, kioskId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getString(1).equals(requestHash)
                        ? new Answer.Replayed(rs.getInt(2), rs.getBytes(3)) : new Answer.KeyReused());
            }
        }
    }

    private void remember(String kioskId, String key, String requestHash, int status, byte[] body,
                          OffsetDateTime now) throws SQLException {
        update("INSERT INTO idempotency VALUES (?, ?, ?, ?, ?, ?)", kioskId, key, requestHash, status, body,
                now.toString());
    }

    private void addEvent(String receipt, SubmissionState state, OffsetDateTime at, String note) throws SQLException {
        long seq = queryLong("SELECT coalesce(max(seq), 0) + 1 FROM submission_event WHERE receipt_number = ?",
                receipt);
        update("INSERT INTO submission_event VALUES (?, ?, ?, ?, ?)", receipt, seq, state.name(), at.toString(), note);
    }

    private Optional<SubmissionStatus> statusOf(String receipt) throws SQLException {
        String item;
        SubmissionState state;
        OffsetDateTime updated;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT item_code, state, updated_at FROM submission WHERE receipt_number = ?")) {
            ps.setString(1, receipt);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                item = rs.getString(1);
                state = SubmissionState.valueOf(rs.getString(2));
                updated = OffsetDateTime.parse(rs.getString(3));
            }
        }
        List<SubmissionStatus.StatusChange> history = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT state, at, note FROM submission_event WHERE receipt_number = ? ORDER BY seq")) {
            ps.setString(1, receipt);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new SubmissionStatus.StatusChange(SubmissionState.valueOf(rs.getString(1)),
                            OffsetDateTime.parse(rs.getString(2)), rs.getString(3)));
                }
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

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(sql, args)) {
            return ps.executeUpdate();
        }
    }

    private long queryLong(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private Optional<String> queryString(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
