//! Every check as the dashboard reads it: [`load_checks`] reads the checks with their photos, their answers'
//! evidence codes and their borrowers' names ([`Checks`]), [`Checks::row`] words one for the list (verdict and
//! flags), and [`DbDashboard::all_checks`] keeps what was read while the data it was read in stays the same.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde_json::Value;
use vieclam_core::messages::{Text, dashboard as d};

use super::{DbDashboard, body, commune_name, local_day, of_kind};
use crate::api::evidence;
use crate::dashboard::CheckRow;
use crate::db::Tx;
use crate::error::ApiResult;
use crate::params;
use crate::store::records::{self, Stored};

/// Every check as read, with the state of the data it was read in.
pub(super) type HeldChecks = (ChecksStamp, Arc<Checks>);

// `pub(super)` only because `HeldChecks`, the type of `DbDashboard`'s field, names it; its parts stay here.
/// The state of the data every check was read in: the newest change to any record, and the number of signed links
/// (a link arriving after its record changes the record's evidence status without a new `seq`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ChecksStamp {
    seq: i64,
    links: i64,
}

/// The verdict in both languages, from the check's `verdict.place` code.
fn verdict(check: &Value) -> String {
    let v = &check["verdict"];
    let metres = v["distance_m"].as_f64().map_or(String::new(), |d| format!(" ({d:.0} m)"));
    let Text { vi, en } = match v["place"].as_str().unwrap_or("") {
        "at_site" => d::STAYING_AT_SITE,
        "near" => d::NEAR_THE_SITE,
        "away" => d::AWAY_FROM_THE_SITE,
        "poor_fix" => d::LOCATION_TOO_IMPRECISE,
        "mocked" => d::MOCKED_LOCATION,
        _ => d::NO_VERDICT,
    };
    format!("{vi}{metres} / {en}")
}

/// What a check, its answers and photos hold against them, worded for the office.
fn flags(check: &Parsed, photos: &[Parsed], answers: &[Option<String>]) -> Vec<String> {
    let mut out = Vec::new();
    if matches!(check.body["verdict"]["place"].as_str(), Some("away" | "mocked" | "poor_fix")) {
        out.push(d::AWAY_FROM_THE_SITE.joined(&[]));
    }
    if photos.iter().any(|p| p.body["flags"]["reused"] == Value::Bool(true)) {
        out.push(d::REUSED_PHOTO.joined(&[]));
    }
    let codes = std::iter::once(check.rec.evidence.clone())
        .chain(photos.iter().map(|p| p.rec.evidence.clone()))
        .chain(answers.iter().cloned());
    let worst = evidence::worst(codes);
    if worst.is_finding() {
        let t = worst.text();
        out.push(format!("{} / {}", t.vi, t.en));
    }
    out
}

/// A stored record with its body read once: a page over 5,000 checks must not parse each body again for every
/// comparison of a sort or every flag it looks at.
// Seen from all of `web`, not only `data`: the report filters the checks and words their rows itself.
#[derive(Clone)]
pub(in crate::web) struct Parsed {
    pub(in crate::web) rec: Stored,
    pub(in crate::web) body: Value,
}

impl Parsed {
    fn new(rec: Stored) -> Parsed {
        Parsed { body: body(&rec), rec }
    }
}

/// Checks with their photos, the evidence codes of their answers, and the names of the borrowers they concern.
pub(in crate::web) struct Checks {
    /// Newest first.
    pub(in crate::web) checks: Vec<Parsed>,
    pub(super) photos: HashMap<String, Vec<Parsed>>,
    /// Each check's answers' evidence codes.
    answers: HashMap<String, Vec<Option<String>>>,
    borrowers: HashMap<String, String>,
}

/// The bounds of the ids of check `id`'s answers (`{id}/{question}`, the id the push enforces): `'0'` follows `'/'`.
pub(super) fn answer_range(id: &str) -> (String, String) {
    (format!("{id}/"), format!("{id}0"))
}

