package org.bianmin.portal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's behaviour on SQLite, plus what only SQLite has: files from before migrations. */
class SqlitePortalStoreTest extends PortalStoreContract {

    @TempDir
    Path dir;

    @Override
    PortalDatabase database() {
        return new PortalDatabase.Sqlite(dir.resolve("portal.db"));
    }

    @Override
    PortalStore reopen() {
        return database().open(CLOCK);
    }

    @Test
    void aDatabaseFromBeforeMigrationsIsBaselinedAndKeepsItsData() throws Exception {
        store.close();
        Path old = dir.resolve("old.db");
        // What the store's CREATE TABLE IF NOT EXISTS script made before Flyway: migration 1, without Flyway's table.
        String script;
        try (var in = PortalStore.class.getResourceAsStream("/db/migration/sqlite/V1__portal_schema.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            for (String statement : script.split(";")) {
                if (!statement.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                    s.execute(statement);
                }
            }
            s.execute("INSERT INTO kiosk VALUES ('kiosk-old', 'hash', 0, '2026-01-01T00:00:00+08:00')");
            s.execute("INSERT INTO heartbeat VALUES ('kiosk-old', '2026-11-21T09:59:30+08:00', '"
                    + CatalogueReader.mapper().writeValueAsString(heartbeat("kiosk-old", 3)) + "')");
        }
        store = new PortalDatabase.Sqlite(old).open(CLOCK);
        assertThat(store.count("kiosk")).isEqualTo(1);
        // Migration 2 gave the old heartbeat its arrival time: 30 s before the clock's 10:00 (+08:00).
        assertThat(store.heartbeatAges(CLOCK.instant(), List.of(Duration.ofSeconds(30))))
                .isEqualTo(new PortalStore.HeartbeatAges(List.of(1L), 1, 30.0));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT version, type FROM flyway_schema_history")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getString(2)).isEqualTo("BASELINE");
        }
    }
}
