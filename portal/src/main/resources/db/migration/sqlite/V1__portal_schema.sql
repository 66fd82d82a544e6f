-- The portal schema as the code before Flyway created it (portal.db files from then are baselined at version 1).
CREATE TABLE IF NOT EXISTS kiosk (kiosk_id TEXT PRIMARY KEY, token_hash TEXT UNIQUE NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS operator (name TEXT PRIMARY KEY, token_hash TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS signing_key (key_id TEXT PRIMARY KEY, key_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalogue (version INTEGER PRIMARY KEY, body BLOB NOT NULL,
    signature BLOB NOT NULL, published_at TEXT NOT NULL);
-- Receipt numbers are unique portal-wide, which makes them unique per kiosk too.
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
