//! The `records` table: every record a device may pull, office and field alike, with its scope columns and the
//! global sequence number of its last change. A pull is `WHERE seq > cursor AND <scope> ORDER BY seq`.

use crate::db::{DbResult, Row, Tx};
use crate::params;

/// One record with its scope columns, ready to write.
#[derive(Clone, Debug, Default)]
pub struct RecordRow {
    /// Kind (`Change::kind`).
    pub kind: String,
    /// Id.
    pub id: String,
    /// The commune it belongs to (inspectors of that commune see it).
    pub commune_code: Option<String>,
    /// The borrower it concerns (that borrower sees it).
    pub borrower_id: Option<String>,
    /// The account that wrote it (field records).
    pub author_id: Option<String>,
    /// The inspection plan it is (inspectors assigned to the plan see it).
    pub plan_id: Option<String>,
    /// Everyone sees it (catalogue).
    pub public: bool,
    /// A delete.
    pub deleted: bool,
    /// The change's HLC (field records).
    pub hlc: Option<String>,
    /// The record as JSON text.
    pub body: String,
    /// Marked for the office's review (a merge kept losing values).
    pub review: bool,
}

const COLUMNS: &str =
    "kind, id, seq, commune_code, borrower_id, author_id, plan_id, public, deleted, hlc, body, review, flags";

/// Rows written by one statement: a round trip per row made a province's import (1.3 million records) miss its
/// minute on PostgreSQL; 400 rows are 4,800 parameters, well inside both databases' limits.
const ROWS_PER_STATEMENT: usize = 400;

/// Writes `rows`, each taking the next value of the global sequence (in the order given). A row the store already
/// holds exactly as given is left as it is, its place in the sequence too: re-importing the same export, or a device
/// resending what was taken, sends nothing new to any device (the numbers it reserved are simply skipped).
pub async fn upsert(tx: &mut Tx, rows: &[RecordRow]) -> DbResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let last = tx.next_seq(rows.len() as i64).await?;
    let first = last - rows.len() as i64 + 1;
    let mut start = 0;
    while start < rows.len() {
        // One statement may not name a record twice (PostgreSQL refuses to update a row twice in one command).
        let mut seen = std::collections::HashSet::new();
        let mut end = start;
        while end < rows.len()
            && end - start < ROWS_PER_STATEMENT
            && seen.insert((rows[end].kind.as_str(), rows[end].id.as_str()))
        {
            end += 1;
        }
        let chunk = &rows[start..end];
        let values: Vec<String> = (0..chunk.len())
            .map(|k| {
                let marks: Vec<String> = (1..=12).map(|j| format!("${}", k * 12 + j)).collect();
                format!("({}, NULL)", marks.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO records ({COLUMNS}) VALUES {}
             ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, commune_code = excluded.commune_code,
               borrower_id = excluded.borrower_id, author_id = excluded.author_id, plan_id = excluded.plan_id,
               public = excluded.public, deleted = excluded.deleted, hlc = excluded.hlc, body = excluded.body,
               review = excluded.review
             WHERE records.body <> excluded.body OR records.deleted <> excluded.deleted
               OR records.public <> excluded.public OR records.review <> excluded.review
               OR coalesce(records.hlc, '') <> coalesce(excluded.hlc, '')
               OR coalesce(records.commune_code, '') <> coalesce(excluded.commune_code, '')
               OR coalesce(records.borrower_id, '') <> coalesce(excluded.borrower_id, '')
               OR coalesce(records.author_id, '') <> coalesce(excluded.author_id, '')
               OR coalesce(records.plan_id, '') <> coalesce(excluded.plan_id, '')",
            values.join(", ")
        );
        let mut params = Vec::with_capacity(chunk.len() * 12);
        for (k, r) in chunk.iter().enumerate() {
            params.extend(params![
                &r.kind,
                &r.id,
                first + (start + k) as i64,
                r.commune_code.clone(),
                r.borrower_id.clone(),
                r.author_id.clone(),
                r.plan_id.clone(),
                r.public,
                r.deleted,
                r.hlc.clone(),
                &r.body,
                r.review
            ]);
        }
        tx.exec(&sql, params).await?;
        start = end;
    }
    Ok(())
}

/// A stored record.
#[derive(Clone, Debug)]
pub struct Stored {
    /// The row as written.
    pub row: RecordRow,
    /// Its sequence number.
    pub seq: i64,
    /// Flags the server raised on it (JSON array text), if any.
    pub flags: Option<String>,
    /// Its evidence status (`evidence.*`, see `api::evidence`), for kinds that carry evidence.
    pub evidence: Option<String>,
}

/// The columns [`from_row`] reads, in order.
pub const SELECT: &str = "SELECT kind, id, seq, commune_code, borrower_id, author_id, plan_id, public, deleted, hlc, body, review, flags, evidence FROM records";

/// Reads a row selected with [`SELECT`].
pub fn from_row(r: &Row) -> Stored {
    Stored {
        row: RecordRow {
            kind: r.text(0),
            id: r.text(1),
            commune_code: r.opt_text(3),
            borrower_id: r.opt_text(4),
            author_id: r.opt_text(5),
            plan_id: r.opt_text(6),
            public: r.int(7) != 0,
            deleted: r.int(8) != 0,
            hlc: r.opt_text(9),
            body: r.text(10),
            review: r.int(11) != 0,
        },
        seq: r.int(2),
        flags: r.opt_text(12),
        evidence: r.opt_text(13),
    }
}

/// The record `kind`/`id`, if held.
pub async fn get(tx: &mut Tx, kind: &str, id: &str) -> DbResult<Option<Stored>> {
    let row = tx.one(&format!("{SELECT} WHERE kind = $1 AND id = $2"), params![kind, id]).await?;
    Ok(row.as_ref().map(from_row))
}

/// Adds a flag for the office on `kind`/`id` (kept in `flags`, and summed up in the record's `flags` column, which
/// moves the record to a new seq so devices and the dashboard see it).
pub async fn flag(tx: &mut Tx, kind: &str, id: &str, code: &str, detail: &str, now: &str) -> DbResult<()> {
    tx.exec(
        "INSERT INTO flags (kind, record_id, code, detail, created_at) VALUES ($1, $2, $3, $4, $5)",
        params![kind, id, code, detail, now],
    )
    .await?;
    let codes: Vec<String> = tx
        .query("SELECT DISTINCT code FROM flags WHERE kind = $1 AND record_id = $2 ORDER BY code", params![kind, id])
        .await?
        .iter()
        .map(|r| r.text(0))
        .collect();
    let json = serde_json::to_string(&codes).unwrap_or_else(|_| "[]".into());
    let seq = tx.next_seq(1).await?;
    tx.exec("UPDATE records SET flags = $1, seq = $2 WHERE kind = $3 AND id = $4", params![json, seq, kind, id])
        .await?;
    Ok(())
}
