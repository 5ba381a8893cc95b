-- Version 2: search without diacritics (FTS5 over folded text) and a spatial index of sites (R*Tree).
-- Both are derived data, rebuilt from the tables in this migration so that stores made at version 1 catch up.

-- One row per searchable record, all text folded (no diacritics, lowercase). `name` holds what the record is called
-- (ranked higher), `extra` what else finds it (commune, agreement numbers, description); `kind` is 'borrower',
-- 'commune' or 'programme'; `ref` is the record's id (or the commune code).
CREATE VIRTUAL TABLE search_index USING fts5(
    name,
    extra,
    kind UNINDEXED,
    ref UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);

-- Bounding boxes of sites, keyed by the site row's rowid.
CREATE VIRTUAL TABLE sites_rtree USING rtree(site_rowid, min_lat, max_lat, min_lon, max_lon);
