//! Pull: pages of changes in the device's scope, from the stored cursor. Each page is applied in one transaction
//! together with its new cursor, so a page is either wholly on the device with the cursor after it, or not at all
//! (a cancelled or broken pull takes it again). Office kinds are written through the store's office-batch code
//! (and its index upkeep); field kinds through [`super::field`]. `reset` drops the office records held, in the
//! same transaction as the page that says so.

use rusqlite::Transaction;
use serde::Deserialize;
use serde_json::Value;

use super::cancel::{CancelToken, ProgressEvent, SyncPhase, SyncProgress};
use super::compact;
use super::deferred;
use super::error::{SyncError, SyncResult};
use super::field::{self, Applied};
use super::http::Http;
use super::state;
use super::store_access::{StoreAccess, with_store};
use super::wire::{Change, ChangeOp, PullResponse};
use crate::loans::Instalment;
use crate::store::office::{OfficeBatch, apply_office_batch_in, clear_office_records, delete_office_record};

/// How many changes to ask for per page on a link that keeps up: the server's most (`MAX_PULL_LIMIT`). Each page
/// is one transaction, and a first download of 10,000 loans (170,000 records) spent a third of its CPU rewriting
/// the same index pages into the WAL, encrypted and HMAC'd again at every commit: 5,000 a page instead of 2,000
/// took it from 6.7 s to 4.6 s (docs/design.md P1, `sync_bench`).
const PAGE: u32 = super::wire::MAX_PULL_LIMIT;
/// How many on a slow link: a page that took longer than [`SLOW_PAGE`] to arrive is followed by pages this size, so
/// a connection that drops mid-page (EDGE in a valley) loses seconds of download, not a minute.
const SMALL_PAGE: u32 = 1_000;
const _: () = assert!(SMALL_PAGE < PAGE);
/// How long a page may take before the next ones are small.
const SLOW_PAGE: std::time::Duration = std::time::Duration::from_secs(8);

/// What a pull did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PullOutcome {
    /// Records written or deleted.
    pub pulled: u64,
    /// Records not applied: an unknown kind, a body that does not fit, or the device's own pending record.
    pub skipped: u64,
    /// Pages committed.
    pub pages: u64,
    /// Bytes received.
    pub bytes_down: u64,
}

/// Pulls until the server says no more.
pub(crate) async fn pull(
    store: &dyn StoreAccess,
    http: &Http,
    progress: &dyn SyncProgress,
    cancel: &CancelToken,
    base_up: u64,
    base_down: u64,
) -> SyncResult<PullOutcome> {
    let mut out = PullOutcome::default();
    let mut limit = PAGE;
    loop {
        cancel.check()?;
        let cursor = with_store(store, |s| state::cursor(s.conn()))?;
        let path = match &cursor {
            Some(c) => format!("/v1/pull?limit={limit}&derive_ids=true&cursor={}", encode(c)),
            None => format!("/v1/pull?limit={limit}&derive_ids=true"),
        };
        let asked = std::time::Instant::now();
        let mut page = http.get_json::<PullResponse>(&path, cancel).await?;
        limit = page_after(asked.elapsed());
        // Ids and parent fields the server left out because they follow from the page (`compact`) go back first.
        compact::expand(&mut page.body.changes).map_err(|e| SyncError::Server(e.to_string()))?;
        out.bytes_down += page.down;
        // The last check before the commit: a cancel that came while the page was on its way leaves it unapplied.
        cancel.check()?;
        let (applied, skipped) = with_store(store, |s| {
            let tx = s.transaction()?;
            let counts = apply_page(&tx, &page.body)?;
            state::set_cursor(&tx, &page.body.cursor)?;
            tx.commit()?;
            Ok(counts)
        })?;
        out.pulled += applied;
        out.skipped += skipped;
        out.pages += 1;
        progress.on_progress(ProgressEvent {
            phase: SyncPhase::Pull,
            done: out.pulled,
            total: 0,
            bytes_up: base_up,
            bytes_down: base_down + out.bytes_down,
        });
        if !page.body.more {
            return Ok(out);
        }
    }
}

/// How many changes to ask for after a page that took `took` to arrive.
fn page_after(took: std::time::Duration) -> u32 {
    if took > SLOW_PAGE { SMALL_PAGE } else { PAGE }
}

