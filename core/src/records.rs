//! The office's records as the device holds them: borrowers, groups, programmes, loans, funded models, sites, job
//! programmes, sending enterprises and inspection plans. On a device they are read-only (they come from the office
//! through sync, or from the demo generator); only their author's own records (registrations, checks) change here.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::format::Dong;

/// A savings-and-loan group (Tổ tiết kiệm và vay vốn), entrusted to a mass organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavingsGroup {
    /// Id.
    pub id: String,
    /// The bank's group code.
    pub code: String,
    /// Group name, usually the village.
    pub name: String,
    /// Tổ trưởng.
    pub leader_name: String,
    /// `womens_union`, `farmers_union`, `veterans` or `youth_union`.
    pub organisation: String,
    /// Commune the group works in.
    pub commune_code: String,
}

/// A loan programme of the National Employment Fund.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoanProgramme {
    /// Id.
    pub id: String,
    /// Short code.
    pub code: String,
    /// `job_creation_worker`, `job_creation_business` or `overseas_contract`.
    pub kind: String,
    /// Name in Vietnamese.
    pub name_vi: String,
    /// Name in English.
    pub name_en: String,
}

/// A borrower (người vay).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Borrower {
    /// Id.
    pub id: String,
    /// Full name as on the ID card.
    pub full_name: String,
    /// Year of birth.
    pub birth_year: i32,
    /// CCCD (12 digits) or legacy CMND (9 digits).
    pub id_number: String,
    /// Mobile number in `0…` form.
    pub phone: Option<String>,
    /// Village and commune as written.
    pub address: String,
    /// Commune code (2025 list).
    pub commune_code: String,
    /// The savings-and-loan group.
    pub group_id: Option<String>,
    /// Ethnic-minority worker (priority rate).
    pub ethnic_minority: bool,
}

/// A loan (khế ước) as the bank keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Loan {
    /// Id.
    pub id: String,
    /// Số khế ước.
    pub agreement_no: String,
    /// Borrower.
    pub borrower_id: String,
    /// Programme.
    pub programme_id: String,
    /// Rule set in force at disbursement.
    pub rule_set_id: String,
    /// VBSP office that lent it.
    pub vbsp_office: String,
    /// What the money is for.
    pub purpose: String,
    /// Disbursement date.
    pub disbursed_on: NaiveDate,
    /// Maturity date.
    pub maturity_on: NaiveDate,
    /// Amount lent.
    pub principal: Dong,
    /// Yearly rate, parts per million.
    pub annual_rate_ppm: i64,
    /// Yearly overdue rate, parts per million.
    pub overdue_rate_ppm: i64,
    /// Savings balance held with the group.
    pub savings_balance: Dong,
    /// `none`, `extended`, `rescheduled`, `frozen`, `written_off`.
    pub relief: String,
    /// Relief start.
    pub relief_from: Option<NaiveDate>,
    /// Relief end.
    pub relief_to: Option<NaiveDate>,
    /// What the import found against the loan's rule set (codes such as `annual_rate.not_in_rule_set`): the bank's
    /// loan is kept as the bank wrote it, and the office sees why it breaks the rules. The phone does not keep them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

/// One payment received on a loan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoanPayment {
    /// Id.
    pub id: String,
    /// Loan.
    pub loan_id: String,
    /// Day paid.
    pub paid_on: NaiveDate,
    /// Principal repaid.
    pub principal_paid: Dong,
    /// Interest paid.
    pub interest_paid: Dong,
    /// Overdue interest (lãi quá hạn) paid; absent in records written before it was kept apart, hence 0.
    #[serde(default)]
    pub overdue_interest_paid: Dong,
}

/// What a loan funded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FundedModel {
    /// Id.
    pub id: String,
    /// Loan.
    pub loan_id: String,
    /// `afforestation`, `livestock`, `crops`, `services`, `small_business`.
    pub kind: String,
    /// What it is, in the borrower's words.
    pub description: String,
    /// Area the loan funded, for land.
    pub funded_area_ha: Option<f64>,
    /// Jobs the project promised to create or keep.
    pub jobs_planned: i64,
}

