//! What the report to the province is made from, read from the database with the dashboard's own queries: the plan's
//! progress as `/office/plans` shows it, its communes' figures as `/office/communes?plan=…` shows them, its checks as
//! `/office/checks` lists them, its team, the team's reviews, registrations and programmes abroad.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use vieclam_core::messages::Lang;
use vieclam_core::records::{InspectionPlan, JobProgramme, SendingEnterprise, TeamRole};
use vieclam_core::review;

use super::data::{DbDashboard, body, local_day, of_kind};
use super::report_cache::{Made, stamp};
use crate::dashboard::{CheckRow, DashboardData};
use crate::db::Tx;
use crate::error::ApiResult;
use crate::report::input::{CommuneReview, Member, Note, Overseas, Registrations, ReportInput};
use crate::store::records;
use crate::work;
use std::sync::Arc;

/// The inspection plan with this id, if the server holds it.
pub async fn plan(tx: &mut Tx, id: &str) -> ApiResult<Option<InspectionPlan>> {
    let held = records::get(tx, "inspection_plan", id).await?.filter(|p| !p.row.deleted);
    Ok(held.and_then(|p| serde_json::from_str(&p.row.body).ok()))
}

/// The day outstanding growth is measured from: the last day of the year before `today`, as the bank reports it.
pub fn year_start(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year() - 1, 12, 31).unwrap_or(today)
}

/// The team of `plan`: its members by name and function in the team, leader first, in the order a decision setting
/// up a team lists them. A plan written before teams were kept names no functions: its assigned inspectors are then
/// listed as members, the first of them leading.
async fn team(tx: &mut Tx, plan: &InspectionPlan) -> ApiResult<Vec<Member>> {
    if !plan.team.is_empty() {
        let mut team: Vec<(usize, Member)> = plan
            .team
            .iter()
            .map(|m| {
                let rank = m.team_role().map_or(TeamRole::ALL.len(), |r| r as usize);
                (rank, Member { name: m.name.clone(), function: m.role_label(Lang::Vi), leads: false })
            })
            .collect();
        team.sort_by_key(|m| m.0);
        let mut team: Vec<Member> = team.into_iter().map(|(_, m)| m).collect();
        let leader = plan.leader().map(|l| l.name.clone());
        for m in &mut team {
            m.leads = leader.as_deref() == Some(m.name.as_str());
        }
        return Ok(team);
    }
    let rows = tx
        .query(
            "SELECT DISTINCT a.display_name FROM plan_assignments p JOIN accounts a ON a.id = p.account_id
             WHERE p.plan_id = $1 ORDER BY a.display_name",
            crate::params![&plan.id],
        )
        .await?;
    Ok(rows
        .iter()
        .enumerate()
        .map(|(i, r)| Member {
            name: r.text(0),
            function: if i == 0 { TeamRole::Leader.label(Lang::Vi) } else { TeamRole::Member.label(Lang::Vi) }.into(),
            leads: i == 0,
        })
        .collect())
}

/// The display names of every account, by id: reviews name their authors by account.
async fn names(tx: &mut Tx) -> ApiResult<HashMap<String, String>> {
    let rows = tx.query("SELECT id, display_name FROM accounts", vec![]).await?;
    Ok(rows.iter().map(|r| (r.text(0), r.text(1))).collect())
}

/// The team's reviews of each commune of `plan`, every inspector's contribution merged (see
/// [`vieclam_core::review::merge`]) and named by its author.
async fn reviews(tx: &mut Tx, plan: &InspectionPlan) -> ApiResult<Vec<CommuneReview>> {
    let mut by_commune: HashMap<String, Vec<review::CommuneReview>> = HashMap::new();
    for r in of_kind(tx, review::ENTITY_REVIEW).await? {
        let Ok(r) = serde_json::from_str::<review::CommuneReview>(&r.row.body) else { continue };
        if r.plan_id == plan.id && plan.commune_codes.contains(&r.commune_code) {
            by_commune.entry(r.commune_code.clone()).or_default().push(r);
        }
    }
    let names = names(tx).await?;
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    Ok(plan
        .commune_codes
        .iter()
        .filter_map(|code| {
            let merged = review::merge(by_commune.get(code)?);
            Some(CommuneReview {
                commune_code: code.clone(),
                held_on: merged.contributors.iter().map(|c| c.held_on).min(),
                notes: merged
                    .headings
                    .iter()
                    .map(|h| {
                        let notes = h
                            .contributions
                            .iter()
                            .filter(|c| !c.text.trim().is_empty() || c.rating != review::Rating::NotAssessed)
                            .map(|c| Note {
                                author: name(&c.author),
                                rating: if c.rating == review::Rating::NotAssessed {
                                    String::new()
                                } else {
                                    c.rating.label().vi.to_owned()
                                },
                                text: c.text.trim().to_owned(),
                            })
                            .collect();
                        (h.key.clone(), notes)
                    })
                    .collect(),
                attendees: merged.attendees.iter().map(|a| format!("{}, {}", a.name, a.role)).collect(),
                opinions: merged.opinions.iter().map(|o| format!("{}: {}", o.who, o.what)).collect(),
                recommendations: merged.recommendations.iter().map(|o| format!("{}: {}", o.to, o.what)).collect(),
            })
        })
        .collect())
}

