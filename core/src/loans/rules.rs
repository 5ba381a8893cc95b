//! Versioned rule sets: the decree in force decides limits and rates, and each loan keeps the terms of the set in
//! force on its disbursement date (docs/domain.md). Values whose standing is uncertain are data the office can change,
//! never constants in code: these defaults only seed a new store.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::format::Dong;

/// The values a rule set fixes. Rates are yearly, in parts per million (7.92% = 79 200).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleValues {
    /// Most an individual worker may borrow.
    pub worker_limit: Dong,
    /// Most a business (SME, cooperative, household business) may borrow per project.
    pub business_limit: Dong,
    /// Most a business may borrow per worker it employs or supports.
    pub business_per_worker_limit: Dong,
    /// Loans above this need collateral; `None` where the rule is not known.
    pub collateral_above: Option<Dong>,
    /// The ordinary yearly rate for job-creation loans.
    pub standard_rate_ppm: i64,
    /// The yearly rate for priority borrowers (ethnic-minority, disability, ...).
    pub priority_rate_ppm: i64,
    /// The yearly rate for contract work abroad.
    pub overseas_rate_ppm: i64,
    /// The yearly rate for priority workers going abroad.
    pub overseas_priority_rate_ppm: i64,
    /// Overdue interest as a percentage of the loan's rate (130 = 130%).
    pub overdue_percent: i64,
    /// Longest term in months.
    pub max_term_months: u32,
    /// How sure we are of these values: `official`, `secondary`, `derived` or `uncertain` (docs/domain.md).
    pub standing: String,
}

/// One versioned rule set: a record the office keeps (`vieclam-server rules set`) and every device receives by sync.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    /// Stable id (UUID) in the store.
    pub id: String,
    /// Short code, e.g. `ND61-74`, `ND338`.
    pub code: String,
    /// The decree(s) it rests on.
    pub legal_basis: String,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force, if replaced.
    pub effective_to: Option<NaiveDate>,
    /// Limits and rates.
    pub values: RuleValues,
}

impl RuleSet {
    /// Whether this set is in force on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        day >= self.effective_from && self.effective_to.is_none_or(|to| day <= to)
    }

    /// The overdue yearly rate for a loan at `rate_ppm` under this set.
    pub fn overdue_rate_ppm(&self, rate_ppm: i64) -> i64 {
        rate_ppm * self.values.overdue_percent / 100
    }
}

/// The set in force on `day` among `sets`, if any.
pub fn in_force(sets: &[RuleSet], day: NaiveDate) -> Option<&RuleSet> {
    sets.iter().filter(|s| s.in_force_on(day)).max_by_key(|s| s.effective_from)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid literal date")
}

/// The two sets docs/domain.md describes: Decree 61/2015 as amended by 74/2019 until 31 Dec 2025, and Decree 338/2025
/// from 1 Jan 2026. Their ids are fixed so every device and the server agree on them.
pub fn default_rule_sets() -> Vec<RuleSet> {
    vec![
        RuleSet {
            id: "0190a000-0000-7000-8000-000000000061".into(),
            code: "ND61-74".into(),
            legal_basis: "Nghị định 61/2015/NĐ-CP, sửa đổi bởi Nghị định 74/2019/NĐ-CP".into(),
            effective_from: ymd(2015, 9, 1),
            effective_to: Some(ymd(2025, 12, 31)),
            values: RuleValues {
                worker_limit: 100_000_000,
                business_limit: 2_000_000_000,
                business_per_worker_limit: 100_000_000,
                collateral_above: Some(100_000_000),
                standard_rate_ppm: 79_200,
                priority_rate_ppm: 39_600,
                overseas_rate_ppm: 66_000,
                overseas_priority_rate_ppm: 66_000,
                overdue_percent: 130,
                max_term_months: 120,
                standing: "secondary".into(),
            },
        },
        RuleSet {
            id: "0190a000-0000-7000-8000-000000000338".into(),
            code: "ND338".into(),
            legal_basis: "Nghị định 338/2025/NĐ-CP; Luật Việc làm 74/2025/QH15".into(),
            effective_from: ymd(2026, 1, 1),
            effective_to: None,
            values: RuleValues {
                worker_limit: 200_000_000,
                business_limit: 10_000_000_000,
                business_per_worker_limit: 200_000_000,
                collateral_above: None,
                // 127% of the poor-household rate (6.6%/year before 2026): derived, unconfirmed for 2026.
                standard_rate_ppm: 83_820,
                priority_rate_ppm: 66_000,
                overseas_rate_ppm: 83_820,
                overseas_priority_rate_ppm: 66_000,
                overdue_percent: 130,
                max_term_months: 120,
                standing: "derived".into(),
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decree_changes_at_new_year_2026() {
        let sets = default_rule_sets();
        assert_eq!(in_force(&sets, ymd(2025, 12, 31)).unwrap().code, "ND61-74");
        assert_eq!(in_force(&sets, ymd(2026, 1, 1)).unwrap().code, "ND338");
        assert_eq!(in_force(&sets, ymd(2030, 6, 1)).unwrap().code, "ND338");
        assert!(in_force(&sets, ymd(2010, 1, 1)).is_none());
    }

    #[test]
    fn overdue_rate_is_130_percent() {
        let old = &default_rule_sets()[0];
        assert_eq!(old.overdue_rate_ppm(79_200), 102_960);
    }
}
