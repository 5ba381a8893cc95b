-- Version 6: where each record's entry sits in the search index. FTS5 can only find a row by its `kind` and `ref`
-- columns (UNINDEXED) by reading the whole index, so re-indexing one borrower cost a full scan: a first download
-- of 10,000 borrowers did 10,000 of them. With this map, a record's entry is found by its key.

CREATE TABLE search_docs (
    kind TEXT NOT NULL, -- 'commune', 'programme', 'borrower'
    ref  TEXT NOT NULL, -- the record's code or id
    doc  INTEGER NOT NULL, -- the search_index rowid of its entry
    PRIMARY KEY (kind, ref)
) STRICT, WITHOUT ROWID;

INSERT OR REPLACE INTO search_docs (kind, ref, doc) SELECT kind, ref, rowid FROM search_index;
