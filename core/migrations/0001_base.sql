-- Version 1: the records of the domain (DOMAIN.md) and the outbox.
-- Money is integer đồng; dates are ISO text (yyyy-mm-dd); rates are parts per million per year (7.92% = 79200).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Communes and wards, with the list the code belongs to ("2025"): a new unit kept one old unit's code.
CREATE TABLE communes (
    list        TEXT NOT NULL,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('commune', 'ward')),
    name_folded TEXT NOT NULL,
    PRIMARY KEY (list, code)
) STRICT;

-- Versioned rule sets: the decree in force decides limits and rates; a loan keeps the set in force at disbursement.
CREATE TABLE rule_sets (
    id             TEXT PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    legal_basis    TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to   TEXT,
    body           TEXT NOT NULL -- JSON: limits, rates, overdue factor, term (see loans::rules)
) STRICT;

CREATE TABLE loan_programmes (
    id      TEXT PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    kind    TEXT NOT NULL CHECK (kind IN ('job_creation_worker', 'job_creation_business', 'overseas_contract')),
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL
) STRICT;

-- Tổ tiết kiệm và vay vốn, entrusted to one of four mass organisations.
CREATE TABLE savings_groups (
    id           TEXT PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    leader_name  TEXT NOT NULL,
    organisation TEXT NOT NULL CHECK (organisation IN ('womens_union', 'farmers_union', 'veterans', 'youth_union')),
    commune_code TEXT NOT NULL
) STRICT;

CREATE TABLE borrowers (
    id             TEXT PRIMARY KEY,
    full_name      TEXT NOT NULL,
    name_folded    TEXT NOT NULL,
    birth_year     INTEGER NOT NULL,
    id_number      TEXT NOT NULL,
    phone          TEXT,
    address        TEXT NOT NULL,
    commune_code   TEXT NOT NULL,
    group_id       TEXT REFERENCES savings_groups (id),
    ethnic_minority INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX borrowers_commune ON borrowers (commune_code);
CREATE INDEX borrowers_name ON borrowers (name_folded);

CREATE TABLE loans (
    id                TEXT PRIMARY KEY,
    agreement_no      TEXT NOT NULL UNIQUE, -- số khế ước
    borrower_id       TEXT NOT NULL REFERENCES borrowers (id),
    programme_id      TEXT NOT NULL REFERENCES loan_programmes (id),
    rule_set_id       TEXT NOT NULL REFERENCES rule_sets (id),
    vbsp_office       TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    disbursed_on      TEXT NOT NULL,
    maturity_on       TEXT NOT NULL,
    principal         INTEGER NOT NULL CHECK (principal > 0),
    annual_rate_ppm   INTEGER NOT NULL CHECK (annual_rate_ppm >= 0),
    overdue_rate_ppm  INTEGER NOT NULL CHECK (overdue_rate_ppm >= 0),
    savings_balance   INTEGER NOT NULL DEFAULT 0,
    relief            TEXT NOT NULL DEFAULT 'none'
                      CHECK (relief IN ('none', 'extended', 'rescheduled', 'frozen', 'written_off')),
    relief_from       TEXT,
    relief_to         TEXT
) STRICT;
CREATE INDEX loans_borrower ON loans (borrower_id);

-- Phân kỳ: the agreed principal schedule as it stands (after any extension or rescheduling).
CREATE TABLE loan_instalments (
    loan_id       TEXT NOT NULL REFERENCES loans (id),
    seq           INTEGER NOT NULL,
    due_on        TEXT NOT NULL,
    principal_due INTEGER NOT NULL CHECK (principal_due >= 0),
    PRIMARY KEY (loan_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE loan_payments (
    id             TEXT PRIMARY KEY,
    loan_id        TEXT NOT NULL REFERENCES loans (id),
    paid_on        TEXT NOT NULL,
    principal_paid INTEGER NOT NULL CHECK (principal_paid >= 0),
    interest_paid  INTEGER NOT NULL CHECK (interest_paid >= 0)
) STRICT;
CREATE INDEX loan_payments_loan ON loan_payments (loan_id, paid_on);

-- What the loan funded: afforestation, livestock, crops, services, small business.
CREATE TABLE funded_models (
    id          TEXT PRIMARY KEY,
    loan_id     TEXT NOT NULL REFERENCES loans (id),
    kind        TEXT NOT NULL CHECK (kind IN ('afforestation', 'livestock', 'crops', 'services', 'small_business')),
    description TEXT NOT NULL,
    funded_area_ha REAL,
    jobs_planned   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX funded_models_loan ON funded_models (loan_id);

-- Where a funded model is: a point with a radius, or a plot polygon (GeoJSON ring of [lon, lat]).
CREATE TABLE sites (
    id           TEXT PRIMARY KEY,
    model_id     TEXT NOT NULL REFERENCES funded_models (id),
    commune_code TEXT NOT NULL,
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    radius_m     REAL NOT NULL CHECK (radius_m > 0),
    plot         TEXT
) STRICT;
CREATE INDEX sites_commune ON sites (commune_code);

CREATE TABLE sending_enterprises (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    licence_no TEXT NOT NULL UNIQUE,
    markets    TEXT NOT NULL, -- JSON array of country names
    status     TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked'))
) STRICT;

CREATE TABLE job_programmes (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('domestic_job', 'training', 'loan', 'overseas')),
    title         TEXT NOT NULL,
    description   TEXT NOT NULL,
    commune_code  TEXT,
    enterprise_id TEXT REFERENCES sending_enterprises (id),
    country       TEXT,
    opens_on      TEXT NOT NULL,
    closes_on     TEXT,
    seats         INTEGER
) STRICT;

-- The inspection plans this device takes part in, and their communes.
CREATE TABLE inspection_plans (
    id        TEXT PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    title     TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on   TEXT NOT NULL
) STRICT;
CREATE TABLE plan_communes (
    plan_id      TEXT NOT NULL REFERENCES inspection_plans (id),
    commune_code TEXT NOT NULL,
    PRIMARY KEY (plan_id, commune_code)
) STRICT, WITHOUT ROWID;

-- Returning workers' registrations: written on the device, owned by their author, unverified until the office acts.
CREATE TABLE worker_registrations (
    id             TEXT PRIMARY KEY,
    full_name      TEXT NOT NULL,
    id_kind        TEXT NOT NULL CHECK (id_kind IN ('cccd', 'cmnd')),
    id_number      TEXT NOT NULL,
    birth_date     TEXT NOT NULL,
    sex            TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    phone          TEXT NOT NULL,
    commune_code   TEXT NOT NULL,
    address        TEXT NOT NULL,
    country_abroad TEXT,
    years_abroad   INTEGER,
    occupation     TEXT NOT NULL,
    skills         TEXT NOT NULL,
    languages      TEXT NOT NULL,
    certificates   TEXT NOT NULL,
    wants          TEXT NOT NULL, -- JSON array: domestic_job, training, self_employment_loan, work_abroad
    consent        INTEGER NOT NULL CHECK (consent = 1),
    consent_at     TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'verified', 'rejected')),
    created_at     TEXT NOT NULL,
    hlc            TEXT NOT NULL
) STRICT;

-- Every local change, written in the same transaction as the change itself; sync consumes it in order.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,  -- the mutation id: the server's idempotency key
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    payload    TEXT NOT NULL,         -- JSON of the record after the change
    hlc        TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
    reason     TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (state, seq);
