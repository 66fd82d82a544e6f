package org.bianmin.cache.db;

import java.util.List;

/**
 * Every migration of the kiosk database, oldest first. Times that are compared in SQL are epoch milliseconds
 * ({@code _ms}); times only shown are ISO-8601 text. Released migrations are never edited: a change is a new
 * migration with the next version number.
 */
public final class Schema {

    private Schema() {}

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "catalogue versions", List.of(
                    """
                    CREATE TABLE catalogue_version (
                      version INTEGER PRIMARY KEY,
                      published_at TEXT NOT NULL,
                      signature BLOB,
                      signing_key_id TEXT,
                      applied_at TEXT NOT NULL,
                      state TEXT NOT NULL CHECK (state IN ('CURRENT', 'PREVIOUS')),
                      header TEXT NOT NULL)""",
                    "CREATE UNIQUE INDEX catalogue_one_state ON catalogue_version(state)",
                    """
                    CREATE TABLE catalogue_department (
                      version INTEGER NOT NULL REFERENCES catalogue_version(version) ON DELETE CASCADE,
                      code TEXT NOT NULL, name TEXT NOT NULL, short_name TEXT NOT NULL, ord INTEGER NOT NULL,
                      PRIMARY KEY (version, code))""",
                    """
                    CREATE TABLE catalogue_item (
                      version INTEGER NOT NULL REFERENCES catalogue_version(version) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      code TEXT NOT NULL, name TEXT NOT NULL, department TEXT NOT NULL,
                      popularity INTEGER NOT NULL, kiosk_handleable INTEGER NOT NULL,
                      form TEXT, body TEXT NOT NULL,
                      PRIMARY KEY (version, code))""",
                    """
                    CREATE TABLE catalogue_synonym (
                      version INTEGER NOT NULL, code TEXT NOT NULL, synonym TEXT NOT NULL,
                      FOREIGN KEY (version, code) REFERENCES catalogue_item(version, code) ON DELETE CASCADE)""",
                    "CREATE INDEX catalogue_synonym_item ON catalogue_synonym(version, code)",
                    "CREATE TABLE catalogue_rolled_back (version INTEGER PRIMARY KEY, at TEXT NOT NULL)")),
            new Migration(2, "outbox of submissions and ratings", List.of(
                    """
                    CREATE TABLE submission (
                      id INTEGER PRIMARY KEY,
                      kind TEXT NOT NULL CHECK (kind IN ('APPLICATION', 'RATING')),
                      receipt_no TEXT NOT NULL UNIQUE,
                      item_code TEXT NOT NULL,
                      created_ms INTEGER NOT NULL,
                      key_id INTEGER,
                      payload BLOB,
                      purged_ms INTEGER)""",
                    """
                    CREATE TABLE outbox (
                      submission_id INTEGER PRIMARY KEY REFERENCES submission(id),
                      idempotency_key TEXT NOT NULL UNIQUE,
                      state TEXT NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'DELIVERED', 'BLOCKED')),
                      attempts INTEGER NOT NULL DEFAULT 0,
                      next_attempt_ms INTEGER NOT NULL,
                      last_error TEXT,
                      blocked_reason TEXT,
                      delivered_ms INTEGER)""",
                    "CREATE INDEX outbox_due ON outbox(state, next_attempt_ms)",
                    """
                    CREATE TABLE receipt_sequence (
                      kiosk_id TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,
                      PRIMARY KEY (kiosk_id, day))""")),
            new Migration(3, "hash-chained audit log", List.of(
                    """
                    CREATE TABLE audit (
                      seq INTEGER PRIMARY KEY,
                      at TEXT NOT NULL,
                      actor_kind TEXT NOT NULL,
                      actor_id TEXT NOT NULL,
                      event TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      detail TEXT NOT NULL,
                      prev_hash BLOB NOT NULL,
                      hash BLOB NOT NULL)""",
                    // Defence in depth: the application never edits history; verify() catches whoever bypasses this.
                    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
                    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END")),
            new Migration(4, "outbox entries wait only for the entry they depend on (a rating for its application)",
                    List.of("ALTER TABLE outbox ADD COLUMN depends_on INTEGER REFERENCES submission(id)")),
            new Migration(5, "the catalogue's ETag is kept with it, so a restart revalidates instead of downloading",
                    List.of("ALTER TABLE catalogue_version ADD COLUMN etag TEXT")),
            new Migration(6, "a department's English (catalogue en), as JSON; null for catalogues without",
                    List.of("ALTER TABLE catalogue_department ADD COLUMN en TEXT")),
            new Migration(7, "each kept catalogue version's search index, so a restart does not expand pinyin again",
                    List.of("""
                            CREATE TABLE search_index (
                              version INTEGER PRIMARY KEY REFERENCES catalogue_version(version) ON DELETE CASCADE,
                              forms BLOB NOT NULL)""")));
}
