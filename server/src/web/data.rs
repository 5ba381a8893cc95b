//! The dashboard's [`DashboardData`] over the database: figures summed from `records` (loans, schedules, payments,
//! checks, registrations), the checks with their verdict and flags, one check with its answers, photos and
//! evidence status, and verification through the same code as `registrations verify`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use serde_json::Value;
use vieclam_core::checks::checklist::{self, AnswerValue};
use vieclam_core::checks::lifecycle;
use vieclam_core::messages::Lang;
use vieclam_core::messages::checks as checks_msg;
use vieclam_core::messages::{Text, dashboard as d};
use vieclam_core::records::InspectionPlan;

use super::book::{self, Book};
use super::communes::{CheckFacts, figures};
use crate::api::evidence;
use crate::dashboard::communes::CommuneFigures;
use crate::dashboard::map::{MapPoint, PlanOption};
use crate::dashboard::plans::{CheckAt, PlanCommune, PlanProgress};
use crate::dashboard::users::{DeviceRow, UserAction, UserRow};
use crate::dashboard::walk::WalkView;
use crate::dashboard::{
    AnswerView, CheckDetail, CheckRow, DashboardData, DashboardOverview, EvidenceFinding, PhotoView, RegistrationRow,
};
use crate::db::{Db, Tx};
use crate::error::{ApiError, ApiResult};
use crate::store::records::{self, SELECT, Stored, from_row};
use crate::{admin, params, work};

/// How many makings of the loan book's figures (for different days of comparison) are kept at once.
const BOOKS_KEPT: usize = 3;

/// How many checks the list shows.
const CHECKS_SHOWN: usize = 200;

/// The dashboard's data source.
#[derive(Clone)]
pub struct DbDashboard {
    db: Db,
    /// The loan book's figures as last made (see [`book`]), newest last, for a few days of comparison at once.
    book: Arc<Mutex<Vec<Arc<Book>>>>,
    /// The reports to the province as last made (see [`super::report_cache`]).
    pub(super) reports: Arc<super::report_cache::ReportCache>,
    /// Every check as last read, with the state of the data it was read in (see [`DbDashboard::all_checks`]).
    checks: Arc<Mutex<Option<HeldChecks>>>,
}

/// Every check as read, with the state of the data it was read in.
type HeldChecks = (ChecksStamp, Arc<Checks>);

/// The state of the data every check was read in: the newest change to any record, and the number of signed links
/// (a link arriving after its record changes the record's evidence status without a new `seq`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ChecksStamp {
    seq: i64,
    links: i64,
}

impl DbDashboard {
    /// Over `db`.
    pub fn new(db: Db) -> DbDashboard {
        DbDashboard { db, book: Arc::default(), reports: Arc::default(), checks: Arc::default() }
    }

    /// The database it reads.
    pub(super) fn db(&self) -> &Db {
        &self.db
    }
}

fn say(e: ApiError) -> String {
    e.code.to_owned()
}

pub(super) fn body(s: &Stored) -> Value {
    serde_json::from_str(&s.row.body).unwrap_or(Value::Null)
}

pub(super) async fn of_kind(tx: &mut Tx, kind: &str) -> ApiResult<Vec<Stored>> {
    let rows = tx.query(&format!("{SELECT} WHERE kind = $1 AND deleted = 0 ORDER BY seq"), params![kind]).await?;
    Ok(rows.iter().map(from_row).collect())
}

fn day(text: &str) -> Option<NaiveDate> {
    text.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The day in Lạng Sơn (UTC+7) of a stored UTC time: a check at 06:00 there was made that day, not the day before.
pub(super) fn local_day(text: &str) -> Option<NaiveDate> {
    lifecycle::local_date(text).or_else(|| day(text))
}

/// Whether a registration waits for the office: neither verified nor rejected yet.
fn awaits_office(b: &Value) -> bool {
    !matches!(b["status"].as_str(), Some("verified" | "rejected"))
}

pub(super) fn commune_name(code: &str) -> String {
    vieclam_core::places::commune(code).map_or_else(|| code.to_owned(), |c| c.name.clone())
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

/// Every leaf of `v` under its dotted path (`verdict.place`), written canonically so `4` and `4.0` read alike.
fn leaves(path: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (k, inner) in map {
                leaves(&if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, inner, out);
            }
        }
        other => {
            let text = vieclam_core::evidence::signing::canonical(other)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_else(|| other.to_string());
            out.insert(path.to_owned(), text);
        }
    }
}

