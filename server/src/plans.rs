//! Inspection plans as the office makes them, from the dashboard's plan form or `plans add`: a plan number, a title,
//! its days, its communes and its team, each member with a function (Trưởng đoàn, Phó trưởng đoàn, Thành viên, Thư
//! ký). The plan is a record every team member's device pulls; `plan_assignments` (who may check where, and when:
//! `api::scope`, `api::field`) is rewritten with it in the same transaction, so the two never disagree.
//!
//! Closing a plan stamps `closed_on` and ends its assignments the day before: from the day it is closed no device
//! receives the plan's communes for it, and a check pushed for them under it is refused. A closed plan is not
//! edited again.
//!
//! Every refusal is a 422 whose sentence is Vietnamese then English, and changes nothing.

use axum::http::StatusCode;
use chrono::{Duration, NaiveDate};
use vieclam_core::messages::{Text, office as m};
use vieclam_core::records::{InspectionPlan, TeamMember, TeamRole};
use vieclam_core::sync::wire::Role;

use crate::db::{Db, Tx};
use crate::error::{ApiError, ApiResult};
use crate::store::accounts;
use crate::store::records::{self, RecordRow};
use crate::{params, work};

/// Longest plan number (`452/KH-SNV` is 10).
pub const CODE_MAX_CHARS: usize = 60;
/// Longest title.
pub const TITLE_MAX_CHARS: usize = 300;
/// Most members of one team (a provincial inspection team is a handful of people; the bound keeps a hostile form
/// from making the server compare thousands of members).
pub const TEAM_MAX: usize = 40;

/// One member of the team as the office chose them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamPick {
    /// The account: its id, or its user name.
    pub account: String,
    /// Their function in the team.
    pub role: TeamRole,
}

/// A plan as the office describes it, before it is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDraft {
    /// Plan number, e.g. `452/KH-SNV`.
    pub code: String,
    /// Title; the plan number when left empty.
    pub title: String,
    /// First day of field work.
    pub starts_on: NaiveDate,
    /// Last day of field work.
    pub ends_on: NaiveDate,
    /// Commune codes of the 2025 list.
    pub communes: Vec<String>,
    /// The team.
    pub team: Vec<TeamPick>,
}

/// A 422 refusal with its stable code.
pub fn refuse(code: &'static str, text: Text, args: &[(&str, &str)]) -> ApiError {
    ApiError::with(StatusCode::UNPROCESSABLE_ENTITY, code, text, args)
}

/// Whether `text` holds a control character (a line break included: plan numbers and titles are one line).
fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

impl PlanDraft {
    /// The draft trimmed, with communes in the order given and repeats dropped, or why it cannot be a plan. Only
    /// what needs no database: the accounts and the other plans' numbers are checked when it is written.
    pub fn checked(&self) -> ApiResult<PlanDraft> {
        let code = self.code.trim().to_owned();
        if code.is_empty() {
            return Err(refuse("plan.code_required", m::PLAN_CODE_REQUIRED, &[]));
        }
        if code.chars().count() > CODE_MAX_CHARS || has_control(&code) {
            return Err(refuse("plan.code_invalid", m::PLAN_CODE_INVALID, &[("max", &CODE_MAX_CHARS.to_string())]));
        }
        let title = match self.title.trim() {
            "" => code.clone(),
            t => t.to_owned(),
        };
        if title.chars().count() > TITLE_MAX_CHARS || has_control(&title) {
            return Err(refuse("plan.title_invalid", m::PLAN_TITLE_INVALID, &[("max", &TITLE_MAX_CHARS.to_string())]));
        }
        if self.ends_on < self.starts_on {
            return Err(refuse("plan.dates", m::PLAN_DATES, &[]));
        }
        let mut communes: Vec<String> = Vec::new();
        for c in &self.communes {
            let c = c.trim();
            if vieclam_core::places::commune(c).is_none() {
                return Err(refuse("plan.unknown_commune", m::PLAN_UNKNOWN_COMMUNE, &[("code", c)]));
            }
            if !communes.iter().any(|k| k == c) {
                communes.push(c.to_owned());
            }
        }
        if communes.is_empty() {
            return Err(refuse("plan.no_communes", m::PLAN_NO_COMMUNES, &[]));
        }
        if self.team.len() > TEAM_MAX {
            return Err(refuse("plan.team_too_large", m::PLAN_TEAM_TOO_LARGE, &[("max", &TEAM_MAX.to_string())]));
        }
        let mut team: Vec<TeamPick> = Vec::new();
        for m in &self.team {
            let account = m.account.trim().to_owned();
            if team.iter().any(|t| t.account == account) {
                return Err(refuse("plan.member_twice", m::PLAN_ACCOUNT_TWICE, &[("account", &account)]));
            }
            team.push(TeamPick { account, role: m.role });
        }
        match team.iter().filter(|m| m.role == TeamRole::Leader).count() {
            0 => {
                return Err(refuse("plan.no_leader", m::PLAN_NO_LEADER, &[]));
            }
            1 => {}
            _ => {
                return Err(refuse("plan.two_leaders", m::PLAN_TWO_LEADERS, &[]));
            }
        }
        Ok(PlanDraft { code, title, starts_on: self.starts_on, ends_on: self.ends_on, communes, team })
    }
}

