-- Version 4: site checks, their checklist answers and photos, revisions, and per-commune notes for the minutes.
-- Times are UTC ISO 8601 text (`2026-10-14T08:30:00.000Z`), so text order is time order.
-- Checks point at office records (sites, loans) without foreign keys: office data is replaced by sync and must never
-- be blocked, or lose a check, because evidence refers to it. Within the evidence, references are enforced.

-- One visit to a funded model's site. A correction is a new row (revision n + 1) that `revises` the one before it;
-- every revision of one visit shares `root_id` (the first revision's id) and `code`.
CREATE TABLE site_checks (
    id                 TEXT PRIMARY KEY,
    code               TEXT NOT NULL,          -- for people: KT-<commune>-<n>
    root_id            TEXT NOT NULL,
    revision           INTEGER NOT NULL CHECK (revision >= 1),
    revises            TEXT REFERENCES site_checks (id),
    revision_reason    TEXT,
    site_id            TEXT NOT NULL,
    loan_id            TEXT NOT NULL,
    commune_list       TEXT NOT NULL,
    commune_code       TEXT NOT NULL,
    device_id          TEXT NOT NULL,
    started_at         TEXT NOT NULL,
    fix_lat            REAL NOT NULL,
    fix_lon            REAL NOT NULL,
    fix_accuracy_m     REAL NOT NULL,
    fix_altitude_m     REAL,
    fix_time           TEXT NOT NULL,
    fix_provider       TEXT NOT NULL,
    fix_satellites     INTEGER,
    fix_mocked         INTEGER NOT NULL CHECK (fix_mocked IN (0, 1)),
    verdict_place      TEXT NOT NULL,
    verdict_distance_m REAL,
    verdict_accuracy_m REAL,
    in_commune         INTEGER NOT NULL CHECK (in_commune IN (0, 1)),
    state              TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finished')),
    finished_at        TEXT,
    signature          TEXT,                   -- chain link of the start (or of the correction)
    finish_signature   TEXT,                   -- chain link of the finish
    created_at         TEXT NOT NULL,
    hlc                TEXT NOT NULL,
    CHECK ((revision = 1) = (revises IS NULL)),
    CHECK ((revision = 1) OR (revision_reason IS NOT NULL AND length(trim(revision_reason)) > 0)),
    CHECK ((state = 'finished') = (finished_at IS NOT NULL))
) STRICT;
CREATE INDEX site_checks_commune ON site_checks (commune_code, started_at);
CREATE INDEX site_checks_root ON site_checks (root_id, revision);
CREATE INDEX site_checks_site ON site_checks (site_id);
-- A check is corrected once; the correction is corrected in turn.
CREATE UNIQUE INDEX site_checks_revises ON site_checks (revises) WHERE revises IS NOT NULL;

-- The checklist: one answer per question per check; `value` is JSON (true, 3, "good", "text").
CREATE TABLE check_answers (
    check_id    TEXT NOT NULL REFERENCES site_checks (id),
    question    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('yes_no', 'number', 'choice', 'text')),
    value       TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    signature   TEXT,
    hlc         TEXT NOT NULL,
    PRIMARY KEY (check_id, question)
) STRICT, WITHOUT ROWID;

-- Photos taken during a check, addressed by their SHA-256; flags JSON: {"reused", "gps_disagrees", "late"}.
CREATE TABLE check_photos (
    id             TEXT PRIMARY KEY,
    check_id       TEXT NOT NULL REFERENCES site_checks (id),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    width          INTEGER NOT NULL CHECK (width > 0),
    height         INTEGER NOT NULL CHECK (height > 0),
    size_bytes     INTEGER NOT NULL CHECK (size_bytes > 0),
    taken_at       TEXT NOT NULL,
    fix_lat        REAL NOT NULL,
    fix_lon        REAL NOT NULL,
    fix_accuracy_m REAL NOT NULL,
    fix_altitude_m REAL,
    fix_time       TEXT NOT NULL,
    fix_provider   TEXT NOT NULL,
    fix_satellites INTEGER,
    fix_mocked     INTEGER NOT NULL CHECK (fix_mocked IN (0, 1)),
    source_lat     REAL,                       -- GPS in the camera's own EXIF, if any
    source_lon     REAL,
    flags          TEXT NOT NULL,
    signature      TEXT,
    created_at     TEXT NOT NULL,
    hlc            TEXT NOT NULL,
    UNIQUE (check_id, sha256)
) STRICT;
-- "Is this photo already in another check?"
CREATE INDEX check_photos_sha ON check_photos (sha256);

-- What the team found in a commune under a plan, as it goes into the minutes (biên bản).
CREATE TABLE commune_findings (
    commune_list    TEXT NOT NULL,
    commune_code    TEXT NOT NULL,
    plan_id         TEXT NOT NULL,
    findings        TEXT NOT NULL,
    recommendations TEXT NOT NULL,
    opinions        TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    signature       TEXT,
    hlc             TEXT NOT NULL,
    PRIMARY KEY (commune_list, commune_code, plan_id)
) STRICT, WITHOUT ROWID;