/// Every check, or with `only` just that one (none when it is not held), with what its row needs.
pub(super) async fn load_checks(tx: &mut Tx, only: Option<&str>) -> ApiResult<Checks> {
    let mut checks: Vec<Parsed> = match only {
        Some(id) => records::get(tx, "site_check", id).await?.filter(|c| !c.row.deleted).into_iter().collect(),
        None => of_kind(tx, "site_check").await?,
    }
    .into_iter()
    .map(Parsed::new)
    .collect();
    checks.sort_by_cached_key(|c| {
        std::cmp::Reverse((c.body["started_at"].as_str().unwrap_or_default().to_owned(), c.rec.seq))
    });
    let mut photos: HashMap<String, Vec<Parsed>> = HashMap::new();
    if !checks.is_empty() {
        for p in of_kind(tx, "check_photo").await?.into_iter().map(Parsed::new) {
            let check_id = p.body["check_id"].as_str().unwrap_or_default().to_owned();
            if only.is_none_or(|id| id == check_id) {
                photos.entry(check_id).or_default().push(p);
            }
        }
    }
    let mut answers: HashMap<String, Vec<Option<String>>> = HashMap::new();
    let rows = match only {
        Some(id) => {
            let (from, to) = answer_range(id);
            let sql =
                "SELECT id, evidence FROM records WHERE kind = 'check_answer' AND deleted = 0 AND id >= $1 AND id < $2";
            tx.query(sql, params![&from, &to]).await?
        }
        None => {
            tx.query("SELECT id, evidence FROM records WHERE kind = 'check_answer' AND deleted = 0", vec![]).await?
        }
    };
    for r in rows {
        let id = r.text(0);
        let check_id = id.split_once('/').map_or(id.as_str(), |(c, _)| c).to_owned();
        answers.entry(check_id).or_default().push(r.opt_text(1));
    }
    let ids: BTreeSet<&str> = checks.iter().filter_map(|c| c.rec.row.borrower_id.as_deref()).collect();
    let borrowers = borrower_names(tx, ids.into_iter().collect()).await?;
    Ok(Checks { checks, photos, answers, borrowers })
}

/// The names of the borrowers with these ids, a few hundred to a query: one query per check would make a page of
/// 5,000 checks wait on 5,000 round trips to PostgreSQL.
async fn borrower_names(tx: &mut Tx, ids: Vec<&str>) -> ApiResult<HashMap<String, String>> {
    const PER_QUERY: usize = 500;
    let mut names = HashMap::new();
    for chunk in ids.chunks(PER_QUERY) {
        let marks: Vec<String> = (2..chunk.len() + 2).map(|i| format!("${i}")).collect();
        let sql = format!("SELECT id, body FROM records WHERE kind = $1 AND id IN ({})", marks.join(", "));
        let mut args = params!["borrower"];
        args.extend(chunk.iter().map(|id| crate::db::Val::from(*id)));
        for r in tx.query(&sql, args).await? {
            let name =
                serde_json::from_str::<Value>(&r.text(1)).ok().and_then(|b| b["full_name"].as_str().map(str::to_owned));
            names.insert(r.text(0), name.unwrap_or_default());
        }
    }
    Ok(names)
}

impl Checks {
    pub(in crate::web) fn row(&self, c: &Parsed) -> CheckRow {
        let b = &c.body;
        let id = &c.rec.row.id;
        CheckRow {
            id: id.clone(),
            code: b["code"].as_str().unwrap_or("—").to_owned(),
            borrower_name: c
                .rec
                .row
                .borrower_id
                .as_ref()
                .and_then(|id| self.borrowers.get(id))
                .cloned()
                .unwrap_or_default(),
            commune_name: commune_name(c.rec.row.commune_code.as_deref().unwrap_or("")),
            checked_on: b["started_at"].as_str().and_then(local_day).unwrap_or_default(),
            verdict: verdict(b),
            flags: flags(
                c,
                self.photos.get(id).map_or(&[], Vec::as_slice),
                self.answers.get(id).map_or(&[], Vec::as_slice),
            ),
        }
    }
}

impl DbDashboard {
    /// Every check as [`load_checks`] reads them, kept while no record changes and no link arrives: the list, the
    /// map, the figures, the plans and the report all start from every check, and reading and parsing 5,000 checks
    /// with their photos and answers is most of what each of those pages costs.
    pub(in crate::web) async fn all_checks(&self, tx: &mut Tx) -> ApiResult<Arc<Checks>> {
        let seq = tx.one("SELECT MAX(seq) FROM records", vec![]).await?.map_or(0, |r| r.int(0));
        let links = tx.one("SELECT COUNT(*) FROM links", vec![]).await?.map_or(0, |r| r.int(0));
        let stamp = ChecksStamp { seq, links };
        let held = self.checks.lock().unwrap_or_else(|p| p.into_inner()).clone();
        if let Some((at, checks)) = held
            && at == stamp
        {
            return Ok(checks);
        }
        let checks = Arc::new(load_checks(tx, None).await?);
        *self.checks.lock().unwrap_or_else(|p| p.into_inner()) = Some((stamp, checks.clone()));
        Ok(checks)
    }
}