/// What is wrong with `rec`'s evidence, if anything: the status in words and, for a record changed after signing,
/// each field whose stored value differs from the value its device signed.
/// The area the office's own loan file funds for the site a walk names, hectares: the walk carries the figure its
/// device had, which the office compares with rather than takes on trust.
async fn funded_area_of(tx: &mut Tx, walk: &Value) -> ApiResult<Option<f64>> {
    let Some(site_id) = walk["site_id"].as_str() else { return Ok(None) };
    let Some(site) = records::get(tx, "site", site_id).await? else { return Ok(None) };
    let Some(model_id) = body(&site)["model_id"].as_str().map(str::to_owned) else { return Ok(None) };
    Ok(records::get(tx, "funded_model", &model_id).await?.and_then(|m| body(&m)["funded_area_ha"].as_f64()))
}

async fn evidence_finding(tx: &mut Tx, rec: &Stored) -> ApiResult<Option<EvidenceFinding>> {
    let binding = evidence::worst([rec.evidence.clone()]);
    if !binding.is_finding() {
        return Ok(None);
    }
    let mut changed = Vec::new();
    if binding == vieclam_core::evidence::binding::Binding::ChangedAfterSigning
        && let Some(link) = evidence::named_link(tx, rec).await?
    {
        let signed: Value = serde_json::from_str(&link.body).unwrap_or(Value::Null);
        let (mut was, mut now) = (BTreeMap::new(), BTreeMap::new());
        leaves("", &signed, &mut was);
        leaves("", &body(rec), &mut now);
        let keys: BTreeSet<&String> = was.keys().chain(now.keys()).collect();
        let null = "null".to_owned();
        for k in keys {
            let (a, b) = (was.get(k).unwrap_or(&null), now.get(k).unwrap_or(&null));
            // The reference to the link itself is the one field the device could not sign.
            if a != b && !(a == "null" && matches!(k.as_str(), "signature" | "finish_signature")) {
                changed.push((k.clone(), a.clone(), b.clone()));
            }
        }
    }
    let t = binding.text();
    Ok(Some(EvidenceFinding {
        kind: rec.row.kind.clone(),
        record_id: rec.row.id.clone(),
        code: binding.code().to_owned(),
        text: format!("{} / {}", t.vi, t.en),
        changed,
    }))
}

/// A fix's latitude, longitude and accuracy, when the body has the first two as numbers.
fn fix_of(fix: &Value) -> Option<(f64, f64, f64)> {
    Some((fix["lat"].as_f64()?, fix["lon"].as_f64()?, fix["accuracy_m"].as_f64().unwrap_or(f64::NAN)))
}

