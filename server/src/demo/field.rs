//! The demo's field work, done the way a phone does it. The server's own `/v1` API is served for the while on a
//! free loopback port over the database being seeded; each demo inspector gets a phone of their own (the core's
//! encrypted store in a temporary folder), signs in with their password, syncs to download their plan, then checks
//! sites through the core (fix, verdict, checklist, a stamped photo, finish: every step signed into the device's
//! evidence chain) and writes commune reviews, and syncs again: the checks, answers, photos and reviews go up
//! through `/v1/push` and the photo uploads exactly as a phone's would, verified by the server as any device's are.
//! The phones then sign out (their tokens are revoked; their keys stay, so their evidence keeps verifying).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use vieclam_core::checks::commune;
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict, take_photo};
use vieclam_core::checks::lookup;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::evidence::photo::PhotoStore;
use vieclam_core::evidence::signing::{DeviceIdentity, enrol};
use vieclam_core::messages::demo as words;
use vieclam_core::query::{self, facts};
use vieclam_core::sync::{self, CancelToken, DeviceLabel, NoProgress, SyncOptions};
use vieclam_core::{DbKey, Lang, Store};

use super::camera;
use super::reviews::{self, Author, CommuneFacts};
use super::visits::{self, Candidate, Finding, Round, Visit};
use crate::auth::{HashPool, RateLimiter};
use crate::db::Db;
use crate::ratelimit::{SignInLimits, Throttle};
use crate::state::AppState;

/// A demo inspector's account.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    /// User name.
    pub username: &'static str,
    /// Password.
    pub password: &'static str,
    /// Name on the account.
    pub name: &'static str,
}

/// One plan's field work as asked: who checks, how many sites in which communes, what they find, which communes
/// are reviewed and by whom.
#[derive(Clone, Debug)]
pub struct PlanWork {
    /// The plan number.
    pub code: &'static str,
    /// The inspector who checks the sites (and leads the team).
    pub checker: Member,
    /// The communes checked, in order, with the number of visits in each.
    pub communes: Vec<(String, usize)>,
    /// Visit number and what it finds.
    pub findings: Vec<(usize, Finding)>,
    /// Days before today of the first visits.
    pub days_ago: i64,
    /// The round's seed.
    pub seed: u64,
    /// The communes reviewed (the leader's and, with a secretary, the secretary's record of each).
    pub reviewed: Vec<String>,
    /// The team's secretary, when it has one.
    pub secretary: Option<Member>,
}

/// What one plan's field work left on the server, for the sign-in sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanDone {
    /// The plan number.
    pub code: String,
    /// Site checks sent.
    pub checks: usize,
    /// Checks that answered a sign of misuse yes or the purpose not kept.
    pub findings: usize,
    /// Checks made away from their site (flagged at the office).
    pub away: usize,
    /// Names of the communes reviewed.
    pub reviewed: Vec<String>,
    /// Names of the plan's communes nobody checked.
    pub unchecked: Vec<String>,
}

fn say(e: impl std::fmt::Display) -> String {
    format!("{}: {e}", words::FIELD_WORK.joined(&[]))
}

/// The `/v1` API over `db` on a free loopback port, until the answered sender is dropped or sent to.
async fn local_server(db: &Db, photos_url: &str) -> Result<(String, tokio::sync::oneshot::Sender<()>), String> {
    let state = AppState {
        db: db.clone(),
        photos: crate::serve::photo_store(photos_url)?,
        token_days: 1,
        enrol_limiter: Arc::new(RateLimiter::new(5, StdDuration::from_secs(600))),
        sign_in_throttle: Arc::new(Throttle::new(SignInLimits::default())),
        hash_pool: Arc::new(HashPool::new(2)),
    };
    let app = crate::api::router(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(say)?;
    let addr = listener.local_addr().map_err(say)?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        let served = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await;
        if let Err(e) = served {
            tracing::warn!(error = %e, "the demo's field-work server stopped");
        }
    });
    Ok((format!("http://{addr}"), stop))
}

/// An inspector's phone: its encrypted store in a temporary folder, its photo folder and its evidence identity.
struct Phone {
    folder: tempfile::TempDir,
    store: Mutex<Store>,
    identity: DeviceIdentity,
    account_id: String,
}

impl Phone {
    /// A new phone signed in as `member` and synced (its plans and their communes downloaded).
    async fn sign_in(url: &str, member: &Member) -> Result<Phone, String> {
        let folder = tempfile::tempdir().map_err(say)?;
        let key = DbKey::Raw(rand::random());
        let store = Mutex::new(Store::open(folder.path().join("vieclam.db"), &key).map_err(say)?);
        let label =
            DeviceLabel { name: words::PHONE.fill(Lang::Vi, &[("name", member.name)]), platform: "android".into() };
        let session =
            sync::login(&store, url, member.username, member.password, &label).await.map_err(|e| say(e.both()))?;
        let identity = enrol(&mut lock(&store)).map_err(say)?;
        let phone = Phone { folder, store, identity, account_id: session.account_id };
        phone.sync().await?;
        Ok(phone)
    }

