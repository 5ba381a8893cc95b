-- Version 3: the device's signing identity and its hash chain of signed records.
-- See core/src/evidence/signing/ for the exact hash and signature definitions.

-- One row: this device's Ed25519 key. The secret is kept here because the whole store is encrypted at rest by
-- SQLCipher with a key from the platform keystore; it never leaves the device.
CREATE TABLE device_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    device_id   TEXT NOT NULL,
    public_key  TEXT NOT NULL,  -- 64 lowercase hex digits
    secret_key  BLOB NOT NULL,  -- 32 bytes
    created_at  TEXT NOT NULL
);

-- The device's chain: each row signs one record and the row before it.
CREATE TABLE evidence_chain (
    seq         INTEGER PRIMARY KEY,  -- from 1, no gaps; the primary key keeps two writers from forking the chain
    device_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,        -- 'check' | 'check_revision' | 'photo' | 'walk' | 'finding'
    record_id   TEXT NOT NULL,
    body        TEXT NOT NULL,        -- the record as canonical JSON (RFC 8785)
    body_hash   TEXT NOT NULL,        -- hex SHA-256 of body
    prev_hash   TEXT NOT NULL,        -- link_hash of seq - 1; 64 zeros for seq 1
    link_hash   TEXT NOT NULL UNIQUE, -- hex SHA-256 over seq, kind, record_id, body_hash, prev_hash
    signature   TEXT NOT NULL,        -- hex Ed25519 signature over the raw link_hash
    created_at  TEXT NOT NULL
);

CREATE INDEX evidence_chain_record ON evidence_chain (kind, record_id);

-- Signed evidence is never edited or removed by the app: a bug that tried would fail loudly here instead of
-- breaking the chain silently. (Someone with the store key can drop these triggers; the verifier catches that.)
CREATE TRIGGER evidence_chain_no_update BEFORE UPDATE ON evidence_chain
BEGIN
    SELECT RAISE(ABORT, 'evidence_chain is append-only');
END;
CREATE TRIGGER evidence_chain_no_delete BEFORE DELETE ON evidence_chain
BEGIN
    SELECT RAISE(ABORT, 'evidence_chain is append-only');
END;
CREATE TRIGGER device_identity_no_update BEFORE UPDATE ON device_identity
BEGIN
    SELECT RAISE(ABORT, 'the device identity never changes');
END;