/// A check's answers in the checklist's order, worded by the core's checklist in both languages. An answer to a
/// question this build does not know, or one that does not fit its question (a hostile or newer client), is shown
/// as sent rather than dropped: the office must see everything it was given.
fn answers_in_words(answers: &[Stored]) -> Vec<AnswerView> {
    let mut out: Vec<(usize, AnswerView)> = answers
        .iter()
        .map(|a| {
            let b = body(a);
            let key = b["question"].as_str().unwrap_or_default();
            let raw = match &b["value"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let order = checklist::QUESTIONS.iter().position(|q| q.key == key).unwrap_or(usize::MAX);
            let view = match checklist::question(key) {
                Some(q) => {
                    let value = AnswerValue::from_json(&q.kind, &b["value"]);
                    let word = |lang| value.as_ref().map_or_else(|| raw.clone(), |v| v.text(q, lang));
                    AnswerView {
                        question_vi: q.prompt.vi.to_owned(),
                        question_en: q.prompt.en.to_owned(),
                        answer_vi: word(Lang::Vi),
                        answer_en: word(Lang::En),
                        misuse_found: q.misuse && value == Some(AnswerValue::YesNo(true)),
                    }
                }
                None => AnswerView {
                    question_vi: key.to_owned(),
                    question_en: key.to_owned(),
                    answer_vi: raw.clone(),
                    answer_en: raw,
                    misuse_found: false,
                },
            };
            (order, view)
        })
        .collect();
    out.sort_by_key(|(order, _)| *order);
    out.into_iter().map(|(_, v)| v).collect()
}

/// A photo record in words: its stamp (time, the phone's fix, the camera's own GPS) and its flags.
fn photo_view(p: &Value, held: &HashSet<String>) -> Option<PhotoView> {
    let sha256 = p["sha256"].as_str()?.to_ascii_lowercase();
    let flag = |name: &str| p["flags"][name] == Value::Bool(true);
    let flags = [
        (flag("reused"), checks_msg::FLAG_REUSED),
        (flag("gps_disagrees"), checks_msg::FLAG_GPS_DISAGREES),
        (flag("late"), checks_msg::FLAG_LATE),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, t)| format!("{} / {}", t.vi, t.en))
    .collect();
    let camera_gps = match &p["source_gps"] {
        Value::Array(xy) if xy.len() == 2 => xy[0].as_f64().zip(xy[1].as_f64()),
        _ => None,
    };
    let taken_at = p["taken_at"].as_str().map(lifecycle::local_text);
    Some(PhotoView {
        received: held.contains(&sha256),
        sha256,
        taken_at: taken_at.unwrap_or_default(),
        size_px: (p["width"].as_u64().unwrap_or(0) as u32, p["height"].as_u64().unwrap_or(0) as u32),
        fix: fix_of(&p["fix"]),
        camera_gps,
        gps_gap_m: p["flags"]["gps_gap_m"].as_f64(),
        delay_min: p["flags"]["delay_min"].as_i64(),
        flags,
    })
}

/// A stored record with its body read once: a page over 5,000 checks must not parse each body again for every
/// comparison of a sort or every flag it looks at.
#[derive(Clone)]
pub(super) struct Parsed {
    pub(super) rec: Stored,
    pub(super) body: Value,
}

impl Parsed {
    fn new(rec: Stored) -> Parsed {
        Parsed { body: body(&rec), rec }
    }
}

/// Checks with their photos, the evidence codes of their answers, and the names of the borrowers they concern.
pub(super) struct Checks {
    /// Newest first.
    pub(super) checks: Vec<Parsed>,
    photos: HashMap<String, Vec<Parsed>>,
    /// Each check's answers' evidence codes.
    answers: HashMap<String, Vec<Option<String>>>,
    borrowers: HashMap<String, String>,
}