    fn photos(&self) -> PhotoStore {
        PhotoStore::new(self.folder.path().join("photos"))
    }

    /// One sync; a refused record or photo fails the seeding (the demo must hold what it says).
    async fn sync(&self) -> Result<(), String> {
        let options = SyncOptions::with_photos(self.folder.path().join("photos"));
        let report =
            sync::sync(&self.store, &options, &NoProgress, &CancelToken::new()).await.map_err(|e| say(e.both()))?;
        if report.rejected > 0 || report.photos_failed > 0 {
            let (records, photos) = (report.rejected.to_string(), report.photos_failed.to_string());
            return Err(say(words::SYNC_REFUSED.joined(&[("records", &records), ("photos", &photos)])));
        }
        Ok(())
    }

    async fn sign_out(self) -> Result<(), String> {
        sync::logout(&self.store).await.map_err(|e| say(e.both()))
    }
}

fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The sites of `communes` on the phone, with their loan's state on `today` and their borrower.
fn candidates(store: &Store, communes: &[String], today: NaiveDate) -> Result<Vec<Candidate>, String> {
    let mut out = Vec::new();
    for code in communes {
        for site in commune::commune_sites(store, code).map_err(say)? {
            let state = facts::load(store, &site.loan_id).map_err(say)?.status(today, 0).state;
            out.push(Candidate {
                site_id: site.site_id,
                commune_code: site.commune_code,
                kind: site.kind,
                description: site.description,
                jobs_planned: site.jobs_planned,
                state,
                borrower: site.borrower_name,
            });
        }
    }
    Ok(out)
}

/// `(lat, lon)` moved `north_m` and `east_m` metres.
fn moved(lat: f64, lon: f64, north_m: f64, east_m: f64) -> (f64, f64) {
    const METRES_PER_DEGREE: f64 = 111_320.0;
    (lat + north_m / METRES_PER_DEGREE, lon + east_m / (METRES_PER_DEGREE * lat.to_radians().cos()))
}

/// Carries `visit` out on the phone: the fix where the inspector stands, the verdict, the checklist, a photo, the
/// finish. Answers the verdict's place.
fn check(phone: &Phone, visit: &Visit) -> Result<String, String> {
    let mut store = lock(&phone.store);
    let site = lookup::site(&store, &visit.site.site_id).map_err(say)?;
    // At the site a few metres from its point; for the check made away, at the village's cultural house 1.4 km off.
    let (north, east) = if visit.finding == Finding::Away { (1_100.0, 900.0) } else { (3.0, -2.0) };
    let (lat, lon) = moved(site.lat, site.lon, north, east);
    let fix = Fix {
        lat,
        lon,
        accuracy_m: 4.0 + f64::from(visit.shot % 5),
        altitude_m: Some(280.0 + f64::from(visit.shot % 40)),
        time: visit.start,
        provider: "gps".into(),
        satellites: Some(9 + visit.shot % 5),
        mocked: false,
    };
    let settings = CheckSettings::default();
    let v = verdict(&fix, &SiteGeometry::from(&site), &settings);
    let id =
        lc::start(&mut store, &phone.identity, &site.id, &fix, &CheckVerdict::from(&v), visit.start).map_err(say)?;
    for (key, value) in &visit.answers {
        lc::answer(&mut store, &phone.identity, &id, key, value.clone()).map_err(say)?;
    }
    let jpeg = camera::shot(visit.shot)?;
    let at = visit.start + Duration::minutes(6);
    take_photo(&mut store, &phone.identity, &id, &jpeg, None, None, &phone.photos(), &settings, at).map_err(say)?;
    lc::finish(&mut store, &phone.identity, &id, visit.start + Duration::minutes(25)).map_err(say)?;
    Ok(v.place.code().to_owned())
}