/// The team of `plans add`: each `--inspector` is `USER` or `USER:ROLE` (ROLE one of `leader`, `deputy`, `member`,
/// `secretary`), and `--leader USER` names the leader. An invocation from before teams had functions (`--inspector`
/// alone, no leader) keeps working: its first inspector leads and the others are members.
pub fn team_from_cli(inspectors: &[String], leader: Option<&str>) -> ApiResult<Vec<TeamPick>> {
    let mut team: Vec<(String, Option<TeamRole>)> = Vec::new();
    if let Some(l) = leader {
        team.push((l.trim().to_owned(), Some(TeamRole::Leader)));
    }
    for i in inspectors {
        let (name, role) = match i.rsplit_once(':') {
            Some((name, key)) => match TeamRole::parse(key) {
                Some(r) => (name.trim().to_owned(), Some(r)),
                None => {
                    return Err(refuse("plan.unknown_role", m::PLAN_UNKNOWN_ROLE, &[("key", key)]));
                }
            },
            None => (i.trim().to_owned(), None),
        };
        team.push((name, role));
    }
    let has_leader = team.iter().any(|(_, r)| *r == Some(TeamRole::Leader));
    let mut first_unnamed = !has_leader;
    Ok(team
        .into_iter()
        .map(|(account, role)| {
            let role = role.unwrap_or_else(|| {
                if std::mem::take(&mut first_unnamed) { TeamRole::Leader } else { TeamRole::Member }
            });
            TeamPick { account, role }
        })
        .collect())
}

/// The plan with this id, as stored.
pub async fn load(tx: &mut Tx, id: &str) -> ApiResult<Option<InspectionPlan>> {
    Ok(records::get(tx, "inspection_plan", id)
        .await?
        .filter(|s| !s.row.deleted)
        .and_then(|s| serde_json::from_str::<InspectionPlan>(&s.row.body).ok()))
}

/// Every plan, as stored, in the order they were last written.
pub async fn all(tx: &mut Tx) -> ApiResult<Vec<InspectionPlan>> {
    let rows = tx
        .query("SELECT body FROM records WHERE kind = 'inspection_plan' AND deleted = 0 ORDER BY seq", vec![])
        .await?;
    Ok(rows.iter().filter_map(|r| serde_json::from_str::<InspectionPlan>(&r.text(0)).ok()).collect())
}

fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", m::NO_SUCH_PLAN)
}

/// Makes concurrent office writers take turns: the sequence counter's row is locked until this transaction ends
/// (SQLite's writers already do, by `BEGIN IMMEDIATE`), so two clerks cannot both take the same plan number or
/// licence number on PostgreSQL.
pub async fn take_turn(tx: &mut Tx) -> ApiResult<()> {
    tx.exec("UPDATE counter SET value = value WHERE id = 1", vec![]).await?;
    Ok(())
}

