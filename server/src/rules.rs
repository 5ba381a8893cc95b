//! The lending rule sets as data the office keeps (docs/domain.md: the 2026 figures come from the press, so they
//! must be changeable without a new build): stored as public `rule_set` records, which every device receives by
//! sync, versioned by the day they take effect. The shipped sets are written the first time a database is opened
//! without any; `vieclam-server rules set` changes one or adds a new one, `rules list` shows them. The import judges
//! each loan by the set in force on its disbursement day, read from here.

use chrono::NaiveDate;
use vieclam_core::ids::stable_id;
use vieclam_core::loans::rules::{RuleSet, RuleValues, default_rule_sets};
use vieclam_core::messages::server_cli as sc;
use vieclam_core::store::office::OfficeBatch;

use crate::admin::AdminResult;
use crate::db::Db;
use crate::store::records;
use crate::{params, work};

/// The standings a rule set may have (docs/domain.md).
pub const STANDINGS: [&str; 4] = ["official", "secondary", "derived", "uncertain"];

/// Every rule set held, oldest first.
pub async fn list(db: &Db) -> AdminResult<Vec<RuleSet>> {
    let bodies = db
        .read::<Vec<String>>(work!(|tx| async move {
            let rows =
                tx.query(&format!("{} WHERE kind = $1 AND deleted = 0", records::SELECT), params!["rule_set"]).await?;
            Ok(rows.iter().map(records::from_row).map(|s| s.row.body).collect::<Vec<_>>())
        }))
        .await
        .map_err(|e| format!("{} / {}", e.vi, e.en))?;
    let mut sets: Vec<RuleSet> = bodies.iter().filter_map(|b| serde_json::from_str(b).ok()).collect();
    sets.sort_by(|a, b| (a.effective_from, &a.code).cmp(&(b.effective_from, &b.code)));
    Ok(sets)
}

/// Writes the shipped rule sets when the database holds none (a new database); answers how many it wrote.
pub async fn ensure_defaults(db: &Db) -> AdminResult<usize> {
    if !list(db).await?.is_empty() {
        return Ok(0);
    }
    let sets = default_rule_sets();
    let n = sets.len();
    write(db, sets).await?;
    Ok(n)
}

async fn write(db: &Db, rule_sets: Vec<RuleSet>) -> AdminResult<()> {
    let batch = OfficeBatch { rule_sets, ..OfficeBatch::default() };
    db.apply_office_batch(&batch).await.map(|_| ()).map_err(|e| format!("{} / {}", e.vi, e.en))
}

/// What `rules set` changes: the code names the set; every other field left `None` keeps the set's value (a new
/// set must give them all).
#[derive(Clone, Debug, Default)]
pub struct RuleChange {
    /// Short code (`ND338`).
    pub code: String,
    /// The decree(s) it rests on.
    pub legal_basis: Option<String>,
    /// First day in force.
    pub effective_from: Option<NaiveDate>,
    /// Last day in force.
    pub effective_to: Option<NaiveDate>,
    /// Most a worker may borrow, đồng.
    pub worker_limit: Option<i64>,
    /// Most a business may borrow, đồng.
    pub business_limit: Option<i64>,
    /// Most a business may borrow per worker, đồng.
    pub business_per_worker_limit: Option<i64>,
    /// Loans above this need collateral, đồng.
    pub collateral_above: Option<i64>,
    /// Rates, in parts per million a year (7.92 % = 79,200).
    pub standard_rate_ppm: Option<i64>,
    /// Priority borrowers' rate.
    pub priority_rate_ppm: Option<i64>,
    /// Contract work abroad.
    pub overseas_rate_ppm: Option<i64>,
    /// Priority workers abroad.
    pub overseas_priority_rate_ppm: Option<i64>,
    /// Overdue interest as a percentage of the loan's rate.
    pub overdue_percent: Option<i64>,
    /// Longest term.
    pub max_term_months: Option<u32>,
    /// `official`, `secondary`, `derived` or `uncertain`.
    pub standing: Option<String>,
}

/// Changes the set named by `change.code`, or adds it; answers the set as stored. Refuses, changing nothing, a new
/// set missing a value, a value out of range, or dates the wrong way round.
pub async fn set(db: &Db, change: RuleChange) -> AdminResult<RuleSet> {
    let code = change.code.trim().to_owned();
    if code.is_empty() || code.len() > 40 {
        return Err(sc::A_RULE_SETS_CODE_MUST.joined(&[]));
    }
    let existing = list(db).await?.into_iter().find(|s| s.code == code);
    let set = merge(existing, &code, change)?;
    check(&set)?;
    write(db, vec![set.clone()]).await?;
    Ok(set)
}

fn missing(field: &str) -> String {
    sc::A_NEW_RULE_SET_NEEDS.joined(&[("field", field)])
}