/// Where a funded model is: a point with a radius, or a plot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// Id.
    pub id: String,
    /// Funded model.
    pub model_id: String,
    /// Commune the site lies in.
    pub commune_code: String,
    /// Latitude (WGS84) of the point, or of a point inside the plot.
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// How far from the point still counts as "at the site".
    pub radius_m: f64,
    /// The plot's ring as `[[lon, lat], …]` (GeoJSON order), if mapped.
    pub plot: Option<Vec<[f64; 2]>>,
}

/// A commune's VBSP transaction point (điểm giao dịch xã) and the days it sits: where and when borrowers pay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TransactionPoint {
    /// Id.
    pub id: String,
    /// The commune it serves.
    pub commune_code: String,
    /// Where it sits (the commune's People's Committee, a cultural house).
    pub place: String,
    /// Days of every month it sits (1–31; a day past a month's end is its last day).
    #[serde(default)]
    pub days_of_month: Vec<u32>,
    /// Dates it sits besides (or instead of) those.
    #[serde(default)]
    pub dates: Vec<NaiveDate>,
}

impl TransactionPoint {
    /// The first day on or after `on` that the point sits, if its calendar has one within a year.
    pub fn next_session(&self, on: NaiveDate) -> Option<NaiveDate> {
        let by_date = self.dates.iter().copied().filter(|d| *d >= on).min();
        let mut by_day = None;
        let mut month = on.with_day(1)?;
        for _ in 0..13 {
            let last = crate::loans::schedule::add_months(month, 1).pred_opt()?.day();
            let mut days: Vec<u32> = self.days_of_month.iter().map(|d| (*d).clamp(1, last)).collect();
            days.sort_unstable();
            if let Some(day) = days.into_iter().filter_map(|d| month.with_day(d)).find(|d| *d >= on) {
                by_day = Some(day);
                break;
            }
            month = crate::loans::schedule::add_months(month, 1);
        }
        match (by_date, by_day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// A licensed enterprise that sends workers abroad under contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendingEnterprise {
    /// Id.
    pub id: String,
    /// Company name.
    pub name: String,
    /// Licence number from the ministry.
    pub licence_no: String,
    /// Countries it sends to.
    pub markets: Vec<String>,
    /// `active`, `suspended` or `revoked`.
    pub status: String,
}

/// A programme a worker can apply to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobProgramme {
    /// Id.
    pub id: String,
    /// `domestic_job`, `training`, `loan` or `overseas`.
    pub kind: String,
    /// Title.
    pub title: String,
    /// What it offers.
    pub description: String,
    /// Where, if local.
    pub commune_code: Option<String>,
    /// For work abroad: the licensed enterprise.
    pub enterprise_id: Option<String>,
    /// For work abroad: the country.
    pub country: Option<String>,
    /// Opens.
    pub opens_on: NaiveDate,
    /// Closes.
    pub closes_on: Option<NaiveDate>,
    /// Places offered.
    pub seats: Option<i64>,
}

/// An inspection plan this device's inspector takes part in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InspectionPlan {
    /// Id.
    pub id: String,
    /// Plan number, e.g. `452/KH-SNV`.
    pub code: String,
    /// Title.
    pub title: String,
    /// First day of field work.
    pub starts_on: NaiveDate,
    /// Last day of field work.
    pub ends_on: NaiveDate,
    /// Communes assigned.
    pub commune_codes: Vec<String>,
    /// The inspection team (đoàn kiểm tra), each member with their function in it, so reports and minutes name
    /// them; empty in plans written before teams were kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<TeamMember>,
    /// The day the office closed the plan: from that day no one is assigned to it any more, whatever its last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
}

impl InspectionPlan {
    /// The team's leader, if the plan names one.
    pub fn leader(&self) -> Option<&TeamMember> {
        self.team.iter().find(|m| m.role == TeamRole::Leader.key())
    }

    /// Whether the plan is closed on `day` (closing takes effect on the day it is done).
    pub fn is_closed_on(&self, day: NaiveDate) -> bool {
        self.closed_on.is_some_and(|c| c <= day)
    }
}

/// One member of an inspection team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    /// The member's account id on the server.
    pub account_id: String,
    /// Their name as the office wrote it on the account, for reports and minutes.
    pub name: String,
    /// Their function in the team: a [`TeamRole`] key (`leader`, `deputy`, `member`, `secretary`). Kept as text so
    /// a device reading a function a later version adds still reads the plan.
    pub role: String,
}

