//! The report and the minutes made once per state of the data: a plan's report over 5,000 checks takes the
//! dashboard's figures, every check and the reviews (several hundred milliseconds) and its Word file longer still,
//! while the clerk opens the page, prints it and downloads both files within minutes of one another. What was made is
//! kept with the state it was made from (the newest change to any record, the staff's names, the plan assignments and
//! the day) and made again as soon as any of them moves.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::db::Tx;
use crate::error::ApiResult;
use crate::report::doc::Document;
use crate::report::input::ReportInput;

/// The plans whose reports are kept at once; the oldest made goes first.
const KEPT: usize = 8;

/// The state of the data a report is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The newest change to any record.
    seq: i64,
    /// A digest of the staff's names and the plan assignments (they are not records).
    people: [u8; 32],
    /// The day in the province.
    today: NaiveDate,
}

/// Reads the state of the data now.
pub async fn stamp(tx: &mut Tx, today: NaiveDate) -> ApiResult<Stamp> {
    let seq = tx.one("SELECT MAX(seq) FROM records", vec![]).await?.map_or(0, |r| r.int(0));
    let mut h = Sha256::new();
    for r in tx.query("SELECT id, display_name FROM accounts ORDER BY id", vec![]).await? {
        h.update(format!("{}\t{}\n", r.text(0), r.text(1)).as_bytes());
    }
    let assigned = "SELECT plan_id, account_id, commune_code, starts_on, ends_on FROM plan_assignments \
                    ORDER BY plan_id, account_id, commune_code";
    for r in tx.query(assigned, vec![]).await? {
        h.update(format!("{}\t{}\t{}\t{}\t{}\n", r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)).as_bytes());
    }
    Ok(Stamp { seq, people: h.finalize().into(), today })
}

/// One plan's report as made from one state of the data, with its printed forms made on first asking.
pub struct Made {
    stamp: Stamp,
    /// What it was made from.
    pub input: Arc<ReportInput>,
    /// The report.
    pub doc: Document,
    html: OnceLock<String>,
    docx: OnceLock<Result<Vec<u8>, String>>,
    xlsx: OnceLock<Result<Vec<u8>, String>>,
}

impl Made {
    /// The report made from `input` in `stamp`.
    pub fn new(stamp: Stamp, input: ReportInput, doc: Document) -> Made {
        Made { stamp, input: Arc::new(input), doc, html: OnceLock::new(), docx: OnceLock::new(), xlsx: OnceLock::new() }
    }

    /// The printable page, made by `make` the first time.
    pub fn html(&self, make: impl FnOnce(&Document) -> String) -> &str {
        self.html.get_or_init(|| make(&self.doc))
    }

    /// The Word file, made by `make` the first time.
    pub fn docx(&self, make: impl FnOnce(&Document) -> Result<Vec<u8>, String>) -> &Result<Vec<u8>, String> {
        self.docx.get_or_init(|| make(&self.doc))
    }

    /// The workbook, made by `make` the first time.
    pub fn xlsx(&self, make: impl FnOnce(&Document) -> Result<Vec<u8>, String>) -> &Result<Vec<u8>, String> {
        self.xlsx.get_or_init(|| make(&self.doc))
    }
}

/// The reports kept, by plan id.
#[derive(Default)]
pub struct ReportCache {
    held: Mutex<HashMap<String, (u64, Arc<Made>)>>,
    made: std::sync::atomic::AtomicU64,
}

impl ReportCache {
    /// Plan `id`'s report if it was made from `stamp`.
    pub fn get(&self, id: &str, stamp: &Stamp) -> Option<Arc<Made>> {
        let held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.get(id).filter(|(_, m)| m.stamp == *stamp).map(|(_, m)| m.clone())
    }

    /// Keeps `made` for plan `id`, letting the oldest go past [`KEPT`] plans.
    pub fn put(&self, id: &str, made: Arc<Made>) {
        let n = self.made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.insert(id.to_owned(), (n, made));
        while held.len() > KEPT {
            let Some(oldest) = held.iter().min_by_key(|(_, (n, _))| *n).map(|(k, _)| k.clone()) else { break };
            held.remove(&oldest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(seq: i64) -> Stamp {
        Stamp { seq, people: [0; 32], today: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap() }
    }

    #[test]
    fn a_report_is_kept_for_its_state_only_and_the_oldest_plan_goes_first() {
        let cache = ReportCache::default();
        let made = |seq| Arc::new(Made::new(stamp(seq), ReportInput::default(), Document::default()));
        cache.put("a", made(1));
        assert!(cache.get("a", &stamp(1)).is_some());
        assert!(cache.get("a", &stamp(2)).is_none(), "a change to any record makes it again");
        let m = cache.get("a", &stamp(1)).unwrap();
        let mut calls = 0;
        m.html(|_| {
            calls += 1;
            "x".into()
        });
        m.html(|_| {
            calls += 1;
            "y".into()
        });
        assert_eq!((calls, m.html(|_| String::new())), (1, "x"));
        for i in 0..KEPT {
            cache.put(&format!("p{i}"), made(1));
        }
        assert!(cache.get("a", &stamp(1)).is_none(), "the oldest let go");
        assert!(cache.get(&format!("p{}", KEPT - 1), &stamp(1)).is_some());
    }
}
