//! What the report is made from: the plan and its team, the figures the dashboard computes for its communes, its
//! checks, the team's reviews of each commune, the workers' registrations and the programmes abroad. Gathered by
//! `web::report` in one read of the database; the composer is a pure function of it.

use chrono::NaiveDate;

use crate::dashboard::CheckRow;
use crate::dashboard::communes::CommuneFigures;
use crate::dashboard::plans::PlanProgress;

/// A member of the team: name and function in the team.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Member {
    /// Full name.
    pub name: String,
    /// Function in the team, in Vietnamese (e.g. `Trưởng đoàn`).
    pub function: String,
    /// Whether this member leads the team (and signs the report).
    pub leads: bool,
}

/// One inspector's word on one heading of a commune's review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Note {
    /// Who wrote it (name).
    pub author: String,
    /// The rating in Vietnamese (`Tốt`, `Khá`, …), empty when none was given.
    pub rating: String,
    /// What they wrote.
    pub text: String,
}

/// The team's review of one commune, every contributor's part kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommuneReview {
    /// Commune code.
    pub commune_code: String,
    /// The day the meeting was held (the earliest any contributor gives).
    pub held_on: Option<NaiveDate>,
    /// Per heading key (`leadership`, `targeting`, `book`, `site_checks`, `opinions`, `overseas`,
    /// `recommendations`), the notes written under it.
    pub notes: Vec<(String, Vec<Note>)>,
    /// Who attended the meeting: `name, function`.
    pub attendees: Vec<String>,
    /// Opinions heard: `who: what`.
    pub opinions: Vec<String>,
    /// Recommendations: `to whom: what`.
    pub recommendations: Vec<String>,
}

impl CommuneReview {
    /// The notes under heading `key`.
    pub fn notes(&self, key: &str) -> &[Note] {
        self.notes.iter().find(|(k, _)| k == key).map_or(&[], |(_, n)| n.as_slice())
    }
}

/// Registrations of returning workers in one commune.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registrations {
    /// Commune code.
    pub commune_code: String,
    /// All registrations.
    pub total: u64,
    /// Verified by the office.
    pub verified: u64,
    /// Rejected by the office.
    pub rejected: u64,
    /// Wanting each of: a job in Vietnam, training, a loan to work for themselves, another contract abroad.
    pub wants: [u64; 4],
}

/// A programme of contract work abroad open in the plan's time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overseas {
    /// Programme title.
    pub title: String,
    /// The sending enterprise's name.
    pub enterprise: String,
    /// Its licence number.
    pub licence_no: String,
    /// The country.
    pub country: String,
    /// Places offered, if stated.
    pub seats: Option<i64>,
}

/// Everything the report is made from.
#[derive(Clone, Debug, Default)]
pub struct ReportInput {
    /// The plan with its communes' progress (sites, checked, flagged).
    pub plan: PlanProgress,
    /// The team, leader first.
    pub team: Vec<Member>,
    /// The day the figures are for (today in Vietnam).
    pub today: NaiveDate,
    /// The day outstanding growth is measured from (the end of the previous year).
    pub since: NaiveDate,
    /// The dashboard's figures of each commune of the plan (checks: the plan's only), in the plan's order.
    pub communes: Vec<CommuneFigures>,
    /// The plan's checks (in its communes, during its days), newest first.
    pub checks: Vec<CheckRow>,
    /// The team's reviews, one per commune reviewed.
    pub reviews: Vec<CommuneReview>,
    /// Registrations in each commune of the plan.
    pub registrations: Vec<Registrations>,
    /// Programmes abroad open during the plan, through an active licensed enterprise.
    pub overseas: Vec<Overseas>,
}

impl ReportInput {
    /// The review of commune `code`, if the team recorded one.
    pub fn review(&self, code: &str) -> Option<&CommuneReview> {
        self.reviews.iter().find(|r| r.commune_code == code)
    }

    /// The figures page these figures are read on: the same day of comparison and the same plan.
    pub fn figures_page(&self) -> String {
        format!("/office/communes?since={}&plan={}", self.since, self.plan.id)
    }
}
