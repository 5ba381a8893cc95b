-- Version 5: the sync client's state: the session, the pull cursor, the chain head the server acknowledged, the
-- last sync's time and outcome (key/value rows of `sync_state`), photo uploads in progress, and the code the server
-- gave a rejected outbox entry.

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY, -- 'session' (JSON), 'cursor', 'chain_head', 'last_sync_at', 'last_success_at', 'last_outcome'
    value TEXT NOT NULL
) STRICT;

-- One row per photo (by content hash) that the server does not hold yet or is receiving; `done` once it holds it.
CREATE TABLE photo_uploads (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'uploading', 'done', 'failed')),
    upload_url TEXT,                 -- the tus upload's address once created
    offset     INTEGER NOT NULL DEFAULT 0 CHECK (offset >= 0),
    last_error TEXT,                 -- a stable code, never personal data
    updated_at TEXT NOT NULL
) STRICT;

-- The stable code of a rejection (`reason` keeps the server's sentence).
ALTER TABLE outbox ADD COLUMN code TEXT;

-- "Is this record one of the device's own pending changes?" when a pull brings it.
CREATE INDEX outbox_entity ON outbox (entity, entity_id, state);

-- Field records a pull brought before what they hang on (an answer or photo of a check that comes in a later page,
-- because finishing the check gave it a newer place in the server's order). Kept, and applied as soon as their
-- parent arrives, so nothing the server sent is lost to order.
CREATE TABLE pull_deferred (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    body        TEXT,                -- the record as JSON; NULL for a delete
    received_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT;
