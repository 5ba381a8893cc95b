//! The folded full-text index kept beside the records.
//!
//! It is rebuilt in bulk (after a migration or a big import) or kept row by row in the same transaction as the
//! record it indexes, so search never disagrees with the data. (The sites' R*Tree and `site_cards`, the other
//! derived tables, are kept by SQLite triggers: migrations 13 and 14.) `search_docs` maps each record to
//! its search entry's rowid, so row-by-row upkeep finds the entry by key instead of reading the whole FTS5 index.

use rusqlite::{Connection, params};

use crate::error::Result;

const BORROWER_DOCS: &str = "
    INSERT INTO search_index (name, extra, kind, ref)
    SELECT b.name_folded,
           coalesce(c.name_folded, '') || ' ' ||
           coalesce((SELECT group_concat(fold(l.agreement_no), ' ') FROM loans l WHERE l.borrower_id = b.id), ''),
           'borrower', b.id
    FROM borrowers b LEFT JOIN communes c ON c.list = '2025' AND c.code = b.commune_code";

const PROGRAMME_DOCS: &str = "
    INSERT INTO search_index (name, extra, kind, ref)
    SELECT fold(p.title),
           fold(p.description || ' ' || coalesce(p.country, '') || ' ' || coalesce(e.name, '') || ' ' ||
                coalesce(c.name, '')),
           'programme', p.id
    FROM job_programmes p
    LEFT JOIN sending_enterprises e ON e.id = p.enterprise_id
    LEFT JOIN communes c ON c.list = '2025' AND c.code = p.commune_code";

/// Rebuilds every derived index from the tables, with the map of search entries.
pub fn rebuild_all(conn: &Connection) -> Result<()> {
    rebuild_docs(conn)?;
    conn.execute("DELETE FROM search_docs", [])?;
    conn.execute("INSERT INTO search_docs (kind, ref, doc) SELECT kind, ref, rowid FROM search_index", [])?;
    Ok(())
}

/// Rebuilds the search index, leaving the map of search entries alone: what schema version 2 did, before the map
/// existed (version 6 fills it). Everything else calls [`rebuild_all`].
pub(crate) fn rebuild_docs(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index", [])?;
    // Insertion order is the order hits come in within a search tier (see `query::search`): places, then
    // programmes, then people by name.
    insert_commune_docs(conn)?;
    conn.execute(PROGRAMME_DOCS, [])?;
    conn.execute(&format!("{BORROWER_DOCS} ORDER BY b.name_folded, b.id"), [])?;
    Ok(())
}

/// Rebuilds the communes' entries in the search index, with their map rows.
pub fn rebuild_communes(conn: &Connection) -> Result<()> {
    rebuild_commune_docs(conn)?;
    conn.execute("DELETE FROM search_docs WHERE kind = 'commune'", [])?;
    conn.execute(
        "INSERT INTO search_docs (kind, ref, doc) SELECT kind, ref, rowid FROM search_index WHERE kind = 'commune'",
        [],
    )?;
    Ok(())
}

/// Rebuilds the communes' entries without touching the map: for stores at schema versions 2 to 5, before the map
/// existed (version 6 fills it from the index).
pub(crate) fn rebuild_commune_docs(conn: &Connection) -> Result<()> {
    // Rare (a new commune list): reading the whole index by kind is fine here.
    conn.execute("DELETE FROM search_index WHERE kind = 'commune'", [])?;
    insert_commune_docs(conn)
}

fn insert_commune_docs(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO search_index (name, extra, kind, ref)
         SELECT name_folded, CASE kind WHEN 'ward' THEN 'phuong' ELSE 'xa' END, 'commune', code
         FROM communes WHERE list = '2025'",
        [],
    )?;
    Ok(())
}

/// Removes the search entry of one record, found through the map (never by scanning the index).
pub fn drop_doc(conn: &Connection, kind: &str, reference: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_docs WHERE kind = ?1 AND ref = ?2)",
        params![kind, reference],
    )?;
    conn.execute("DELETE FROM search_docs WHERE kind = ?1 AND ref = ?2", params![kind, reference])?;
    Ok(())
}

/// Runs `insert` (an INSERT … SELECT of at most one entry) and records where the entry went.
fn insert_doc(conn: &Connection, kind: &str, reference: &str, insert: &str) -> Result<()> {
    if conn.execute(insert, [reference])? == 1 {
        conn.execute(
            "INSERT OR REPLACE INTO search_docs (kind, ref, doc) VALUES (?1, ?2, ?3)",
            params![kind, reference, conn.last_insert_rowid()],
        )?;
    }
    Ok(())
}

/// Re-indexes one borrower (after the borrower or one of their loans changed).
pub fn index_borrower(conn: &Connection, borrower_id: &str) -> Result<()> {
    drop_doc(conn, "borrower", borrower_id)?;
    insert_doc(conn, "borrower", borrower_id, &format!("{BORROWER_DOCS} WHERE b.id = ?1"))
}

/// Re-indexes one job programme.
pub fn index_programme(conn: &Connection, programme_id: &str) -> Result<()> {
    drop_doc(conn, "programme", programme_id)?;
    insert_doc(conn, "programme", programme_id, &format!("{PROGRAMME_DOCS} WHERE p.id = ?1"))
}
