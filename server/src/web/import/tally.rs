//! What an import would write, told before it writes: the records the batch becomes (the very rows
//! `Db::apply_office_batch` writes, made by the same `batch_rows`), kind by kind, each new, changed or already held
//! as it is, read in one snapshot of the database and without writing anything.

use std::collections::HashMap;
use std::sync::Arc;

use vieclam_core::store::office::OfficeBatch;

use crate::db::{Db, Val};
use crate::error::ApiResult;
use crate::store::office::batch_rows;
use crate::store::records::RecordRow;
use crate::work;

/// Ids looked up by one query: a few hundred parameters, inside both databases' limits.
const IDS_PER_QUERY: usize = 400;

/// The records of one kind an import would write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindTally {
    /// The record kind (`borrower`, `loan`, `payment`, …).
    pub kind: String,
    /// Records of this kind in the batch.
    pub total: usize,
    /// Not held yet.
    pub new: usize,
    /// Held, with something different: the import rewrites them.
    pub changed: usize,
}

impl KindTally {
    /// Held exactly as the import would write them: left as they are.
    pub fn unchanged(&self) -> usize {
        self.total - self.new - self.changed
    }
}

/// Whether the held row `(body, deleted, public, commune_code, borrower_id)` differs from `row` in anything the
/// write would change.
fn differs(held: &[Val], row: &RecordRow) -> bool {
    let text = |i: usize| match held.get(i) {
        Some(Val::Text(s)) => Some(s.as_str()),
        _ => None,
    };
    let int = |i: usize| match held.get(i) {
        Some(Val::Int(n)) => *n,
        _ => 0,
    };
    text(0) != Some(row.body.as_str())
        || (int(1) != 0) != row.deleted
        || (int(2) != 0) != row.public
        || text(3) != row.commune_code.as_deref()
        || text(4) != row.borrower_id.as_deref()
}

/// Each kind of record `batch` makes, in the order they are first met, with how many are new and changed.
pub async fn tally(db: &Db, batch: Arc<OfficeBatch>) -> ApiResult<Vec<KindTally>> {
    db.read(work!(|tx| async move {
        let rows = batch_rows(tx, &batch).await?;
        let mut order: Vec<String> = Vec::new();
        let mut by_kind: HashMap<&str, Vec<&RecordRow>> = HashMap::new();
        for r in &rows {
            if !by_kind.contains_key(r.kind.as_str()) {
                order.push(r.kind.clone());
            }
            by_kind.entry(r.kind.as_str()).or_default().push(r);
        }
        let mut out = Vec::with_capacity(order.len());
        for kind in order {
            let of_kind = &by_kind[kind.as_str()];
            let mut t = KindTally { kind: kind.clone(), total: of_kind.len(), ..KindTally::default() };
            for chunk in of_kind.chunks(IDS_PER_QUERY) {
                let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
                let sql = format!(
                    "SELECT id, body, deleted, public, commune_code, borrower_id FROM records \
                     WHERE kind = $1 AND id IN ({})",
                    marks.join(", ")
                );
                let mut params = vec![Val::from(kind.as_str())];
                params.extend(chunk.iter().map(|r| Val::from(r.id.as_str())));
                let held: HashMap<String, Vec<Val>> =
                    tx.query(&sql, params).await?.into_iter().map(|r| (r.text(0), r.0[1..].to_vec())).collect();
                for r in chunk {
                    match held.get(&r.id) {
                        None => t.new += 1,
                        Some(h) if differs(h, r) => t.changed += 1,
                        Some(_) => {}
                    }
                }
            }
            out.push(t);
        }
        Ok(out)
    }))
    .await
}