/// Applies one page inside `tx`: (applied, skipped). Changes keep the server's order: upserts gather into one
/// office batch, flushed before any delete, so a delete followed by an upsert of the same record ends upserted.
pub fn apply_page(tx: &Transaction, page: &PullResponse) -> crate::Result<(u64, u64)> {
    if page.reset {
        clear_office_records(tx)?;
    }
    let mut batch = OfficeBatch::default();
    let (mut applied, mut skipped) = (0u64, 0u64);
    // Field records go in after the page's office records, which they may point at (a check at a site that came in
    // the same page).
    let mut fields = Vec::new();
    for change in &page.changes {
        if field::table_of(&change.kind).is_some() {
            fields.push(change);
            continue;
        }
        match change.op {
            ChangeOp::Delete => {
                apply_office_batch_in(tx, &std::mem::take(&mut batch))?;
                if delete_office_record(tx, &change.kind, &change.id)? { applied += 1 } else { skipped += 1 }
            }
            ChangeOp::Upsert => {
                if add_to_batch(&mut batch, change) {
                    applied += 1
                } else {
                    skipped += 1
                }
            }
        }
    }
    apply_office_batch_in(tx, &batch)?;
    for change in fields {
        let body = if change.op == ChangeOp::Upsert { change.body.as_ref() } else { None };
        match field::apply(tx, &change.kind, &change.id, body)? {
            Applied::Written => {
                deferred::forget(tx, &change.kind, &change.id)?;
                applied += 1;
            }
            Applied::OwnPending => {
                deferred::forget(tx, &change.kind, &change.id)?;
                skipped += 1;
            }
            // Most often an answer or photo whose check comes later: kept until it does.
            Applied::Skipped => {
                deferred::keep(tx, &change.kind, &change.id, body)?;
                skipped += 1;
            }
        }
    }
    // Kept records applied now count as applied in this page; they were counted as skipped in the page that brought
    // them (possibly an earlier one), so this page's skipped count is left as it is.
    let late = deferred::retry(tx)?;
    Ok((applied + late, skipped))
}

/// Adds an office record to the batch; false for an unknown kind or a body that is not that kind's record. The
/// body's own `id`, left out on the wire (`OFFICE_KINDS`), is put back from the change.
fn add_to_batch(b: &mut OfficeBatch, change: &Change) -> bool {
    let Some(mut body) = change.body.clone() else { return false };
    if let Value::Object(obj) = &mut body {
        obj.entry("id").or_insert_with(|| Value::String(change.id.clone()));
    }
    fn take<T: for<'de> Deserialize<'de>>(list: &mut Vec<T>, body: Value) -> bool {
        serde_json::from_value(body).map(|r| list.push(r)).is_ok()
    }
    match change.kind.as_str() {
        "savings_group" => take(&mut b.groups, body),
        "loan_programme" => take(&mut b.programmes, body),
        "borrower" => take(&mut b.borrowers, body),
        "loan" => take(&mut b.loans, body),
        "schedule" => match parse_schedule(body) {
            Some(s) => {
                b.schedules.push((change.id.clone(), s));
                true
            }
            None => false,
        },
        "payment" => take(&mut b.payments, body),
        "funded_model" => take(&mut b.models, body),
        "site" => take(&mut b.sites, body),
        "enterprise" => take(&mut b.enterprises, body),
        "job_programme" => take(&mut b.job_programmes, body),
        "inspection_plan" => take(&mut b.plans, body),
        "rule_set" => take(&mut b.rule_sets, body),
        "transaction_point" => take(&mut b.transaction_points, body),
        _ => false,
    }
}

/// One instalment of a schedule on the wire.
#[derive(Deserialize)]
struct WireInstalment {
    seq: u32,
    due_on: chrono::NaiveDate,
    principal_due: i64,
}

/// A loan's whole schedule as a `schedule` record carries it: a list of instalments, or an object holding one under
/// `instalments`. `None` when the body is neither.
pub fn parse_schedule(body: Value) -> Option<Vec<Instalment>> {
    let list = match body {
        Value::Object(mut o) => o.remove("instalments")?,
        other => other,
    };
    let items: Vec<WireInstalment> = serde_json::from_value(list).ok()?;
    Some(
        items
            .into_iter()
            .map(|i| Instalment { seq: i.seq, due_on: i.due_on, principal_due: i.principal_due })
            .collect(),
    )
}

/// Percent-encodes a cursor for the query string (cursors are opaque; keep only unreserved characters as they are).
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_slow_page_makes_the_next_ones_small_and_a_quick_one_large_again() {
        assert_eq!(page_after(Duration::from_millis(300)), PAGE);
        assert_eq!(page_after(SLOW_PAGE), PAGE);
        assert_eq!(page_after(SLOW_PAGE + Duration::from_millis(1)), SMALL_PAGE);
        assert_eq!(page_after(Duration::from_secs(40)), SMALL_PAGE);
    }
}