/// The bounds of the ids of check `id`'s answers (`{id}/{question}`, the id the push enforces): `'0'` follows `'/'`.
fn answer_range(id: &str) -> (String, String) {
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
    pub(super) fn row(&self, c: &Parsed) -> CheckRow {
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
    /// Whether the server holds registration `id` (not deleted).
    async fn holds_registration(&self, id: &str) -> Result<bool, String> {
        let key = id.to_owned();
        self.db
            .read::<bool>(work!(|tx| async move {
                Ok(records::get(tx, "worker_registration", &key).await?.is_some_and(|r| !r.row.deleted))
            }))
            .await
            .map_err(say)
    }

    /// Every commune's figures as the figures page shows them: the loan book on `today` (and `since`), the latest
    /// revision of each check (with `plan`, only checks in its communes during its days), the registrations. The
    /// report to the province calls this too, so its numbers are the page's.
    pub(super) async fn commune_figures(
        &self,
        tx: &mut Tx,
        today: NaiveDate,
        since: Option<NaiveDate>,
        plan: Option<&InspectionPlan>,
    ) -> ApiResult<Vec<CommuneFigures>> {
        let book = self.book_in(tx, today, Some(since)).await?;
        let loaded = self.all_checks(tx).await?;
        let in_plan = |c: &Parsed| {
            plan.is_none_or(|p| {
                let on = c.body["started_at"].as_str().and_then(local_day);
                c.rec.row.commune_code.as_ref().is_some_and(|code| p.commune_codes.contains(code))
                    && on.is_some_and(|d| p.starts_on <= d && d <= p.ends_on)
            })
        };
        // A corrected check replaces the one it revises: each visit counts once, as its latest revision.
        let mut latest: HashMap<String, &Parsed> = HashMap::new();
        for c in loaded.checks.iter().filter(|c| in_plan(c)) {
            let root = c.body["root_id"].as_str().unwrap_or(&c.rec.row.id).to_owned();
            let revision = |p: &Parsed| p.body["revision"].as_u64().unwrap_or(0);
            if latest.get(&root).is_none_or(|held| revision(held) < revision(c)) {
                latest.insert(root, c);
            }
        }
        let mut answers: HashMap<String, Vec<(String, Value)>> = HashMap::new();
        for a in of_kind(tx, "check_answer").await? {
            let b = body(&a);
            let (Some(check), Some(key)) = (b["check_id"].as_str(), b["question"].as_str()) else { continue };
            answers.entry(check.to_owned()).or_default().push((key.to_owned(), b["value"].clone()));
        }
        let facts: Vec<CheckFacts> = latest
            .values()
            .map(|c| CheckFacts {
                commune: c.rec.row.commune_code.clone().unwrap_or_default(),
                flagged: !loaded.row(c).flags.is_empty(),
                answers: answers.remove(&c.rec.row.id).unwrap_or_default(),
            })
            .collect();
        let registrations: Vec<String> = of_kind(tx, "worker_registration")
            .await?
            .iter()
            .filter_map(|r| body(r)["commune_code"].as_str().map(str::to_owned))
            .collect();
        // Programmes open today where they are local (work abroad is open to every commune).
        let programmes: Vec<String> = of_kind(tx, "job_programme")
            .await?
            .iter()
            .filter_map(|p| serde_json::from_str::<vieclam_core::records::JobProgramme>(&p.row.body).ok())
            .filter(|p| p.opens_on <= today && p.closes_on.is_none_or(|c| c >= today))
            .filter_map(|p| p.commune_code)
            .collect();
        let mut rows = figures(&book, &facts, &registrations, &programmes);
        if since.is_none() {
            // Kept figures made with a day of comparison answer a request without one: it shows no growth.
            rows.iter_mut().for_each(|r| r.outstanding_since = None);
        }
        Ok(rows)
    }

    /// Keeps the loan book's figures made for today, looking every `every` whether the book changed and making them
    /// again if so, so the first clerk to open the front page after an import does not wait the seconds a
    /// province's book takes. Runs on the current Tokio runtime (none: does nothing) and ends when the dashboard is
    /// dropped.
    pub fn keep_book_warm(this: &Arc<DbDashboard>, every: std::time::Duration) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        let weak = Arc::downgrade(this);
        runtime.spawn(async move {
            while let Some(dashboard) = weak.upgrade() {
                let today = vieclam_core::query::session::today_in_province();
                let (db, this) = (dashboard.db.clone(), (*dashboard).clone());
                drop(dashboard);
                // With the report's day of comparison: the same figures answer the front page, the figures page
                // and every report of the year.
                let since = Some(Some(super::report::year_start(today)));
                let made = db.read(work!(|tx| async move { this.book_in(tx, today, since).await.map(|_| ()) })).await;
                if let Err(e) = made {
                    tracing::warn!(code = e.code, "making the loan book's figures failed");
                }
                tokio::time::sleep(every).await;
            }
        });
    }

    /// Whether the kept figures are those of the book as it stands today.
    pub async fn book_is_current(&self) -> Result<bool, String> {
        let today = vieclam_core::query::session::today_in_province();
        let held = self.book.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let seen = self.db.read(work!(|tx| async move { book::seen(tx).await })).await.map_err(say)?;
        Ok(held.iter().any(|b| b.answers(seen, today, None)))
    }

    /// Every check as [`load_checks`] reads them, kept while no record changes and no link arrives: the list, the
    /// map, the figures, the plans and the report all start from every check, and reading and parsing 5,000 checks
    /// with their photos and answers is most of what each of those pages costs.
    pub(super) async fn all_checks(&self, tx: &mut Tx) -> ApiResult<Arc<Checks>> {
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

    /// The book's figures for `today` (and `since`, when `Some`), kept or made again.
    async fn book_in(&self, tx: &mut Tx, today: NaiveDate, since: Option<Option<NaiveDate>>) -> ApiResult<Arc<Book>> {
        let held = self.book.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let seen = book::seen(tx).await?;
        if let Some(b) = held.into_iter().rev().find(|b| b.answers(seen, today, since)) {
            return Ok(b);
        }
        let made = Arc::new(book::compute(tx, today, since.flatten(), seen).await?);
        let mut kept = self.book.lock().unwrap_or_else(|p| p.into_inner());
        // Figures of an older book answer nothing any more; of the current one, a few days of comparison are kept
        // (the report's end of last year, and whatever day a clerk chose on the figures page).
        kept.retain(|b| b.seen == seen && b.today == today);
        kept.push(made.clone());
        let excess = kept.len().saturating_sub(BOOKS_KEPT);
        kept.drain(..excess);
        Ok(made)
    }
}

impl DashboardData for DbDashboard {
    async fn overview(&self) -> Result<DashboardOverview, String> {
        // The province's day, as on the phones: at 06:00 in Lạng Sơn it is still yesterday in UTC.
        let today = vieclam_core::query::session::today_in_province();
        let this = self.clone();
        self.db
            .read(work!(|tx| async move {
                let t = this.book_in(tx, today, None).await?.totals();
                let mut o = DashboardOverview {
                    loans: t.loans,
                    outstanding: t.outstanding,
                    overdue: t.overdue_loans,
                    overdue_amount: t.overdue_amount,
                    ..Default::default()
                };
                let checks = this.all_checks(tx).await?;
                for row in checks.checks.iter().map(|c| checks.row(c)) {
                    o.checks_today += u64::from(row.checked_on == today);
                    o.flagged_checks += u64::from(!row.flags.is_empty());
                }
                let regs = of_kind(tx, "worker_registration").await?;
                o.unverified_registrations = regs.iter().filter(|r| awaits_office(&body(r))).count() as u64;
                let devices = tx
                    .one("SELECT COUNT(*) FROM devices WHERE revoked_at IS NULL AND platform <> 'web'", vec![])
                    .await?;
                o.devices = devices.map_or(0, |r| r.int(0).max(0) as u64);
                let last = tx.one("SELECT MAX(received_at) FROM mutations", vec![]).await?;
                o.last_sync = last.and_then(|r| r.opt_text(0)).as_deref().and_then(day);
                Ok(o)
            }))
            .await
            .map_err(say)
    }

    async fn checks(&self) -> Result<Vec<CheckRow>, String> {
        let this = self.clone();
        self.db
            .read(work!(|tx| async move {
                let checks = this.all_checks(tx).await?;
                Ok(checks.checks.iter().take(CHECKS_SHOWN).map(|c| checks.row(c)).collect())
            }))
            .await
            .map_err(say)
    }

    async fn check(&self, id: &str) -> Result<Option<CheckDetail>, String> {
        let id = id.to_owned();
        self.db
            .read::<Option<CheckDetail>>(work!(|tx| async move {
                let checks = load_checks(tx, Some(&id)).await?;
                let Some(c) = checks.checks.first() else { return Ok(None) };
                let inspector = match &c.rec.row.author_id {
                    Some(a) => crate::store::accounts::by_id(tx, a).await?.map(|a| a.display_name).unwrap_or_default(),
                    None => String::new(),
                };
                let (from, to) = answer_range(&id);
                let answers: Vec<Stored> = tx
                    .query(
                        &format!(
                            "{SELECT} WHERE kind = 'check_answer' AND deleted = 0 AND id >= $1 AND id < $2 ORDER BY seq"
                        ),
                        params![&from, &to],
                    )
                    .await?
                    .iter()
                    .map(from_row)
                    .collect();
                let photos: Vec<Parsed> = checks.photos.get(&id).cloned().unwrap_or_default();
                // One walk per check, under the check's id; a correction without its own walk shows the walk of the
                // visit's first revision.
                let mut walk = records::get(tx, "plot_walk", &id).await?.filter(|w| !w.row.deleted);
                if walk.is_none()
                    && let Some(root) = c.body["root_id"].as_str().filter(|root| *root != id)
                {
                    walk = records::get(tx, "plot_walk", root).await?.filter(|w| !w.row.deleted);
                }
                let office_funded = match &walk {
                    Some(w) => funded_area_of(tx, &body(w)).await?,
                    None => None,
                };
                let mut held = HashSet::new();
                for p in &photos {
                    let sha = p.body["sha256"].as_str().unwrap_or_default().to_ascii_lowercase();
                    if tx.one("SELECT 1 FROM photos WHERE sha256 = $1", params![&sha]).await?.is_some() {
                        held.insert(sha);
                    }
                }
                // The evidence verifies when the check, each answer and each photo is exactly what its author's
                // device signed; every record that is not says why, with both versions where it was changed.
                let mut findings = Vec::new();
                let records = std::iter::once(&c.rec).chain(answers.iter()).chain(photos.iter().map(|p| &p.rec));
                for rec in records.chain(walk.iter()) {
                    if let Some(f) = evidence_finding(tx, rec).await? {
                        findings.push(f);
                    }
                }
                Ok(Some(CheckDetail {
                    check: checks.row(c),
                    inspector,
                    fix: fix_of(&c.body["fix"]),
                    answers: answers_in_words(&answers),
                    photos: photos.iter().filter_map(|p| photo_view(&p.body, &held)).collect(),
                    evidence_verified: findings.is_empty(),
                    evidence: findings,
                    walk: walk.and_then(|w| WalkView::from_stored(&body(&w), w.evidence.as_deref(), office_funded)),
                }))
            }))
            .await
            .map_err(say)
    }

    async fn map(&self) -> Result<(Vec<MapPoint>, Vec<PlanOption>), String> {
        let this = self.clone();
        self.db
            .read(work!(|tx| async move {
                let checks = this.all_checks(tx).await?;
                let points = checks
                    .checks
                    .iter()
                    .filter_map(|c| {
                        let b = &c.body;
                        // A check is placed where the inspector's fix put it; one without a fix has no place.
                        let (lat, lon) = (b["fix"]["lat"].as_f64()?, b["fix"]["lon"].as_f64()?);
                        let row = checks.row(c);
                        Some(MapPoint {
                            id: row.id,
                            code: row.code,
                            lat,
                            lon,
                            commune_code: c.rec.row.commune_code.clone().unwrap_or_default(),
                            checked_on: row.checked_on,
                            place: b["verdict"]["place"].as_str().unwrap_or_default().to_owned(),
                            flagged: !row.flags.is_empty(),
                            label: format!("{} · {}", row.borrower_name, row.verdict),
                        })
                    })
                    .collect();
                let mut plans: Vec<PlanOption> = of_kind(tx, "inspection_plan")
                    .await?
                    .iter()
                    .filter_map(|p| serde_json::from_str::<InspectionPlan>(&p.row.body).ok())
                    .map(|p| PlanOption {
                        name: format!("{} — {}", p.code, p.title),
                        id: p.id,
                        starts_on: p.starts_on,
                        ends_on: p.ends_on,
                        commune_codes: p.commune_codes,
                    })
                    .collect();
                plans.sort_by_key(|p| std::cmp::Reverse(p.starts_on));
                Ok((points, plans))
            }))
            .await
            .map_err(say)
    }

    async fn communes(
        &self,
        since: Option<NaiveDate>,
        plan: Option<String>,
    ) -> Result<(Vec<CommuneFigures>, NaiveDate), String> {
        let today = vieclam_core::query::session::today_in_province();
        let this = self.clone();
        self.db
            .read(work!(|tx| async move {
                let plan = match plan {
                    Some(id) => super::report::plan(tx, &id).await?,
                    None => None,
                };
                Ok((this.commune_figures(tx, today, since, plan.as_ref()).await?, today))
            }))
            .await
            .map_err(say)
    }

    async fn plans(&self) -> Result<(Vec<PlanProgress>, NaiveDate), String> {
        let today = vieclam_core::query::session::today_in_province();
        let this = self.clone();
        self.db
            .read(work!(|tx| async move {
                let mut team: HashMap<String, BTreeSet<(String, String)>> = HashMap::new();
                let members = tx
                    .query(
                        "SELECT DISTINCT p.plan_id, a.display_name, a.role FROM plan_assignments p
                         JOIN accounts a ON a.id = p.account_id",
                        vec![],
                    )
                    .await?;
                for r in members {
                    let role = if r.text(2) == "inspector" { d::MEMBER_INSPECTOR.vi } else { d::MEMBER_ADMIN.vi };
                    team.entry(r.text(0)).or_default().insert((r.text(1), role.to_owned()));
                }
                let mut sites: HashMap<String, u64> = HashMap::new();
                let counted = tx
                    .query(
                        "SELECT commune_code, COUNT(*) FROM records WHERE kind = 'site' AND deleted = 0
                         GROUP BY commune_code",
                        vec![],
                    )
                    .await?;
                for r in counted {
                    sites.insert(r.text(0), r.int(1).max(0) as u64);
                }
                let loaded = this.all_checks(tx).await?;
                let checks: Vec<CheckAt> = loaded
                    .checks
                    .iter()
                    .map(|c| {
                        let row = loaded.row(c);
                        CheckAt {
                            commune: c.rec.row.commune_code.clone().unwrap_or_default(),
                            on: row.checked_on,
                            site_id: c.body["site_id"].as_str().unwrap_or_default().to_owned(),
                            flagged: !row.flags.is_empty(),
                        }
                    })
                    .collect();
                let mut plans: Vec<PlanProgress> = of_kind(tx, "inspection_plan")
                    .await?
                    .iter()
                    .filter_map(|p| serde_json::from_str::<InspectionPlan>(&p.row.body).ok())
                    .map(|p| {
                        // The team by function when the plan keeps it; a plan from before, by its assignments.
                        let assigned = team.remove(&p.id).map(|t| t.into_iter().collect()).unwrap_or_default();
                        let mut progress = PlanProgress {
                            team: if p.team.is_empty() {
                                assigned
                            } else {
                                let words = |m: &vieclam_core::records::TeamMember| {
                                    format!("{} / {}", m.role_label(Lang::Vi), m.role_label(Lang::En))
                                };
                                p.team.iter().map(|m| (m.name.clone(), words(m))).collect()
                            },
                            closed_on: p.closed_on,
                            communes: p
                                .commune_codes
                                .iter()
                                .map(|code| PlanCommune {
                                    code: code.clone(),
                                    name: commune_name(code),
                                    sites: sites.get(code).copied().unwrap_or(0),
                                    ..Default::default()
                                })
                                .collect(),
                            id: p.id,
                            code: p.code,
                            title: p.title,
                            starts_on: p.starts_on,
                            ends_on: p.ends_on,
                        };
                        progress.tally(&checks);
                        progress
                    })
                    .collect();
                plans.sort_by_key(|p| std::cmp::Reverse(p.starts_on));
                Ok((plans, today))
            }))
            .await
            .map_err(say)
    }

    async fn users(&self) -> Result<Vec<UserRow>, String> {
        self.db
            .read(work!(|tx| async move {
                let mut rows: Vec<UserRow> = tx
                    .query(
                        "SELECT id, username, display_name, role, disabled FROM accounts
                         WHERE role IN ('admin', 'inspector') ORDER BY role, username",
                        vec![],
                    )
                    .await?
                    .iter()
                    .map(|r| UserRow {
                        id: r.text(0),
                        username: r.text(1),
                        name: r.text(2),
                        role: r.text(3),
                        disabled: r.int(4) != 0,
                        devices: Vec::new(),
                    })
                    .collect();
                // Field devices only: an office sign-in is a "web" device of its own and ends with its session.
                let devices = tx
                    .query(
                        "SELECT d.account_id, d.id, d.name, d.platform, d.created_at, d.revoked_at FROM devices d
                         JOIN accounts a ON a.id = d.account_id
                         WHERE a.role IN ('admin', 'inspector') AND d.platform <> 'web' ORDER BY d.created_at",
                        vec![],
                    )
                    .await?;
                for d in devices {
                    if let Some(u) = rows.iter_mut().find(|u| u.id == d.text(0)) {
                        u.devices.push(DeviceRow {
                            id: d.text(1),
                            name: d.text(2),
                            platform: d.text(3),
                            enrolled_on: local_day(&d.text(4)).map_or_else(String::new, vieclam_core::format::date),
                            revoked: d.opt_text(5).is_some(),
                        });
                    }
                }
                Ok(rows)
            }))
            .await
            .map_err(say)
    }

    async fn user_action(&self, action: UserAction) -> Result<Result<String, String>, String> {
        let db = &self.db;
        Ok(match action {
            UserAction::Add { role, username, name } => {
                let (username, name) = (username.trim().to_owned(), name.trim().to_owned());
                let role = match vieclam_core::sync::wire::Role::parse(&role) {
                    Some(r @ (vieclam_core::sync::wire::Role::Admin | vieclam_core::sync::wire::Role::Inspector)) => r,
                    _ => return Ok(Err(d::ROLE_ADMIN_OR_INSPECTOR.joined(&[]))),
                };
                if username.is_empty() || name.is_empty() {
                    return Ok(Err(d::NAMES_NEEDED.joined(&[])));
                }
                let password = admin::generated_password();
                admin::add_user(db, role, &username, &name, &password).await.map(|_| {
                    let args = [("username", username.as_str()), ("password", password.as_str())];
                    format!(
                        "{}\n{}",
                        d::ACCOUNT_CREATED.fill(Lang::Vi, &args),
                        d::ACCOUNT_CREATED.fill(Lang::En, &args)
                    )
                })
            }
            UserAction::Disable(id) => admin::disable_user(db, &id).await.map(|c| {
                d::ACCOUNT_DISABLED_DONE
                    .joined(&[("name", &c.account.display_name), ("n", &c.tokens_revoked.to_string())])
            }),
            UserAction::Enable(id) => {
                admin::enable_user(db, &id).await.map(|a| d::ACCOUNT_ENABLED_DONE.joined(&[("name", &a.display_name)]))
            }
            UserAction::ResetPassword(id) => {
                let password = admin::generated_password();
                admin::reset_password(db, &id, &password).await.map(|c| {
                    let args = [("name", c.account.display_name.as_str()), ("password", password.as_str())];
                    format!("{}\n{}", d::NEW_PASSWORD.fill(Lang::Vi, &args), d::NEW_PASSWORD.fill(Lang::En, &args))
                })
            }
            UserAction::RevokeDevice(id) => {
                admin::revoke_device(db, &id).await.map(|()| d::DEVICE_REVOKED_DONE.joined(&[]))
            }
        })
    }

    async fn unverified_registrations(&self) -> Result<Vec<RegistrationRow>, String> {
        self.db
            .read(work!(|tx| async move {
                let regs = of_kind(tx, "worker_registration").await?;
                Ok(regs
                    .iter()
                    .map(|r| (r.row.id.clone(), body(r)))
                    .filter(|(_, b)| awaits_office(b))
                    .map(|(id, b)| RegistrationRow {
                        id,
                        full_name: b["full_name"].as_str().unwrap_or_default().to_owned(),
                        commune_name: commune_name(b["commune_code"].as_str().unwrap_or_default()),
                        country: b["country_abroad"].as_str().unwrap_or("—").to_owned(),
                        submitted_on: b["created_at"].as_str().and_then(day).unwrap_or_default(),
                    })
                    .collect())
            }))
            .await
            .map_err(say)
    }

    async fn reject_registration(&self, id: &str, reason: &str) -> Result<Result<bool, String>, String> {
        if let Err(why) = admin::reject_reason(reason) {
            return Ok(Err(why));
        }
        if !self.holds_registration(id).await? {
            return Ok(Ok(false));
        }
        admin::reject_registration(&self.db, id, reason).await.map(|()| Ok(true))
    }

    async fn verify_registration(&self, id: &str) -> Result<bool, String> {
        if !self.holds_registration(id).await? {
            return Ok(false);
        }
        admin::verify_registration(&self.db, id).await.map(|()| true)
    }
}
