//! The dashboard's [`DashboardData`] over the database: figures summed from `records` (loans, schedules, payments,
//! checks, registrations), the checks with their verdict and flags, one check with its answers, photos and
//! evidence status, and verification through the same code as `registrations verify`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use serde_json::Value;
use vieclam_core::checks::checklist::{self, AnswerValue};
use vieclam_core::loans::Instalment;
use vieclam_core::loans::status::LoanState;
use vieclam_core::messages::Lang;
use vieclam_core::messages::checks as checks_msg;
use vieclam_core::query::facts::LoanFacts;
use vieclam_core::records::{InspectionPlan, Loan, LoanPayment};
use vieclam_core::sync::pull::parse_schedule;

use crate::api::evidence;
use crate::dashboard::map::{MapPoint, PlanOption};
use crate::dashboard::{
    AnswerView, CheckDetail, CheckRow, DashboardData, DashboardOverview, EvidenceFinding, PhotoView, RegistrationRow,
};
use crate::db::{Db, Tx};
use crate::error::{ApiError, ApiResult};
use crate::store::records::{self, SELECT, Stored, from_row};
use crate::{admin, params, work};

/// How many checks the list shows.
const CHECKS_SHOWN: usize = 200;

/// The dashboard's data source.
#[derive(Clone)]
pub struct DbDashboard {
    db: Db,
}

impl DbDashboard {
    /// Over `db`.
    pub fn new(db: Db) -> DbDashboard {
        DbDashboard { db }
    }
}

fn say(e: ApiError) -> String {
    e.code.to_owned()
}

fn body(s: &Stored) -> Value {
    serde_json::from_str(&s.row.body).unwrap_or(Value::Null)
}

async fn of_kind(tx: &mut Tx, kind: &str) -> ApiResult<Vec<Stored>> {
    let rows = tx.query(&format!("{SELECT} WHERE kind = $1 AND deleted = 0 ORDER BY seq"), params![kind]).await?;
    Ok(rows.iter().map(from_row).collect())
}

fn day(text: &str) -> Option<NaiveDate> {
    text.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The day in Lạng Sơn (UTC+7) of a stored UTC time: a check at 06:00 there was made that day, not the day before.
fn local_day(text: &str) -> Option<NaiveDate> {
    let vietnam = chrono::FixedOffset::east_opt(7 * 3600)?;
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&vietnam).date_naive())
        .or_else(|| day(text))
}

fn commune_name(code: &str) -> String {
    vieclam_core::places::commune(code).map_or_else(|| code.to_owned(), |c| c.name.clone())
}

/// The verdict in both languages, from the check's `verdict.place` code.
fn verdict(check: &Value) -> String {
    let v = &check["verdict"];
    let metres = v["distance_m"].as_f64().map_or(String::new(), |d| format!(" ({d:.0} m)"));
    let (vi, en) = match v["place"].as_str().unwrap_or("") {
        "at_site" => ("Đang ở tại mô hình", "At the site"),
        "near" => ("Ở gần mô hình", "Near the site"),
        "away" => ("Không ở tại mô hình", "Away from the site"),
        "poor_fix" => ("Định vị không đủ chính xác", "Location too imprecise"),
        "mocked" => ("Vị trí giả lập", "Mocked location"),
        _ => ("Chưa có kết luận", "No verdict"),
    };
    format!("{vi}{metres} / {en}")
}

/// What a check, its answers and photos hold against them, worded for the office.
fn flags(check: &Stored, photos: &[&Stored], answers: &[Option<String>]) -> Vec<String> {
    let mut out = Vec::new();
    if matches!(body(check)["verdict"]["place"].as_str(), Some("away" | "mocked" | "poor_fix")) {
        out.push("Không ở tại mô hình / Away from the site".to_owned());
    }
    if photos.iter().any(|p| body(p)["flags"]["reused"] == Value::Bool(true)) {
        out.push("Ảnh dùng lại / Reused photo".to_owned());
    }
    let codes = std::iter::once(check.evidence.clone())
        .chain(photos.iter().map(|p| p.evidence.clone()))
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
    let taken_at = p["taken_at"].as_str().map(|t| {
        let vietnam = chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset");
        chrono::DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&vietnam).format("%d/%m/%Y %H:%M").to_string())
            .unwrap_or_else(|_| t.to_owned())
    });
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

