package org.bianmin.cache.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.bianmin.cache.crypto.CryptoException;
import org.bianmin.cache.crypto.PayloadCipher;
import org.bianmin.cache.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submissions and ratings waiting to reach the portal, durably stored before the citizen sees a receipt.
 *
 * <p>{@link #enqueue} writes the submission (personal payload sealed with AES-256-GCM) and its outbox row in one
 * transaction, committed with {@code synchronous=FULL}: once it returns, the receipt is valid across a crash or
 * power loss. Delivery is peek–send–acknowledge ({@link #claimNextDue}, then {@link Delivery#send}, then
 * {@link #acknowledge}); a crash anywhere in between leaves the entry to be sent again with the same idempotency
 * key ({@link #releaseInterrupted} at start). After delivery and the retention period the personal payload is
 * purged; the non-personal delivery record (receipt, item, times, state) stays.
 *
 * <p>Scheduling is per entry: a transient failure puts only that entry back with its own backoff (attempt count
 * and next attempt time are stored in its row, so they survive a restart), and entries behind it are still
 * claimed. Order is kept only where it is declared ({@link NewSubmission#after()}: a rating waits until the
 * application it rates is delivered); unrelated entries are claimed oldest first but never wait for each other.
 */
public final class Outbox {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String ENTRY_COLUMNS = "s.id, o.idempotency_key, s.receipt_no, s.kind, s.item_code, "
            + "s.created_ms, o.state, o.attempts, o.next_attempt_ms, o.last_error, o.blocked_reason, o.delivered_ms, "
            + "s.payload IS NULL, o.depends_on";

    private final Database db;
    private final PayloadCipher cipher;
    private final String kioskId;
    private final ZoneId zone;
    private final Clock clock;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final Duration retention;

    /**
     * @param kioskId   receipt prefix ({@code [A-Z0-9-]{4,32}})
     * @param zone      the hall's time zone: the receipt date is the local date
     * @param random    jitter for the backoff
     * @param retention how long a delivered submission's personal payload is kept
     */
    public Outbox(Database db, PayloadCipher cipher, String kioskId, ZoneId zone, Clock clock, Backoff backoff,
                  RandomGenerator random, Duration retention) {
        this.db = db;
        this.cipher = cipher;
        this.kioskId = kioskId;
        this.zone = zone;
        this.clock = clock;
        this.backoff = backoff;
        this.random = random;
        this.retention = retention;
    }

    /** Stores the submission and its outbox row in one transaction; returns only once they are durable. */
    public Accepted enqueue(NewSubmission submission) {
        UUID key = UUID.randomUUID();
        PayloadCipher.Sealed sealed = cipher.seal(submission.personalPayload(), key.toString());
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        return db.write(c -> {
            long sequence = nextSequence(c, day);
            String receipt = ReceiptNumber.format(kioskId, day, sequence);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO submission "
                    + "(kind, receipt_no, item_code, created_ms, key_id, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, submission.kind().name());
                ps.setString(2, receipt);
                ps.setString(3, submission.itemCode());
                ps.setLong(4, now.toEpochMilli());
                ps.setInt(5, sealed.keyId());
                ps.setBytes(6, sealed.blob());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (submission_id, idempotency_key, "
                    + "state, next_attempt_ms, depends_on) VALUES (?, ?, 'PENDING', ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, key.toString());
                ps.setLong(3, now.toEpochMilli());
                if (submission.after().isPresent()) {
                    ps.setLong(4, submission.after().getAsLong());
                } else {
                    ps.setNull(4, Types.INTEGER);
                }
                ps.executeUpdate();
            }
            return new Accepted(id, key, receipt);
        });
    }

    private long nextSequence(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipt_sequence VALUES (?, ?, 1) "
                + "ON CONFLICT (kiosk_id, day) DO UPDATE SET last = last + 1 RETURNING last")) {
            ps.setString(1, kioskId);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Entries left in SENDING by a process that died mid-send become PENDING and due now. Call once at start,
     * before the one dispatcher of this database runs.
     */
    public int releaseInterrupted() {
        long now = clock.millis();
        int released = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = 'PENDING', next_attempt_ms = ? WHERE state = 'SENDING'")) {
                ps.setLong(1, now);
                return ps.executeUpdate();
            }
        });
        if (released > 0) {
            LOG.warn("{} outbox entries were interrupted mid-send; they will be sent again with the same key", released);
        }
        return released;
    }

    /**
     * Peek: marks the oldest due entry SENDING (counting the attempt) and returns it decrypted. An entry waiting
     * for its retry holds back only the entries that depend on it; the others are claimed past it.
     */
    public Optional<Outgoing> claimNextDue() {
        return claimNextDue(clock.instant());
    }

    /**
     * As {@link #claimNextDue()}, for entries due by {@code dueBy} (a dispatcher pass fixes it at its start, so an
     * entry that failed in this pass, rescheduled after it, is not claimed again in the same pass). An entry whose
     * payload cannot be decrypted (key missing, ciphertext altered) is blocked with the reason, for an operator,
     * and the next one is claimed.
     */
    public Optional<Outgoing> claimNextDue(Instant dueBy) {
        long now = dueBy.toEpochMilli();
        while (true) {
            Optional<OutboxEntry> claimed = db.write(c -> {
                Optional<OutboxEntry> due = select(c, " WHERE o.state = 'PENDING' AND o.next_attempt_ms <= ?"
                        + " AND (o.depends_on IS NULL OR EXISTS (SELECT 1 FROM outbox d"
                        + " WHERE d.submission_id = o.depends_on AND d.state = 'DELIVERED')) ORDER BY s.id LIMIT 1", now)
                        .stream().findFirst();
                if (due.isPresent()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1 WHERE submission_id = ?")) {
                        ps.setLong(1, due.get().id());
                        ps.executeUpdate();
                    }
                }
                return due;
            });
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            OutboxEntry e = claimed.get();
            try {
                return Optional.of(new Outgoing(e.id(), e.idempotencyKey(), e.receiptNumber(), e.kind(), e.itemCode(),
                        e.createdAt(), e.attempts() + 1, payload(e.id(), e.idempotencyKey())));
            } catch (CryptoException unreadable) {
                LOG.error("outbox entry {} (receipt {}) blocked: {}", e.id(), e.receiptNumber(), unreadable.getMessage());
                block(e.id(), "payload cannot be decrypted: " + unreadable.getMessage());
            }
        }
    }

    private void block(long id, String reason) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'BLOCKED', last_error = ?, "
                    + "blocked_reason = ? WHERE submission_id = ?")) {
                ps.setString(1, reason);
                ps.setString(2, reason);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    private byte[] payload(long id, UUID key) {
        record Stored(int keyId, byte[] blob) {}
        Stored stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id, payload FROM submission WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Stored(rs.getInt(1), rs.getBytes(2));
                }
            }
        });
        return cipher.open(stored.keyId(), stored.blob(), key.toString());
    }

    /** Acknowledge: records the receiver's answer for an entry returned by {@link #claimNextDue}. */
    public void acknowledge(Outgoing sent, DeliveryResult result) {
        long now = clock.millis();
        db.write(c -> {
            String sql = switch (result) {
                case DeliveryResult.Delivered d ->
                        "UPDATE outbox SET state = 'DELIVERED', delivered_ms = ?, last_error = NULL "
                                + "WHERE submission_id = ? AND state <> 'DELIVERED'";
                case DeliveryResult.TransientFailure f ->
                        "UPDATE outbox SET state = 'PENDING', next_attempt_ms = ?, last_error = ? "
                                + "WHERE submission_id = ? AND state = 'SENDING'";
                case DeliveryResult.PermanentFailure p ->
                        "UPDATE outbox SET state = 'BLOCKED', next_attempt_ms = ?, last_error = ?, blocked_reason = ? "
                                + "WHERE submission_id = ? AND state = 'SENDING'";
            };
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                switch (result) {
                    case DeliveryResult.Delivered d -> {
                        ps.setLong(1, now);
                        ps.setLong(2, sent.id());
                    }
                    case DeliveryResult.TransientFailure f -> {
                        ps.setLong(1, now + backoff.delay(sent.attempt(), random).toMillis());
                        ps.setString(2, f.error());
                        ps.setLong(3, sent.id());
                    }
                    case DeliveryResult.PermanentFailure p -> {
                        ps.setLong(1, now);
                        ps.setString(2, p.reason());
                        ps.setString(3, p.reason());
                        ps.setLong(4, sent.id());
                    }
                }
                return ps.executeUpdate();
            }
        });
        if (result instanceof DeliveryResult.PermanentFailure) {
            LOG.warn("outbox entry {} (receipt {}) blocked after a permanent failure", sent.id(), sent.receiptNumber());
        }
    }

    /** Operator command: a blocked or waiting entry becomes pending and due now. */
    public RetryResult retry(long id) {
        long now = clock.millis();
        return db.write(c -> {
            List<OutboxEntry> found = select(c, " WHERE s.id = ?", id);
            if (found.isEmpty()) {
                return new RetryResult.NotFound(id);
            }
            DeliveryState was = found.getFirst().state();
            if (was == DeliveryState.DELIVERED) {
                return new RetryResult.AlreadyDelivered(id);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'PENDING', "
                    + "next_attempt_ms = ?, blocked_reason = NULL WHERE submission_id = ?")) {
                ps.setLong(1, now);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return new RetryResult.Scheduled(id, was);
        });
    }

    /**
     * Erases the personal payload of entries delivered longer than the retention ago (secure_delete overwrites
     * the freed bytes). Returns how many were purged.
     */
    public int purgeExpired() {
        long cutoff = clock.instant().minus(retention).toEpochMilli();
        long now = clock.millis();
        int purged = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE submission SET payload = NULL, key_id = NULL, "
                    + "purged_ms = ? WHERE payload IS NOT NULL AND id IN (SELECT submission_id FROM outbox "
                    + "WHERE state = 'DELIVERED' AND delivered_ms <= ?)")) {
                ps.setLong(1, now);
                ps.setLong(2, cutoff);
                return ps.executeUpdate();
            }
        });
        if (purged > 0) {
            LOG.info("personal payload of {} delivered submissions purged after {}", purged, retention);
        }
        return purged;
    }

    /** Result of {@link #rotateKey}. */
    public record KeyRotation(int newKeyId, int resealed, SortedSet<Integer> retired) {}

    /**
     * Makes a new payload key current, re-seals every stored payload with it (one transaction), then retires
     * the keys no payload uses any more. A crash in between leaves old keys in the store, never an unreadable row.
     */
    public KeyRotation rotateKey() {
        int newKey = cipher.vault().rotate();
        record Row(long id, String key, int keyId, byte[] blob) {}
        int resealed = db.write(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, o.idempotency_key, s.key_id, s.payload "
                    + "FROM submission s JOIN outbox o ON o.submission_id = s.id "
                    + "WHERE s.payload IS NOT NULL AND s.key_id <> ?")) {
                ps.setInt(1, newKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBytes(4)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE submission SET key_id = ?, payload = ? WHERE id = ?")) {
                for (Row row : rows) {
                    PayloadCipher.Sealed sealed = cipher.seal(cipher.open(row.keyId(), row.blob(), row.key()), row.key());
                    ps.setInt(1, sealed.keyId());
                    ps.setBytes(2, sealed.blob());
                    ps.setLong(3, row.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        });
        SortedSet<Integer> retired = cipher.vault().keyIds().headSet(newKey);
        retired.forEach(cipher.vault()::retire);
        LOG.info("payload key rotated to {}: {} payloads re-sealed, keys {} retired", newKey, resealed, retired);
        return new KeyRotation(newKey, resealed, retired);
    }

    public Map<DeliveryState, Long> status() {
        return db.read(c -> {
            Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
            for (DeliveryState s : DeliveryState.values()) {
                counts.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM outbox GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(DeliveryState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** The newest entries first (all states). */
    public List<OutboxEntry> list(int limit) {
        return db.read(c -> select(c, " ORDER BY s.id DESC LIMIT ?", limit));
    }

    /** Blocked entries, oldest first: they wait for an operator however many newer entries there are. */
    public List<OutboxEntry> blocked(int limit) {
        return db.read(c -> select(c, " WHERE o.state = 'BLOCKED' ORDER BY s.id LIMIT ?", limit));
    }

    /**
     * Entries not yet delivered (pending, sending or blocked), newest first, whose decrypted payload {@code matches}
     * — e.g. one citizen's applications still waiting here. Payloads that cannot be decrypted never match.
     */
    public List<OutboxEntry> undelivered(java.util.function.Predicate<byte[]> matches) {
        List<OutboxEntry> waiting = db.read(c -> select(c, " WHERE o.state <> 'DELIVERED' AND s.payload IS NOT NULL"
                + " AND s.id > ? ORDER BY s.id DESC", 0));
        List<OutboxEntry> matching = new ArrayList<>();
        for (OutboxEntry e : waiting) {
            try {
                byte[] payload = payload(e.id(), e.idempotencyKey());
                if (matches.test(payload)) {
                    matching.add(e);
                }
                java.util.Arrays.fill(payload, (byte) 0);
            } catch (CryptoException unreadable) {
                // blocked for an operator when its turn comes; it matches nobody here
            }
        }
        return matching;
    }

    public Optional<OutboxEntry> entry(long id) {
        return db.read(c -> select(c, " WHERE s.id = ?", id)).stream().findFirst();
    }

    /**
     * The entry of a receipt number made here, in any state (one indexed lookup: {@code receipt_no} is UNIQUE),
     * or empty when this kiosk never made that number.
     */
    public Optional<OutboxEntry> entry(String receiptNumber) {
        return db.read(c -> select(c, " WHERE s.receipt_no = ?", receiptNumber)).stream().findFirst();
    }

    /** {@code arg} binds the one parameter of {@code where}: a {@code long} or a {@code String}. */
    private static List<OutboxEntry> select(Connection c, String where, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM submission s JOIN outbox o ON o.submission_id = s.id" + where)) {
            ps.setObject(1, arg);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new OutboxEntry(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3),
                            SubmissionKind.valueOf(rs.getString(4)), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)), DeliveryState.valueOf(rs.getString(7)), rs.getInt(8),
                            Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10), rs.getString(11),
                            instantOrNull(rs, 12), rs.getBoolean(13), longOrEmpty(rs, 14)));
                }
            }
            return entries;
        }
    }

    private static OptionalLong longOrEmpty(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
