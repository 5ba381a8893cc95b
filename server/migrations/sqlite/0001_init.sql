-- The server's first schema (SQLite). Booleans are 0/1 integers, times ISO 8601 UTC text, dates YYYY-MM-DD.
CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT INTO counter (id, value) VALUES (1, 0);
CREATE TABLE accounts (
  id TEXT PRIMARY KEY, role TEXT NOT NULL, username TEXT UNIQUE, display_name TEXT NOT NULL,
  password_hash TEXT, borrower_id TEXT, phone TEXT, created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
CREATE INDEX accounts_borrower ON accounts (borrower_id);
CREATE TABLE activation_codes (
  code_hash TEXT PRIMARY KEY, borrower_id TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT);
CREATE TABLE devices (
  id TEXT PRIMARY KEY, account_id TEXT NOT NULL, public_key TEXT NOT NULL, name TEXT NOT NULL,
  platform TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY, device_id TEXT NOT NULL, account_id TEXT NOT NULL, created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE plan_assignments (
  plan_id TEXT NOT NULL, account_id TEXT NOT NULL, commune_code TEXT NOT NULL, starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL, PRIMARY KEY (plan_id, account_id, commune_code));
CREATE INDEX plan_assignments_account ON plan_assignments (account_id);
CREATE TABLE records (
  kind TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, commune_code TEXT, borrower_id TEXT,
  author_id TEXT, plan_id TEXT, public INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,
  hlc TEXT, body TEXT, review INTEGER NOT NULL DEFAULT 0, flags TEXT, PRIMARY KEY (kind, id));
CREATE UNIQUE INDEX records_seq ON records (seq);
CREATE INDEX records_commune ON records (commune_code, seq);
CREATE INDEX records_borrower ON records (borrower_id, seq);
CREATE INDEX records_author ON records (author_id, seq);
CREATE INDEX records_plan ON records (plan_id, seq);
CREATE INDEX records_public ON records (public, seq);
CREATE TABLE mutations (
  id TEXT PRIMARY KEY, account_id TEXT NOT NULL, device_id TEXT NOT NULL, entity TEXT NOT NULL,
  entity_id TEXT NOT NULL, payload_hash TEXT NOT NULL, status TEXT NOT NULL, code TEXT, received_at TEXT NOT NULL);
CREATE TABLE links (
  device_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL, body TEXT NOT NULL,
  body_hash TEXT NOT NULL, prev_hash TEXT NOT NULL, link_hash TEXT NOT NULL, signature TEXT NOT NULL,
  created_at TEXT NOT NULL, problem TEXT, PRIMARY KEY (device_id, seq));
CREATE TABLE flags (kind TEXT NOT NULL, record_id TEXT NOT NULL, code TEXT NOT NULL, detail TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX flags_record ON flags (kind, record_id);
CREATE TABLE conflicts (kind TEXT NOT NULL, record_id TEXT NOT NULL, losing_body TEXT NOT NULL,
  losing_hlc TEXT NOT NULL, winning_hlc TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE photos (sha256 TEXT PRIMARY KEY, photo_id TEXT NOT NULL, object_path TEXT NOT NULL,
  size INTEGER NOT NULL, account_id TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