fn merge(existing: Option<RuleSet>, code: &str, c: RuleChange) -> AdminResult<RuleSet> {
    if let Some(mut s) = existing {
        let v = &mut s.values;
        s.legal_basis = c.legal_basis.unwrap_or(s.legal_basis);
        s.effective_from = c.effective_from.unwrap_or(s.effective_from);
        s.effective_to = c.effective_to.or(s.effective_to);
        v.worker_limit = c.worker_limit.unwrap_or(v.worker_limit);
        v.business_limit = c.business_limit.unwrap_or(v.business_limit);
        v.business_per_worker_limit = c.business_per_worker_limit.unwrap_or(v.business_per_worker_limit);
        v.collateral_above = c.collateral_above.or(v.collateral_above);
        v.standard_rate_ppm = c.standard_rate_ppm.unwrap_or(v.standard_rate_ppm);
        v.priority_rate_ppm = c.priority_rate_ppm.unwrap_or(v.priority_rate_ppm);
        v.overseas_rate_ppm = c.overseas_rate_ppm.unwrap_or(v.overseas_rate_ppm);
        v.overseas_priority_rate_ppm = c.overseas_priority_rate_ppm.unwrap_or(v.overseas_priority_rate_ppm);
        v.overdue_percent = c.overdue_percent.unwrap_or(v.overdue_percent);
        v.max_term_months = c.max_term_months.unwrap_or(v.max_term_months);
        v.standing = c.standing.unwrap_or_else(|| v.standing.clone());
        return Ok(s);
    }
    let need = |v: Option<i64>, field: &str| v.ok_or_else(|| missing(field));
    Ok(RuleSet {
        id: stable_id("rule_set", code),
        code: code.to_owned(),
        legal_basis: c.legal_basis.ok_or_else(|| missing("legal-basis"))?,
        effective_from: c.effective_from.ok_or_else(|| missing("from"))?,
        effective_to: c.effective_to,
        values: RuleValues {
            worker_limit: need(c.worker_limit, "worker-limit")?,
            business_limit: need(c.business_limit, "business-limit")?,
            business_per_worker_limit: need(c.business_per_worker_limit, "per-worker-limit")?,
            collateral_above: c.collateral_above,
            standard_rate_ppm: need(c.standard_rate_ppm, "standard-rate")?,
            priority_rate_ppm: need(c.priority_rate_ppm, "priority-rate")?,
            overseas_rate_ppm: need(c.overseas_rate_ppm, "overseas-rate")?,
            overseas_priority_rate_ppm: need(c.overseas_priority_rate_ppm, "overseas-priority-rate")?,
            overdue_percent: need(c.overdue_percent, "overdue-percent")?,
            max_term_months: c.max_term_months.ok_or_else(|| missing("max-term-months"))?,
            standing: c.standing.unwrap_or_else(|| "uncertain".into()),
        },
    })
}

fn check(s: &RuleSet) -> AdminResult<()> {
    let v = &s.values;
    if s.legal_basis.trim().is_empty() {
        return Err(sc::THE_LEGAL_BASIS_CANNOT_BE.joined(&[]));
    }
    if s.effective_to.is_some_and(|to| to < s.effective_from) {
        return Err(sc::THE_SET_ENDS_BEFORE_IT.joined(&[]));
    }
    let limits = [v.worker_limit, v.business_limit, v.business_per_worker_limit];
    if limits.iter().any(|l| !(1..=1_000_000_000_000).contains(l)) || v.collateral_above.is_some_and(|c| c < 0) {
        return Err(sc::RULE_LIMITS.joined(&[]));
    }
    let rates = [v.standard_rate_ppm, v.priority_rate_ppm, v.overseas_rate_ppm, v.overseas_priority_rate_ppm];
    if rates.iter().any(|r| !(1..=200_000).contains(r)) {
        return Err(sc::RATES_MUST_BE_ABOVE_0.joined(&[]));
    }
    if !(100..=200).contains(&v.overdue_percent) {
        return Err(sc::OVERDUE_INTEREST_MUST_BE_100.joined(&[]));
    }
    if !(1..=360).contains(&v.max_term_months) {
        return Err(sc::THE_LONGEST_TERM_MUST_BE.joined(&[]));
    }
    if !STANDINGS.contains(&v.standing.as_str()) {
        return Err(sc::RULE_STANDING.joined(&[("standings", &STANDINGS.join(", "))]));
    }
    Ok(())
}

/// A rate given in percent a year (`8,382` or `8.382`) in parts per million; `None` for what is not a rate.
pub fn percent_ppm(text: &str) -> Option<i64> {
    let value: f64 = text.trim().trim_end_matches('%').trim().replace(',', ".").parse().ok()?;
    (value.is_finite() && value > 0.0 && value <= 100.0).then(|| (value * 10_000.0).round() as i64)
}
