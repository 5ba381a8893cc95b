//! `serve --demo` and `demo`: seeds a demo province once (a second start changes nothing): 2,000 loans from the
//! core's deterministic generator, an admin, three inspectors, two current plans with their teams over the
//! communes that have the most sites, the plans' field work (site checks and commune reviews, made on the
//! inspectors' own phones and synced in, see [`field`]), and activation codes for two borrowers. Answers what to
//! print: how to sign in and what the demo holds, Vietnamese then English.

pub mod camera;
pub mod field;
pub mod reviews;
pub mod visits;

use chrono::Duration;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::messages::{Lang, Text, demo as words};
use vieclam_core::sync::wire::Role;

use self::field::{Member, PlanDone, PlanWork};
use self::visits::Finding;
use crate::admin::{self, AdminResult};
use crate::db::Db;
use crate::{params, work};

/// The team leader of 01/KH-DEMO, who checks its sites.
const THANHTRA1: Member = Member { username: "thanhtra1", password: "thanhtra1-vieclam", name: "Nguyễn Văn An" };
/// The team leader of 02/KH-DEMO.
const THANHTRA2: Member = Member { username: "thanhtra2", password: "thanhtra2-vieclam", name: "Hoàng Thị Bích" };
/// The secretary of 01/KH-DEMO, who records the review meetings.
const THANHTRA3: Member = Member { username: "thanhtra3", password: "thanhtra3-vieclam", name: "Lăng Thị Mai" };

/// Loans in the demo province.
pub const DEMO_LOANS: usize = 2_000;

/// Gives the demo's loan programmes the ids an import derives from their codes (`import::stable_id`), so a bank
/// export imported into the demo province points its loans at the same three programme records.
fn same_programme_ids(batch: &mut vieclam_core::store::office::OfficeBatch) {
    let mut renamed = std::collections::HashMap::new();
    for p in &mut batch.programmes {
        let id = crate::import::stable_id("programme", &p.code);
        renamed.insert(std::mem::replace(&mut p.id, id.clone()), id);
    }
    for l in &mut batch.loans {
        if let Some(id) = renamed.get(&l.programme_id) {
            l.programme_id = id.clone();
        }
    }
}

/// The field work of the two plans over their communes (each plan's three, busiest first): 01/KH-DEMO has 16
/// checks with four findings (a fee charged, the purpose not kept, a check made away from the site, a loan book held
/// by the group's leader) and the reviews of its first two communes; 02/KH-DEMO a handful of clean checks in two
/// communes, its third left unchecked.
fn field_plans(first: &[String], second: &[String]) -> Vec<PlanWork> {
    let counts = |communes: &[String], n: &[usize]| communes.iter().cloned().zip(n.iter().copied()).collect();
    vec![
        PlanWork {
            code: "01/KH-DEMO",
            checker: THANHTRA1,
            communes: counts(first, &[6, 5, 5]),
            findings: vec![
                (1, Finding::Fees),
                (4, Finding::PurposeNotKept),
                (8, Finding::Away),
                (13, Finding::BookHeld),
            ],
            days_ago: 6,
            seed: 101,
            reviewed: first.iter().take(2).cloned().collect(),
            secretary: Some(THANHTRA3),
        },
        PlanWork {
            code: "02/KH-DEMO",
            checker: THANHTRA2,
            communes: counts(second, &[3, 2]),
            findings: Vec::new(),
            days_ago: 5,
            seed: 202,
            reviewed: Vec::new(),
            secretary: None,
        },
    ]
}

/// What the field work left, for the sign-in sheet.
fn field_lines(done: &[PlanDone]) -> String {
    let mut lines = vec![format!("{}:", words::FIELD_WORK.joined(&[]))];
    for d in done {
        // The Vietnamese line, then the English one under it.
        let mut both = [Lang::Vi, Lang::En].map(|lang| {
            let checks = d.checks.to_string();
            words::PLAN_CHECKS.fill(lang, &[("code", &d.code), ("checks", &checks)])
        });
        let mut add = |text: Text, args: &[(&str, &str)]| {
            for (line, lang) in both.iter_mut().zip([Lang::Vi, Lang::En]) {
                line.push_str(&text.fill(lang, args));
            }
        };
        if d.findings + d.away > 0 {
            add(words::FLAGGED_CHECKS, &[("findings", &d.findings.to_string()), ("away", &d.away.to_string())]);
        }
        if !d.reviewed.is_empty() {
            add(words::REVIEWED, &[("communes", &d.reviewed.join(", "))]);
        }
        if !d.unchecked.is_empty() {
            add(words::UNCHECKED, &[("communes", &d.unchecked.join(", "))]);
        }
        let [vi, en] = both;
        lines.push(format!("  {vi}.\n    {en}."));
    }
    lines.join("\n") + "\n"
}

