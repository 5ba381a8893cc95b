//! Field records that arrived before the record they hang on: kept in `pull_deferred` and applied once their
//! parent is there.
//!
//! The server orders changes by when it last wrote them, so a check finished after its answers were written comes
//! after them in a pull, possibly pages later. Dropping the early answers would lose them for good (the cursor moves
//! on); keeping them costs a row each until the check arrives.

use rusqlite::{Transaction, params};
use serde_json::Value;

use super::field::{self, Applied};
use crate::error::Result;

/// Keeps a field record that could not be applied yet (a newer copy of the same record replaces an older one).
pub(crate) fn keep(tx: &Transaction, kind: &str, id: &str, body: Option<&Value>) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO pull_deferred (kind, id, body, received_at)
         VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at",
    )?
    .execute(params![kind, id, body.map(Value::to_string)])?;
    Ok(())
}

/// Forgets a kept copy of a record that has now been applied (or that the device's own change supersedes).
pub(crate) fn forget(tx: &Transaction, kind: &str, id: &str) -> Result<()> {
    tx.prepare_cached("DELETE FROM pull_deferred WHERE kind = ?1 AND id = ?2")?.execute(params![kind, id])?;
    Ok(())
}

/// Tries every kept record again, in passes until a pass applies nothing (a check lets its answers in, a corrected
/// check its revision's answers); returns how many were applied.
pub(crate) fn retry(tx: &Transaction) -> Result<u64> {
    let mut applied = 0;
    loop {
        let kept: Vec<(String, String, Option<String>)> = tx
            .prepare_cached("SELECT kind, id, body FROM pull_deferred ORDER BY received_at, kind, id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut progress = 0;
        for (kind, id, body) in kept {
            let body: Option<Value> = body.and_then(|b| serde_json::from_str(&b).ok());
            match field::apply(tx, &kind, &id, body.as_ref())? {
                Applied::Written => {
                    forget(tx, &kind, &id)?;
                    progress += 1;
                }
                Applied::OwnPending => forget(tx, &kind, &id)?,
                Applied::Skipped => {}
            }
        }
        applied += progress;
        if progress == 0 {
            return Ok(applied);
        }
    }
}

/// How many records wait for their parent.
pub fn waiting(conn: &rusqlite::Connection) -> Result<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM pull_deferred", [], |r| r.get(0))?;
    Ok(n.unsigned_abs())
}
