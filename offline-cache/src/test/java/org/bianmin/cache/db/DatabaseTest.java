package org.bianmin.cache.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC);
    private final List<StorageAlert> raised = new ArrayList<>();

    private Database open() {
        return Database.open(dir.resolve("kiosk.db"), clock, raised::add);
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void newDatabaseIsMigratedDurableAndUsesWal() {
        try (Database db = open()) {
            assertThat(db.schemaVersion()).isEqualTo(Schema.MIGRATIONS.getLast().version());
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(db, "busy_timeout")).isEqualTo(String.valueOf(Database.BUSY_TIMEOUT_MS));
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(db.alerts()).isEmpty();
        }
        try (Database again = open()) {
            assertThat(again.schemaVersion()).isEqualTo(Schema.MIGRATIONS.getLast().version());
        }
        assertThat(raised).isEmpty();
    }

    @Test
    void aSecondConnectionCanOpenReadAndWriteWhileTheKioskHoldsTheDatabase() {
        // kioskctl on a running kiosk: between transactions the kiosk holds no lock and pins no snapshot.
        try (Database kiosk = open()) {
            insert(kiosk, "K1");
            assertThat(count(kiosk)).isEqualTo(1);
            try (Database ctl = open()) {
                assertThat(count(ctl)).isEqualTo(1);
                insert(ctl, "K2");
            }
            assertThat(count(kiosk)).as("the kiosk sees what the other connection wrote").isEqualTo(2);
        }
    }

    @Test
    void theDatabaseAndItsWalAndShmAreOwnerOnlyAlsoWhenAnOlderVersionLeftThemReadable() throws Exception {
        try (Database db = open()) {
            insert(db, "K1");
            for (String file : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")) {
                assertThat(mode(dir.resolve(file))).as(file + ", whatever the umask").isEqualTo("rw-------");
            }
        }
        for (String file : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")) {
            if (Files.exists(dir.resolve(file))) {
                Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        try (Database db = open()) {
            insert(db, "K2");
            for (String file : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")) {
                assertThat(mode(dir.resolve(file))).as(file + " after an upgrade").isEqualTo("rw-------");
            }
        }
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static void insert(Database db, String kiosk) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO receipt_sequence VALUES ('" + kiosk + "', '20261121', 1)");
            }
            return null;
        });
    }

    private static int count(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM receipt_sequence")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Database db = open()) {
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO receipt_sequence VALUES ('K', '20261121', 1)");
                }
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            int rows = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM receipt_sequence")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isZero();
        }
    }

    @Test
    void garbageIsMovedAsideIntactAndAnAlertRaised() throws Exception {
        byte[] garbage = "this is not a database, but somebody's evidence".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("kiosk.db"), garbage);
        try (Database db = open()) {
            assertThat(db.schemaVersion()).isEqualTo(Schema.MIGRATIONS.getLast().version());
            assertThat(db.alerts()).hasSize(1);
            var alert = (StorageAlert.DatabaseQuarantined) db.alerts().getFirst();
            assertThat(raised).containsExactly(alert);
            assertThat(alert.at()).isEqualTo(clock.instant());
            assertThat(Files.readAllBytes(alert.movedTo())).isEqualTo(garbage);
            assertThat(alert.movedTo().getParent().getParent()).isEqualTo(dir.resolve("quarantine"));
            assertThat(mode(alert.movedTo())).as("it may hold personal data").isEqualTo("rw-------");
            assertThat(mode(alert.movedTo().getParent())).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("quarantine"))).isEqualTo("rwx------");
        }
    }

    @Test
    void aDamagedPageIsDetectedAtOpen() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (Database db = open()) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    for (int i = 0; i < 500; i++) {
                        s.execute("INSERT INTO receipt_sequence VALUES ('K" + i + "', '20261121', " + i + ")");
                    }
                }
                return null;
            });
        }
        // Closing the last connection checkpoints the WAL into the main file.
        assertThat(dir.resolve("kiosk.db-wal")).doesNotExist();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096 + 100; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        try (Database db = open()) {
            assertThat(db.alerts()).singleElement().isInstanceOf(StorageAlert.DatabaseQuarantined.class);
            var alert = (StorageAlert.DatabaseQuarantined) db.alerts().getFirst();
            assertThat(Files.readAllBytes(alert.movedTo())).isEqualTo(bytes);
        }
    }

    @Test
    void aNewerSchemaIsRefusedNotQuarantined() {
        try (Database db = open()) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA user_version = 999");
                }
                return null;
            });
        }
        assertThatThrownBy(this::open).isInstanceOf(StorageException.class).hasMessageContaining("newer");
        assertThat(raised).isEmpty();
        assertThat(dir.resolve("quarantine")).doesNotExist();
    }
}