/// The commune's loan book as the phone computes it on `day`.
fn book<'a>(store: &Store, code: &str, day: NaiveDate, visits: &'a [&'a Visit]) -> Result<CommuneFacts<'a>, String> {
    let loans = commune::commune_loans(store, code).map_err(say)?;
    let mut f = CommuneFacts {
        code: code.to_owned(),
        name: vieclam_core::places::commune(code)
            .map_or_else(|| code.to_owned(), |c| c.name.replacen("Xã ", "xã ", 1).replacen("Phường ", "phường ", 1)),
        loans: 0,
        outstanding: 0,
        since: NaiveDate::from_ymd_opt(day.year() - 1, 12, 31).unwrap_or(day),
        outstanding_since: 0,
        overdue: 0,
        visits,
    };
    for id in loans {
        let facts = facts::load(store, &id).map_err(say)?;
        let now = facts.status(day, 0);
        f.loans += usize::from(now.outstanding > 0);
        f.outstanding += now.outstanding;
        f.overdue += now.overdue_principal;
        // A loan disbursed after that day owed nothing on it (its status there would read the whole principal).
        if facts.terms.disbursed_on <= f.since {
            f.outstanding_since += facts.status(f.since, 0).outstanding;
        }
    }
    Ok(f)
}

/// When a review written on `held_on` is saved: that afternoon, after the meeting (16:30 in Lạng Sơn).
fn saved_at(held_on: NaiveDate) -> DateTime<Utc> {
    held_on.and_hms_opt(9, 30, 0).unwrap_or_default().and_utc()
}

/// Does the field work of `plans` over `db` (photos to `photos_url`) as of `today`; answers what each left.
pub async fn run(db: &Db, photos_url: &str, today: NaiveDate, plans: &[PlanWork]) -> Result<Vec<PlanDone>, String> {
    let (url, stop) = local_server(db, photos_url).await?;
    let mut done = Vec::new();
    for work in plans {
        done.push(plan(&url, today, work).await?);
    }
    let _ = stop.send(());
    Ok(done)
}

async fn plan(url: &str, today: NaiveDate, work: &PlanWork) -> Result<PlanDone, String> {
    let phone = Phone::sign_in(url, &work.checker).await?;
    let (plan_id, plan_communes) = {
        let plan = query::plan(&lock(&phone.store), Some(work.code), Lang::Vi).map_err(say)?;
        let communes: Vec<String> = plan.communes.into_iter().map(|c| c.commune_code).collect();
        (plan.plan_id, communes)
    };
    let codes: Vec<String> = work.communes.iter().map(|(c, _)| c.clone()).collect();
    let found = candidates(&lock(&phone.store), &codes, today)?;
    let round = Round {
        communes: &work.communes,
        findings: &work.findings,
        first_day: today - Duration::days(work.days_ago),
        seed: work.seed,
        first_shot: (work.seed % 1_000) as u32 * 100,
    };
    let visits = visits::plan(&found, &round);
    let mut away = 0;
    for v in &visits {
        let place = check(&phone, v)?;
        if (v.finding == Finding::Away) != (place == "away") {
            return Err(say(format!("{}: {place}", v.site.site_id)));
        }
        away += usize::from(place == "away");
    }
    phone.sync().await?;

    let name = |code: &str| vieclam_core::places::commune(code).map_or_else(|| code.to_owned(), |c| c.name.clone());
    let secretary = match work.secretary {
        Some(m) => Some(Phone::sign_in(url, &m).await?),
        None => None,
    };
    for code in &work.reviewed {
        let here: Vec<&Visit> = visits.iter().filter(|v| &v.site.commune_code == code).collect();
        let held_on = here.iter().map(|v| v.start.date_naive()).max().unwrap_or(today);
        let facts = book(&lock(&phone.store), code, held_on, &here)?;
        let leader = Author { plan_id: &plan_id, account_id: &phone.account_id, name: work.checker.name };
        let review = reviews::leader_review(&leader, &facts, held_on);
        vieclam_core::review::store::save(&mut lock(&phone.store), &phone.identity, &review, saved_at(held_on))
            .map_err(say)?;
        if let (Some(s), Some(m)) = (&secretary, &work.secretary) {
            let author = Author { plan_id: &plan_id, account_id: &s.account_id, name: m.name };
            let review = reviews::secretary_review(&author, work.checker.name, &facts, held_on);
            vieclam_core::review::store::save(&mut lock(&s.store), &s.identity, &review, saved_at(held_on))
                .map_err(say)?;
        }
    }
    phone.sync().await?;
    if let Some(s) = secretary {
        s.sync().await?;
        s.sign_out().await?;
    }
    phone.sign_out().await?;
    let checked: Vec<&String> = visits.iter().map(|v| &v.site.commune_code).collect();
    Ok(PlanDone {
        code: work.code.to_owned(),
        checks: visits.len(),
        findings: visits.iter().filter(|v| !matches!(v.finding, Finding::None | Finding::Away)).count(),
        away,
        reviewed: work.reviewed.iter().map(|c| name(c)).collect(),
        unchecked: plan_communes.iter().filter(|c| !checked.contains(c)).map(|c| name(c)).collect(),
    })
}
