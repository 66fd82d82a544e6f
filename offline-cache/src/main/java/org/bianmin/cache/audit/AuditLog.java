package org.bianmin.cache.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bianmin.cache.db.Database;
import org.bianmin.cache.db.StorageException;
import org.bianmin.protocol.files.OwnerOnly;

/**
 * Append-only, hash-chained audit log in the kiosk database.
 *
 * <p>Record n stores {@code hash(n) = SHA-256(hash(n-1) ‖ field…)} where every field (sequence number, time,
 * actor kind and id, event, outcome, detail) is written as a 4-byte length and its UTF-8 bytes; record 1 chains to
 * 32 zero bytes. Editing a record breaks its hash, deleting one leaves a sequence gap, reordering breaks the links.
 * Deleting records at the end leaves no gap, so after each append the head (last sequence number and hash) is
 * also written to an anchor file beside the database; verify reports a log shorter than its anchor.
 *
 * <p>Limits: the chain is unkeyed, so someone able to rewrite both the database and the anchor file can forge a
 * consistent log from the edited record on. {@link VerifyResult.Intact#headHash()} is the value to compare with a
 * copy kept elsewhere (printed by {@code kioskctl audit verify}; the portal sync can carry it).
 */
public final class AuditLog {

    private static final HexFormat HEX = HexFormat.of();
    private static final String GENESIS = HEX.formatHex(new byte[32]);
    private static final String COLUMNS = "seq, at, actor_kind, actor_id, event, outcome, detail, prev_hash, hash";

    private final Database db;
    private final Clock clock;
    private final Path anchor;

    public AuditLog(Database db, Clock clock, Path anchor) {
        this.db = db;
        this.clock = clock;
        this.anchor = anchor;
    }

    public synchronized AuditRecord append(Actor actor, String event, Outcome outcome, String detail) {
        Instant at = clock.instant();
        AuditRecord record = db.write(c -> {
            long seq = 1;
            String prev = GENESIS;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = HEX.formatHex(rs.getBytes(2));
                }
            }
            String text = detail == null ? "" : detail;
            String hash = hash(prev, seq, at, actor, event, outcome, text);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, at.toString());
                ps.setString(3, actor.kind().name());
                ps.setString(4, actor.id());
                ps.setString(5, event);
                ps.setString(6, outcome.name());
                ps.setString(7, text);
                ps.setBytes(8, HEX.parseHex(prev));
                ps.setBytes(9, HEX.parseHex(hash));
                ps.executeUpdate();
            }
            return new AuditRecord(seq, at, actor, event, outcome, text, prev, hash);
        });
        writeAnchor(record.seq(), record.hash());
        return record;
    }

    /** Walks the whole chain; returns the first problem, or the head when all is intact. */
    public VerifyResult verify() {
        return db.read(c -> {
            long expected = 1;
            String prev = GENESIS;
            String lastHash = GENESIS;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord r = record(rs);
                    if (r.seq() != expected) {
                        return new VerifyResult.Broken(expected, VerifyResult.Problem.MISSING,
                                "record " + expected + " is missing (next present is " + r.seq() + ")");
                    }
                    if (!r.prevHash().equals(prev)) {
                        return new VerifyResult.Broken(r.seq(), VerifyResult.Problem.UNLINKED, "record " + r.seq()
                                + " does not link to record " + (r.seq() - 1) + ": reordered, replaced or re-chained");
                    }
                    String recomputed = hash(prev, r.seq(), r.at(), r.actor(), r.event(), r.outcome(), r.detail());
                    if (!recomputed.equals(r.hash())) {
                        return new VerifyResult.Broken(r.seq(), VerifyResult.Problem.ALTERED,
                                "record " + r.seq() + " was altered: its fields no longer match its hash");
                    }
                    prev = r.hash();
                    lastHash = r.hash();
                    expected++;
                }
            }
            long records = expected - 1;
            Anchor a = readAnchor();
            if (a != null && a.seq() > records) {
                return new VerifyResult.Broken(records + 1, VerifyResult.Problem.TRUNCATED, "the anchor vouches for "
                        + a.seq() + " records but only " + records + " remain: records at the end were deleted");
            }
            if (a != null && !a.hash().equals(hashAt(c, a.seq()))) {
                return new VerifyResult.Broken(a.seq(), VerifyResult.Problem.UNLINKED,
                        "record " + a.seq() + " differs from the anchored head: the log was rewritten");
            }
            return new VerifyResult.Intact(records, lastHash);
        });
    }

    /** The last {@code count} records, oldest first. */
    public List<AuditRecord> tail(int count) {
        return db.read(c -> {
            List<AuditRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (SELECT " + COLUMNS
                    + " FROM audit ORDER BY seq DESC LIMIT ?) ORDER BY seq")) {
                ps.setInt(1, count);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(record(rs));
                    }
                }
            }
            return out;
        });
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), Instant.parse(rs.getString(2)),
                new Actor(Actor.Kind.valueOf(rs.getString(3)), rs.getString(4)), rs.getString(5),
                Outcome.valueOf(rs.getString(6)), rs.getString(7), HEX.formatHex(rs.getBytes(8)),
                HEX.formatHex(rs.getBytes(9)));
    }

    private static String hashAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? HEX.formatHex(rs.getBytes(1)) : null;
            }
        }
    }

    static String hash(String prev, long seq, Instant at, Actor actor, String event, Outcome outcome, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HEX.parseHex(prev));
            for (String field : List.of(Long.toString(seq), at.toString(), actor.kind().name(), actor.id(), event,
                    outcome.name(), detail)) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HEX.formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    private record Anchor(long seq, String hash) {}

    private Anchor readAnchor() {
        try {
            if (!Files.exists(anchor)) {
                return null;
            }
            String[] parts = Files.readString(anchor, StandardCharsets.US_ASCII).strip().split(" ");
            return new Anchor(Long.parseLong(parts[0]), parts[1]);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("audit anchor " + anchor + " is unreadable", e);
        }
    }

    private void writeAnchor(long seq, String hash) {
        try {
            OwnerOnly.write(anchor, (seq + " " + hash + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StorageException("cannot write the audit anchor " + anchor, e);
        }
    }
}