/// Seeds the demo unless it is there; answers the sign-in sheet. The field work's photos go to `photos_url`, the
/// photo store the server serves.
pub async fn seed(db: &Db, photos_url: &str) -> AdminResult<String> {
    let held = db
        .read(work!(|tx| async move {
            Ok(tx.one("SELECT value FROM settings WHERE key = 'demo'", vec![]).await?.map(|r| r.text(0)))
        }))
        .await
        .map_err(|e| e.to_string())?;
    if let Some(sheet) = held {
        return Ok(sheet);
    }
    // The field work's photos need the photo store: one that cannot be opened is refused before anything is written,
    // so the seeding can be run again once it is right.
    crate::serve::photo_store(photos_url).map_err(|e| format!("{}: {e}", words::NO_PHOTO_STORE.joined(&[])))?;
    let today = vieclam_core::query::session::today_in_province();
    let mut batch = demo::generate(DemoSpec { loans: DEMO_LOANS, seed: 7, as_of: today }).map_err(|e| e.to_string())?;
    same_programme_ids(&mut batch);
    db.apply_office_batch(&batch).await.map_err(|e| e.to_string())?;

    admin::add_user(db, Role::Admin, "admin", "Quản trị viên", "admin-vieclam").await?;
    for m in [THANHTRA1, THANHTRA2, THANHTRA3] {
        admin::add_user(db, Role::Inspector, m.username, m.name, m.password).await?;
    }
    // Communes that have sites, in order of how many: plans over them give the inspectors something to do.
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for s in &batch.sites {
        *counts.entry(s.commune_code.as_str()).or_default() += 1;
    }
    let mut busiest: Vec<(&str, usize)> = counts.into_iter().collect();
    busiest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let pick = |range: std::ops::Range<usize>| -> Vec<String> {
        busiest.iter().skip(range.start).take(range.len()).map(|(c, _)| (*c).to_owned()).collect()
    };
    let (from, to) = (today - Duration::days(7), today + Duration::days(60));
    let team = |members: &[&str]| members.iter().map(|m| (*m).to_owned()).collect::<Vec<_>>();
    admin::add_plan(db, "01/KH-DEMO", &team(&["thanhtra1:leader", "thanhtra3:secretary"]), &pick(0..3), from, to)
        .await?;
    admin::add_plan(db, "02/KH-DEMO", &team(&["thanhtra2:leader"]), &pick(3..6), from, to).await?;
    let done = field::run(db, photos_url, today, &field_plans(&pick(0..3), &pick(3..6))).await.map_err(|e| {
        // The accounts and plans are written by now: a second start would stop at the first account.
        format!("{e}\n{}", words::START_AGAIN.joined(&[]))
    })?;

    let mut codes = Vec::new();
    for b in batch.borrowers.iter().take(2) {
        let code = admin::issue_activation(db, &b.id, 365).await?;
        codes.push(format!("  {code}  CCCD {}  ({})", b.id_number, b.full_name));
    }
    let sheet = format!(
        "{province}:\n\
         \x20 admin / admin-vieclam              ({admin})\n\
         \x20 thanhtra1 / thanhtra1-vieclam      ({leader}, 01/KH-DEMO)\n\
         \x20 thanhtra3 / thanhtra3-vieclam      ({secretary}, 01/KH-DEMO)\n\
         \x20 thanhtra2 / thanhtra2-vieclam      ({leader}, 02/KH-DEMO)\n\
         {}\
         {codes_heading}:\n{}\n",
        field_lines(&done),
        codes.join("\n"),
        province = words::PROVINCE.joined(&[("loans", &DEMO_LOANS.to_string())]),
        admin = words::OFFICE_ADMIN.joined(&[]),
        leader = words::TEAM_LEADER.joined(&[]),
        secretary = words::TEAM_SECRETARY.joined(&[]),
        codes_heading = words::ACTIVATION_CODES.joined(&[]),
    );
    let s = sheet.clone();
    db.write::<()>(work!(|tx| async move {
        tx.exec("INSERT INTO settings (key, value) VALUES ('demo', $1)", params![&s]).await?;
        Ok(())
    }))
    .await
    .map_err(|e| e.to_string())?;
    Ok(sheet)
}