/// The team as stored: each pick an existing, enabled inspector, named as on their account.
async fn members(tx: &mut Tx, picks: &[TeamPick]) -> ApiResult<Vec<TeamMember>> {
    let mut team = Vec::new();
    for p in picks {
        let account = match accounts::by_id(tx, &p.account).await? {
            Some(a) => Some(a),
            None => accounts::by_username(tx, &p.account).await?,
        };
        match account {
            Some(a) if a.role == Role::Inspector && !a.disabled => {
                if team.iter().any(|m: &TeamMember| m.account_id == a.id) {
                    return Err(refuse("plan.member_twice", m::PLAN_MEMBER_TWICE, &[("name", &a.display_name)]));
                }
                team.push(TeamMember { account_id: a.id, name: a.display_name, role: p.role.key().to_owned() });
            }
            Some(a) if a.role == Role::Inspector => {
                return Err(refuse(
                    "plan.disabled_inspector",
                    m::PLAN_DISABLED_INSPECTOR,
                    &[("name", &a.display_name)],
                ));
            }
            _ => {
                return Err(refuse("plan.unknown_inspector", m::PLAN_UNKNOWN_INSPECTOR, &[("account", &p.account)]));
            }
        }
    }
    // The order a decision lists a team in: leader, deputies, members, secretary.
    team.sort_by_key(|m| TeamRole::parse(&m.role));
    Ok(team)
}

/// Writes `plan` and makes `plan_assignments` say the same: every member, every commune, the plan's days (ended
/// the day before it was closed, if it was).
async fn store(tx: &mut Tx, plan: &InspectionPlan) -> ApiResult<()> {
    let row = RecordRow {
        kind: "inspection_plan".into(),
        id: plan.id.clone(),
        plan_id: Some(plan.id.clone()),
        body: serde_json::to_string(plan).map_err(|e| ApiError::malformed(&e.to_string()))?,
        ..RecordRow::default()
    };
    records::upsert(tx, &[row]).await?;
    tx.exec("DELETE FROM plan_assignments WHERE plan_id = $1", params![&plan.id]).await?;
    let ends_on = match plan.closed_on {
        Some(c) => plan.ends_on.min(c - Duration::days(1)),
        None => plan.ends_on,
    };
    for m in &plan.team {
        for c in &plan.commune_codes {
            tx.exec(
                "INSERT INTO plan_assignments (plan_id, account_id, commune_code, starts_on, ends_on)
                 VALUES ($1, $2, $3, $4, $5)",
                params![&plan.id, &m.account_id, c, plan.starts_on.to_string(), ends_on.to_string()],
            )
            .await?;
        }
    }
    Ok(())
}

/// Refuses a plan number another plan (not `except`) already has, ignoring case and surrounding spaces.
async fn code_free(tx: &mut Tx, code: &str, except: Option<&str>) -> ApiResult<()> {
    let wanted = code.trim().to_lowercase();
    if all(tx).await?.iter().any(|p| Some(p.id.as_str()) != except && p.code.trim().to_lowercase() == wanted) {
        return Err(refuse("plan.code_taken", m::PLAN_CODE_TAKEN, &[("code", code)]));
    }
    Ok(())
}

/// Creates a plan from `draft`; answers it as stored.
pub async fn create(db: &Db, draft: &PlanDraft) -> ApiResult<InspectionPlan> {
    let draft = draft.checked()?;
    db.write(work!(|tx| async move {
        take_turn(tx).await?;
        code_free(tx, &draft.code, None).await?;
        let plan = InspectionPlan {
            id: vieclam_core::ids::new_id(),
            code: draft.code,
            title: draft.title,
            starts_on: draft.starts_on,
            ends_on: draft.ends_on,
            commune_codes: draft.communes,
            team: members(tx, &draft.team).await?,
            closed_on: None,
        };
        store(tx, &plan).await?;
        Ok(plan)
    }))
    .await
}

/// Replaces the plan `id` by `draft` (number, title, days, communes, team); a closed plan is refused.
pub async fn edit(db: &Db, id: &str, draft: &PlanDraft) -> ApiResult<InspectionPlan> {
    let draft = draft.checked()?;
    let id = id.to_owned();
    db.write(work!(|tx| async move {
        take_turn(tx).await?;
        let old = load(tx, &id).await?.ok_or_else(not_found)?;
        if let Some(c) = old.closed_on {
            return Err(closed(&old.code, c));
        }
        code_free(tx, &draft.code, Some(&id)).await?;
        let plan = InspectionPlan {
            code: draft.code,
            title: draft.title,
            starts_on: draft.starts_on,
            ends_on: draft.ends_on,
            commune_codes: draft.communes,
            team: members(tx, &draft.team).await?,
            ..old
        };
        store(tx, &plan).await?;
        Ok(plan)
    }))
    .await
}

