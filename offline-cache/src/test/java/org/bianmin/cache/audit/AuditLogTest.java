package org.bianmin.cache.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.bianmin.cache.MutableClock;
import org.bianmin.cache.db.Database;
import org.bianmin.cache.db.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private Database db;
    private AuditLog log;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"), clock, a -> {});
        log = new AuditLog(db, clock, dir.resolve("audit.head"));
        for (int i = 1; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            log.append(i % 2 == 0 ? Actor.citizenSession("s-" + i) : Actor.operator("op1"), "SUBMISSION_ACCEPTED",
                    Outcome.SUCCESS, "receipt GL-0001-20261121-000" + i);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void sql(String... statements) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS audit_no_update");
                s.execute("DROP TRIGGER IF EXISTS audit_no_delete");
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            return null;
        });
    }

    @Test
    void anUntouchedLogVerifiesAndTailsInOrder() {
        VerifyResult result = log.verify();
        assertThat(result).isInstanceOf(VerifyResult.Intact.class);
        assertThat(((VerifyResult.Intact) result).records()).isEqualTo(10);
        assertThat(((VerifyResult.Intact) result).headHash()).isEqualTo(log.tail(1).getFirst().hash());
        assertThat(log.tail(3)).extracting(AuditRecord::seq).containsExactly(8L, 9L, 10L);
        assertThat(log.tail(3).get(1).actor()).isEqualTo(Actor.operator("op1"));
        assertThat(log.tail(1).getFirst().prevHash()).isEqualTo(log.tail(2).getFirst().hash());
    }

    @Test
    void theDatabaseRefusesEditsAndDeletes() {
        assertThatThrownBy(() -> db.write(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE audit SET outcome = 'FAILURE' WHERE seq = 3");
            }
        })).isInstanceOf(StorageException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.write(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM audit WHERE seq = 3");
            }
        })).isInstanceOf(StorageException.class).hasMessageContaining("append-only");
    }

    @Test
    void anEditedRecordIsDetected() {
        sql("UPDATE audit SET outcome = 'FAILURE' WHERE seq = 5");
        assertThat(log.verify()).isEqualTo(new VerifyResult.Broken(5, VerifyResult.Problem.ALTERED,
                "record 5 was altered: its fields no longer match its hash"));
    }

    @Test
    void aDeletedRecordIsDetected() {
        sql("DELETE FROM audit WHERE seq = 5");
        assertThat(log.verify()).extracting(r -> ((VerifyResult.Broken) r).seq(), r -> ((VerifyResult.Broken) r).problem())
                .containsExactly(5L, VerifyResult.Problem.MISSING);
    }

    @Test
    void swappedRecordsAreDetected() {
        sql("UPDATE audit SET seq = -4 WHERE seq = 4", "UPDATE audit SET seq = 4 WHERE seq = 6",
                "UPDATE audit SET seq = 6 WHERE seq = -4");
        assertThat(log.verify()).extracting(r -> ((VerifyResult.Broken) r).seq(), r -> ((VerifyResult.Broken) r).problem())
                .containsExactly(4L, VerifyResult.Problem.UNLINKED);
    }

    @Test
    void deletingTheNewestRecordsIsDetectedThroughTheAnchor() {
        sql("DELETE FROM audit WHERE seq >= 9");
        assertThat(log.verify()).extracting(r -> ((VerifyResult.Broken) r).seq(), r -> ((VerifyResult.Broken) r).problem())
                .containsExactly(9L, VerifyResult.Problem.TRUNCATED);
    }

    @Test
    void aConsistentlyReChainedForgeryDiffersFromTheAnchor() {
        sql("UPDATE audit SET outcome = 'DENIED' WHERE seq = 7");
        // The forger recomputes every hash from record 7 on, as anyone can with an unkeyed chain.
        db.write(c -> {
            String prev;
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit WHERE seq = 6");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                prev = java.util.HexFormat.of().formatHex(rs.getBytes(1));
            }
            for (long seq = 7; seq <= 10; seq++) {
                AuditRecord r;
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor_kind, actor_id, event, outcome, "
                        + "detail, prev_hash, hash FROM audit WHERE seq = ?")) {
                    ps.setLong(1, seq);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        r = new AuditRecord(seq, Instant.parse(rs.getString(2)),
                                new Actor(Actor.Kind.valueOf(rs.getString(3)), rs.getString(4)), rs.getString(5),
                                Outcome.valueOf(rs.getString(6)), rs.getString(7), null, null);
                    }
                }
                String hash = AuditLog.hash(prev, seq, r.at(), r.actor(), r.event(), r.outcome(), r.detail());
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                    ps.setBytes(1, java.util.HexFormat.of().parseHex(prev));
                    ps.setBytes(2, java.util.HexFormat.of().parseHex(hash));
                    ps.setLong(3, seq);
                    ps.executeUpdate();
                }
                prev = hash;
            }
            return null;
        });
        assertThat(log.verify()).extracting(r -> ((VerifyResult.Broken) r).seq(), r -> ((VerifyResult.Broken) r).problem())
                .containsExactly(10L, VerifyResult.Problem.UNLINKED);
    }

    @Test
    void theChainContinuesAcrossRestarts() {
        db.close();
        db = Database.open(dir.resolve("kiosk.db"), clock, a -> {});
        log = new AuditLog(db, clock, dir.resolve("audit.head"));
        log.append(Actor.SYSTEM, "KIOSK_STARTED", Outcome.SUCCESS, "");
        assertThat(log.verify()).isInstanceOf(VerifyResult.Intact.class);
        assertThat(log.tail(1).getFirst().seq()).isEqualTo(11);
    }
}