/// Registrations of returning workers in each commune of `plan`, in its order.
async fn registrations(tx: &mut Tx, plan: &InspectionPlan) -> ApiResult<Vec<Registrations>> {
    let mut by: HashMap<String, Registrations> = plan
        .commune_codes
        .iter()
        .map(|c| (c.clone(), Registrations { commune_code: c.clone(), ..Default::default() }))
        .collect();
    for r in of_kind(tx, "worker_registration").await? {
        let b = body(&r);
        let Some(row) = b["commune_code"].as_str().and_then(|c| by.get_mut(c)) else { continue };
        row.total += 1;
        match b["status"].as_str() {
            Some("verified") => row.verified += 1,
            Some("rejected") => row.rejected += 1,
            _ => {}
        }
        let wants: Vec<&str> = b["wants"].as_array().map_or(vec![], |w| w.iter().filter_map(|v| v.as_str()).collect());
        for (i, code) in ["domestic_job", "training", "self_employment_loan", "work_abroad"].iter().enumerate() {
            row.wants[i] += u64::from(wants.contains(code));
        }
    }
    Ok(plan.commune_codes.iter().filter_map(|c| by.remove(c)).collect())
}

/// Programmes of work abroad open at some time during `plan`, through an enterprise whose licence is active.
async fn overseas(tx: &mut Tx, plan: &InspectionPlan) -> ApiResult<Vec<Overseas>> {
    let enterprises: HashMap<String, SendingEnterprise> = of_kind(tx, "sending_enterprise")
        .await?
        .iter()
        .filter_map(|e| serde_json::from_str::<SendingEnterprise>(&e.row.body).ok())
        .map(|e| (e.id.clone(), e))
        .collect();
    let mut out: Vec<Overseas> = of_kind(tx, "job_programme")
        .await?
        .iter()
        .filter_map(|p| serde_json::from_str::<JobProgramme>(&p.row.body).ok())
        .filter(|p| p.kind == "overseas" && p.opens_on <= plan.ends_on)
        .filter(|p| p.closes_on.is_none_or(|c| c >= plan.starts_on))
        .filter_map(|p| {
            let e = enterprises.get(p.enterprise_id.as_deref()?).filter(|e| e.status == "active")?;
            Some(Overseas {
                title: p.title,
                enterprise: e.name.clone(),
                licence_no: e.licence_no.clone(),
                country: p.country.unwrap_or_default(),
                seats: p.seats,
            })
        })
        .collect();
    out.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(out)
}

impl DbDashboard {
    /// Plan `id`'s report as the data stands now: the one made before if nothing changed since (see
    /// [`super::report_cache`]), else made again; `None` when there is no such plan.
    pub async fn report(&self, id: &str) -> Result<Option<Arc<Made>>, String> {
        let today = vieclam_core::query::session::today_in_province();
        let stamp =
            self.db().read(work!(|tx| async move { stamp(tx, today).await })).await.map_err(|e| e.to_string())?;
        if let Some(made) = self.reports.get(id, &stamp) {
            return Ok(Some(made));
        }
        let Some(input) = self.report_input(id).await? else { return Ok(None) };
        let doc = crate::report::compose::report(&input);
        let made = Arc::new(Made::new(stamp, input, doc));
        self.reports.put(id, made.clone());
        Ok(Some(made))
    }

    /// Everything the report for plan `id` is made from; `None` when there is no such plan.
    pub async fn report_input(&self, id: &str) -> Result<Option<ReportInput>, String> {
        let today = vieclam_core::query::session::today_in_province();
        let since = year_start(today);
        // The plan's progress exactly as the plans page computes it.
        let (plans, _) = self.plans().await?;
        let Some(progress) = plans.into_iter().find(|p| p.id == id) else { return Ok(None) };
        let (figures, today) = self.communes(Some(since), Some(id.to_owned())).await?;
        let id = id.to_owned();
        type Gathered =
            (InspectionPlan, Vec<CheckRow>, Vec<Member>, Vec<CommuneReview>, Vec<Registrations>, Vec<Overseas>);
        let this = self.clone();
        let gathered: Option<Gathered> = self
            .db()
            .read(work!(|tx| async move {
                let Some(plan) = plan(tx, &id).await? else { return Ok(None) };
                let loaded = this.all_checks(tx).await?;
                let checks = loaded
                    .checks
                    .iter()
                    .filter(|c| c.rec.row.commune_code.as_ref().is_some_and(|code| plan.commune_codes.contains(code)))
                    .filter(|c| {
                        c.body["started_at"]
                            .as_str()
                            .and_then(local_day)
                            .is_some_and(|d| plan.starts_on <= d && d <= plan.ends_on)
                    })
                    .map(|c| loaded.row(c))
                    .collect();
                let team = team(tx, &plan).await?;
                let reviews = reviews(tx, &plan).await?;
                let registrations = registrations(tx, &plan).await?;
                let overseas = overseas(tx, &plan).await?;
                Ok(Some((plan, checks, team, reviews, registrations, overseas)))
            }))
            .await
            .map_err(|e| e.to_string())?;
        let Some((plan, checks, team, reviews, registrations, overseas)) = gathered else { return Ok(None) };
        let by_code: HashMap<&str, &crate::dashboard::communes::CommuneFigures> =
            figures.iter().map(|f| (f.code.as_str(), f)).collect();
        let communes =
            plan.commune_codes.iter().filter_map(|c| by_code.get(c.as_str()).map(|f| (*f).clone())).collect();
        Ok(Some(ReportInput { plan: progress, team, today, since, communes, checks, reviews, registrations, overseas }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_is_measured_from_the_end_of_last_year() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(year_start(d(2026, 12, 6)), d(2025, 12, 31));
        assert_eq!(year_start(d(2027, 1, 1)), d(2026, 12, 31));
    }
}