fn closed(code: &str, on: NaiveDate) -> ApiError {
    refuse("plan.closed", m::PLAN_CLOSED, &[("code", code), ("date", &vieclam_core::format::date(on))])
}

/// Closes the plan `id` on `today`: its assignments end the day before, so no device receives or pushes for it
/// from today. A plan already closed is refused.
pub async fn close(db: &Db, id: &str, today: NaiveDate) -> ApiResult<InspectionPlan> {
    let id = id.to_owned();
    db.write(work!(|tx| async move {
        take_turn(tx).await?;
        let plan = load(tx, &id).await?.ok_or_else(not_found)?;
        if let Some(c) = plan.closed_on {
            return Err(closed(&plan.code, c));
        }
        let plan = InspectionPlan { closed_on: Some(today), ..plan };
        store(tx, &plan).await?;
        Ok(plan)
    }))
    .await
}

/// The plan whose number or id is `key`.
pub async fn find(db: &Db, key: &str) -> ApiResult<InspectionPlan> {
    let key = key.trim().to_owned();
    db.read(work!(|tx| async move {
        let wanted = key.to_lowercase();
        all(tx).await?.into_iter().find(|p| p.id == key || p.code.trim().to_lowercase() == wanted).ok_or_else(not_found)
    }))
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn draft() -> PlanDraft {
        PlanDraft {
            code: " 452/KH-SNV ".into(),
            title: String::new(),
            starts_on: day(1),
            ends_on: day(20),
            communes: vec!["06040".into(), "05977".into(), "06040".into()],
            team: vec![TeamPick { account: "a1".into(), role: TeamRole::Leader }],
        }
    }

    #[test]
    fn a_draft_is_trimmed_and_its_communes_kept_once() {
        let d = draft().checked().unwrap();
        assert_eq!((d.code.as_str(), d.title.as_str()), ("452/KH-SNV", "452/KH-SNV"));
        assert_eq!(d.communes, ["06040", "05977"]);
    }

    #[test]
    fn each_refusal_names_its_reason() {
        let code = |d: PlanDraft| d.checked().unwrap_err().code;
        assert_eq!(code(PlanDraft { communes: vec![], ..draft() }), "plan.no_communes");
        assert_eq!(code(PlanDraft { communes: vec!["99999".into()], ..draft() }), "plan.unknown_commune");
        assert_eq!(code(PlanDraft { ends_on: day(1) - Duration::days(1), ..draft() }), "plan.dates");
        assert_eq!(code(PlanDraft { code: "  ".into(), ..draft() }), "plan.code_required");
        assert_eq!(code(PlanDraft { code: "a\nb".into(), ..draft() }), "plan.code_invalid");
        let member = |a: &str, role| TeamPick { account: a.into(), role };
        assert_eq!(code(PlanDraft { team: vec![member("a1", TeamRole::Member)], ..draft() }), "plan.no_leader");
        let two = vec![member("a1", TeamRole::Leader), member("a2", TeamRole::Leader)];
        assert_eq!(code(PlanDraft { team: two, ..draft() }), "plan.two_leaders");
        let twice = vec![member("a1", TeamRole::Leader), member("a1", TeamRole::Secretary)];
        assert_eq!(code(PlanDraft { team: twice, ..draft() }), "plan.member_twice");
        let crowd = (0..=TEAM_MAX).map(|i| member(&format!("a{i}"), TeamRole::Member)).collect();
        assert_eq!(code(PlanDraft { team: crowd, ..draft() }), "plan.team_too_large");
    }

    #[test]
    fn the_command_line_keeps_old_invocations_and_takes_functions() {
        let old = team_from_cli(&["an".into(), "binh".into()], None).unwrap();
        assert_eq!(old.iter().map(|m| m.role).collect::<Vec<_>>(), [TeamRole::Leader, TeamRole::Member]);
        let new = team_from_cli(&["an:secretary".into(), "binh".into()], Some("chi")).unwrap();
        let got: Vec<(&str, TeamRole)> = new.iter().map(|m| (m.account.as_str(), m.role)).collect();
        assert_eq!(got, [("chi", TeamRole::Leader), ("an", TeamRole::Secretary), ("binh", TeamRole::Member)]);
        assert_eq!(team_from_cli(&["an:boss".into()], None).unwrap_err().code, "plan.unknown_role");
    }
}