impl TeamMember {
    /// The member's function, if its key is one this version knows.
    pub fn team_role(&self) -> Option<TeamRole> {
        TeamRole::parse(&self.role)
    }

    /// The member's function in words (the key itself when this version does not know it).
    pub fn role_label(&self, lang: crate::messages::Lang) -> String {
        self.team_role().map_or_else(|| self.role.clone(), |r| r.label(lang).to_owned())
    }
}

/// A member's function in an inspection team, as a decision setting up a team (quyết định thành lập đoàn) names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TeamRole {
    /// Trưởng đoàn.
    Leader,
    /// Phó trưởng đoàn.
    Deputy,
    /// Thành viên.
    Member,
    /// Thư ký.
    Secretary,
}

impl TeamRole {
    /// Every function, in the order a decision lists the team.
    pub const ALL: [TeamRole; 4] = [TeamRole::Leader, TeamRole::Deputy, TeamRole::Member, TeamRole::Secretary];

    /// The key stored in [`TeamMember::role`].
    pub fn key(self) -> &'static str {
        match self {
            TeamRole::Leader => "leader",
            TeamRole::Deputy => "deputy",
            TeamRole::Member => "member",
            TeamRole::Secretary => "secretary",
        }
    }

    /// The function with this key.
    pub fn parse(key: &str) -> Option<TeamRole> {
        TeamRole::ALL.into_iter().find(|r| r.key() == key.trim())
    }

    /// The function in words: `Trưởng đoàn` / `Team leader`, ….
    pub fn label(self, lang: crate::messages::Lang) -> &'static str {
        use crate::messages::office as m;
        match self {
            TeamRole::Leader => m::TEAM_LEADER,
            TeamRole::Deputy => m::TEAM_DEPUTY,
            TeamRole::Member => m::TEAM_MEMBER,
            TeamRole::Secretary => m::TEAM_SECRETARY,
        }
        .get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn a_plan_written_before_teams_still_reads() {
        let old = r#"{"id":"p1","code":"452/KH-SNV","title":"Kiểm tra","starts_on":"2026-01-05","ends_on":"2026-02-05","commune_codes":["19801"]}"#;
        let plan: InspectionPlan = serde_json::from_str(old).unwrap();
        assert!(plan.team.is_empty());
        assert_eq!(plan.closed_on, None);
        assert!(plan.leader().is_none());
        // Written again without a team, it is the same body an older device expects.
        assert!(!serde_json::to_string(&plan).unwrap().contains("team"));
    }

    #[test]
    fn a_team_names_its_members_by_function() {
        let body = r#"{"id":"p1","code":"452/KH-SNV","title":"Kiểm tra","starts_on":"2026-01-05","ends_on":"2026-02-05",
            "commune_codes":["19801"],"closed_on":"2026-01-20","team":[
            {"account_id":"a1","name":"Hoàng Văn Nam","role":"leader"},
            {"account_id":"a2","name":"Lý Thị Mai","role":"secretary"},
            {"account_id":"a3","name":"Nông Văn Tú","role":"observer"}]}"#;
        let plan: InspectionPlan = serde_json::from_str(body).unwrap();
        assert_eq!(plan.leader().map(|m| m.name.as_str()), Some("Hoàng Văn Nam"));
        assert_eq!(plan.team[1].role_label(Lang::Vi), "Thư ký");
        assert_eq!(plan.team[1].role_label(Lang::En), "Secretary");
        // A function this version does not know is shown as written rather than dropping the plan.
        assert_eq!(plan.team[2].team_role(), None);
        assert_eq!(plan.team[2].role_label(Lang::Vi), "observer");
        assert!(plan.is_closed_on(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap()));
        assert!(!plan.is_closed_on(NaiveDate::from_ymd_opt(2026, 1, 19).unwrap()));
        let again: InspectionPlan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
        assert_eq!(again, plan);
    }

    #[test]
    fn every_role_key_parses_back() {
        for r in TeamRole::ALL {
            assert_eq!(TeamRole::parse(r.key()), Some(r));
        }
        assert_eq!(TeamRole::Deputy.label(Lang::Vi), "Phó trưởng đoàn");
        assert_eq!(TeamRole::parse("Leader"), None);
    }
}
