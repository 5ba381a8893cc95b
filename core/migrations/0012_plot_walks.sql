-- Version 12: the plot walked on a site check (diện tích đo thực địa). One walk per check: a new walk of the same
-- check replaces the row (the evidence chain keeps every signed version). The ring is JSON text as it travels
-- ([[lon, lat], …], closed); the verdict is the comparison with the funded area at the time (`matches`, `smaller`,
-- `larger`, `unknown`, with its percent).
CREATE TABLE plot_walks (
    check_id       TEXT PRIMARY KEY REFERENCES site_checks (id),
    site_id        TEXT NOT NULL,
    ring           TEXT NOT NULL,
    area_ha        REAL NOT NULL CHECK (area_ha >= 0),
    perimeter_m    REAL NOT NULL CHECK (perimeter_m >= 0),
    dropped_points INTEGER NOT NULL CHECK (dropped_points >= 0),
    used_points    INTEGER NOT NULL CHECK (used_points >= 3),
    mocked_points  INTEGER NOT NULL CHECK (mocked_points >= 0 AND mocked_points <= used_points),
    funded_ha      REAL NOT NULL DEFAULT 0,
    verdict_kind   TEXT NOT NULL,
    verdict_pct    REAL,
    walked_at      TEXT NOT NULL,
    signature      TEXT,
    hlc            TEXT NOT NULL
) STRICT;