/// Every check with its photos, and the names of the borrowers they concern.
struct Checks {
    checks: Vec<Stored>,
    photos: HashMap<String, Vec<Stored>>,
    /// Each check's answers' evidence codes.
    answers: HashMap<String, Vec<Option<String>>>,
    borrowers: HashMap<String, String>,
}

async fn load_checks(tx: &mut Tx) -> ApiResult<Checks> {
    let mut checks = of_kind(tx, "site_check").await?;
    checks.sort_by(|a, b| body(b)["started_at"].as_str().cmp(&body(a)["started_at"].as_str()).then(b.seq.cmp(&a.seq)));
    let mut photos: HashMap<String, Vec<Stored>> = HashMap::new();
    for p in of_kind(tx, "check_photo").await? {
        let check_id = body(&p)["check_id"].as_str().unwrap_or_default().to_owned();
        photos.entry(check_id).or_default().push(p);
    }
    let mut answers: HashMap<String, Vec<Option<String>>> = HashMap::new();
    for r in tx.query("SELECT id, evidence FROM records WHERE kind = 'check_answer' AND deleted = 0", vec![]).await? {
        let id = r.text(0);
        let check_id = id.split_once('/').map_or(id.as_str(), |(c, _)| c).to_owned();
        answers.entry(check_id).or_default().push(r.opt_text(1));
    }
    let mut borrowers = HashMap::new();
    for c in &checks {
        if let Some(id) = &c.row.borrower_id
            && !borrowers.contains_key(id)
        {
            let name = records::get(tx, "borrower", id)
                .await?
                .map(|b| body(&b)["full_name"].as_str().unwrap_or("").to_owned());
            borrowers.insert(id.clone(), name.unwrap_or_default());
        }
    }
    Ok(Checks { checks, photos, answers, borrowers })
}

impl Checks {
    fn row(&self, c: &Stored) -> CheckRow {
        let b = body(c);
        let photos: Vec<&Stored> = self.photos.get(&c.row.id).map(|p| p.iter().collect()).unwrap_or_default();
        CheckRow {
            id: c.row.id.clone(),
            code: b["code"].as_str().unwrap_or("—").to_owned(),
            borrower_name: c
                .row
                .borrower_id
                .as_ref()
                .and_then(|id| self.borrowers.get(id))
                .cloned()
                .unwrap_or_default(),
            commune_name: commune_name(c.row.commune_code.as_deref().unwrap_or("")),
            checked_on: b["started_at"].as_str().and_then(local_day).unwrap_or_default(),
            verdict: verdict(&b),
            flags: flags(c, &photos, self.answers.get(&c.row.id).map_or(&[], Vec::as_slice)),
        }
    }
}

/// Principal outstanding and overdue on `today`: each loan's status from the core's [`LoanFacts`], the one
/// computation the phone and the CLI make too, so freezes, write-offs and late payments count the same everywhere.
/// A body that does not read as its record (never written by this server's import) is left out of the figures.
async fn loan_figures(tx: &mut Tx, today: NaiveDate, o: &mut DashboardOverview) -> ApiResult<()> {
    let mut payments: HashMap<String, Vec<LoanPayment>> = HashMap::new();
    for p in of_kind(tx, "payment").await? {
        if let Ok(payment) = serde_json::from_str::<LoanPayment>(&p.row.body) {
            payments.entry(payment.loan_id.clone()).or_default().push(payment);
        }
    }
    let mut schedules: HashMap<String, Vec<Instalment>> = HashMap::new();
    for s in of_kind(tx, "schedule").await? {
        if let Some(items) = parse_schedule(body(&s)) {
            schedules.insert(s.row.id.clone(), items);
        }
    }
    for l in of_kind(tx, "loan").await? {
        let Ok(loan) = serde_json::from_str::<Loan>(&l.row.body) else { continue };
        let schedule = schedules.remove(&l.row.id).unwrap_or_default();
        let paid = payments.get(&l.row.id).map_or(&[][..], Vec::as_slice);
        let status = LoanFacts::from_records(&loan, schedule, paid).status(today, 0);
        o.loans += 1;
        o.outstanding += status.outstanding;
        if status.state == LoanState::Overdue {
            o.overdue += 1;
            o.overdue_amount += status.overdue_principal;
        }
    }
    Ok(())
}

