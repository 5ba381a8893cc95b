//! The dashboard's [`DashboardData`] over the database: figures summed from `records` (loans, schedules, payments,
//! checks, registrations), the checks with their verdict and flags, one check with its answers, photos and
//! evidence status, and verification through the same code as `registrations verify`.
//!
//! This file holds [`DbDashboard`] and its page queries; reading and keeping every check is in `checks`, one
//! check's page in words in `check_detail`, and the kept loan book's figures in `book_cache`.

mod book_cache;
mod check_detail;
mod checks;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use serde_json::Value;
use vieclam_core::checks::lifecycle;
use vieclam_core::messages::Lang;
use vieclam_core::messages::dashboard as d;
use vieclam_core::records::InspectionPlan;

use super::book::Book;
use super::communes::{CheckFacts, figures};
use crate::dashboard::communes::CommuneFigures;
use crate::dashboard::map::{MapPoint, PlanOption};
use crate::dashboard::plans::{CheckAt, PlanCommune, PlanProgress};
use crate::dashboard::users::{DeviceRow, UserAction, UserRow};
use crate::dashboard::walk::WalkView;
use crate::dashboard::{CheckDetail, CheckRow, DashboardData, DashboardOverview, RegistrationRow};
use crate::db::{Db, Tx};
use crate::error::{ApiError, ApiResult};
use crate::store::records::{self, SELECT, Stored, from_row};
use crate::{admin, params, work};
use check_detail::{answers_in_words, evidence_finding, fix_of, funded_area_of, photo_view};
use checks::{HeldChecks, Parsed, answer_range, load_checks};

/// How many checks the list shows.
const CHECKS_SHOWN: usize = 200;

/// The dashboard's data source.
#[derive(Clone)]
pub struct DbDashboard {
    db: Db,
    /// The loan book's figures as last made (see [`super::book`]), newest last, for a few days of comparison at once.
    book: Arc<Mutex<Vec<Arc<Book>>>>,
    /// The reports to the province as last made (see [`super::report_cache`]).
    pub(super) reports: Arc<super::report_cache::ReportCache>,
    /// Every check as last read, with the state of the data it was read in (see [`DbDashboard::all_checks`]).
    checks: Arc<Mutex<Option<HeldChecks>>>,
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

/// An error as the pages take it: its code.
fn say(e: ApiError) -> String {
    e.code.to_owned()
}

/// A stored record's body as JSON (`null` when it does not parse).
pub(super) fn body(s: &Stored) -> Value {
    serde_json::from_str(&s.row.body).unwrap_or(Value::Null)
}

/// Every record of `kind` that is not deleted, oldest change first.
pub(super) async fn of_kind(tx: &mut Tx, kind: &str) -> ApiResult<Vec<Stored>> {
    let rows = tx.query(&format!("{SELECT} WHERE kind = $1 AND deleted = 0 ORDER BY seq"), params![kind]).await?;
    Ok(rows.iter().map(from_row).collect())
}

/// The day a stored time (or date) starts with, as written.
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

/// A commune's name, or its code when the list of places does not hold it.
pub(super) fn commune_name(code: &str) -> String {
    vieclam_core::places::commune(code).map_or_else(|| code.to_owned(), |c| c.name.clone())
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