impl DashboardData for DbDashboard {
    async fn overview(&self) -> Result<DashboardOverview, String> {
        // The province's day, as on the phones: at 06:00 in Lạng Sơn it is still yesterday in UTC.
        let today = vieclam_core::query::session::today_in_province();
        self.db
            .read(work!(|tx| async move {
                let mut o = DashboardOverview::default();
                loan_figures(tx, today, &mut o).await?;
                let checks = load_checks(tx).await?;
                o.checks_today = checks.checks.iter().filter(|c| checks.row(c).checked_on == today).count() as u64;
                o.flagged_checks = checks.checks.iter().filter(|c| !checks.row(c).flags.is_empty()).count() as u64;
                let regs = of_kind(tx, "worker_registration").await?;
                o.unverified_registrations = regs.iter().filter(|r| body(r)["status"] != "verified").count() as u64;
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
        self.db
            .read(work!(|tx| async move {
                let checks = load_checks(tx).await?;
                Ok(checks.checks.iter().take(CHECKS_SHOWN).map(|c| checks.row(c)).collect())
            }))
            .await
            .map_err(say)
    }

    async fn check(&self, id: &str) -> Result<Option<CheckDetail>, String> {
        let id = id.to_owned();
        self.db
            .read::<Option<CheckDetail>>(work!(|tx| async move {
                let checks = load_checks(tx).await?;
                let Some(c) = checks.checks.iter().find(|c| c.row.id == id) else { return Ok(None) };
                let inspector = match &c.row.author_id {
                    Some(a) => crate::store::accounts::by_id(tx, a).await?.map(|a| a.display_name).unwrap_or_default(),
                    None => String::new(),
                };
                let answers: Vec<Stored> = of_kind(tx, "check_answer")
                    .await?
                    .into_iter()
                    .filter(|a| body(a)["check_id"] == id.as_str())
                    .collect();
                let photos = checks.photos.get(&id).cloned().unwrap_or_default();
                let held: HashSet<String> =
                    tx.query("SELECT sha256 FROM photos", vec![]).await?.iter().map(|r| r.text(0)).collect();
                // The evidence verifies when the check, each answer and each photo is exactly what its author's
                // device signed; every record that is not says why, with both versions where it was changed.
                let mut findings = Vec::new();
                for rec in std::iter::once(c).chain(answers.iter()).chain(photos.iter()) {
                    if let Some(f) = evidence_finding(tx, rec).await? {
                        findings.push(f);
                    }
                }
                Ok(Some(CheckDetail {
                    check: checks.row(c),
                    inspector,
                    fix: fix_of(&body(c)["fix"]),
                    answers: answers_in_words(&answers),
                    photos: photos.iter().filter_map(|p| photo_view(&body(p), &held)).collect(),
                    evidence_verified: findings.is_empty(),
                    evidence: findings,
                }))
            }))
            .await
            .map_err(say)
    }

    async fn map(&self) -> Result<(Vec<MapPoint>, Vec<PlanOption>), String> {
        self.db
            .read(work!(|tx| async move {
                let checks = load_checks(tx).await?;
                let points = checks
                    .checks
                    .iter()
                    .filter_map(|c| {
                        let b = body(c);
                        // A check is placed where the inspector's fix put it; one without a fix has no place.
                        let (lat, lon) = (b["fix"]["lat"].as_f64()?, b["fix"]["lon"].as_f64()?);
                        let row = checks.row(c);
                        Some(MapPoint {
                            id: row.id,
                            code: row.code,
                            lat,
                            lon,
                            commune_code: c.row.commune_code.clone().unwrap_or_default(),
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

    async fn unverified_registrations(&self) -> Result<Vec<RegistrationRow>, String> {
        self.db
            .read(work!(|tx| async move {
                let regs = of_kind(tx, "worker_registration").await?;
                Ok(regs
                    .iter()
                    .map(|r| (r.row.id.clone(), body(r)))
                    .filter(|(_, b)| b["status"] != "verified")
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

    async fn verify_registration(&self, id: &str) -> Result<bool, String> {
        let key = id.to_owned();
        let held = self
            .db
            .read::<bool>(work!(|tx| async move {
                Ok(records::get(tx, "worker_registration", &key).await?.is_some_and(|r| !r.row.deleted))
            }))
            .await
            .map_err(say)?;
        if !held {
            return Ok(false);
        }
        admin::verify_registration(&self.db, id).await.map(|()| true)
    }
}
