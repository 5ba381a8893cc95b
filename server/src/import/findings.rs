//! What a good row breaks of the rule set in force on its disbursement day (issue 10, point 4): the bank's loan is
//! imported as written — the bank's book is the fact — and each finding goes to the office with the loan
//! (`Loan::findings`) and in the import's report. A check needs its data: collateral and a contract abroad are
//! judged only where the export has those columns.

use vieclam_core::format::{money, percent_ppm};
use vieclam_core::loans::rules::RuleSet;

use super::RowError;
use super::build::Problems;
use super::cells;
use super::columns::Field;
use vieclam_core::messages::import as m;

/// The cells a finding is judged from.
pub(super) struct Facts<'a> {
    /// The set in force on the disbursement day.
    pub set: &'a RuleSet,
    /// The programme's kind (`job_creation_worker`, `job_creation_business`, `overseas_contract`).
    pub kind: &'a str,
    /// The loan's yearly rate, ppm.
    pub rate_ppm: i64,
    /// The amount lent.
    pub principal: i64,
    /// The term, months.
    pub term_months: u32,
    /// Workers the funded model employs, when the row says.
    pub jobs: Option<i64>,
}

/// The findings of one good row, each tied to its column. An unreadable optional cell is no finding: it reads as
/// absent (the row's own checks refuse nothing here).
pub(super) fn of_row(p: &Problems, f: &Facts) -> Vec<RowError> {
    let mut out = Vec::new();
    let mut add = |field: Field, code: &str, text, args: &[(&str, &str)]| {
        out.push(RowError::new(p.row.number, p.cols.header(field), code.into(), text, args));
    };
    let v = &f.set.values;
    let rates: Vec<i64> = match f.kind {
        "overseas_contract" => vec![v.overseas_rate_ppm, v.overseas_priority_rate_ppm],
        _ => vec![v.standard_rate_ppm, v.priority_rate_ppm],
    };
    if !rates.contains(&f.rate_ppm) {
        let allowed: Vec<String> = rates.iter().map(|r| percent_ppm(*r)).collect();
        let (rate, set) = (percent_ppm(f.rate_ppm), f.set.code.clone());
        let args = [("rate", rate.as_str()), ("rates", &allowed.join(", ")), ("set", set.as_str())];
        add(Field::AnnualRate, "annual_rate.not_in_rule_set", m::RATE_NOT_IN_SET, &args);
    }
    if f.kind == "job_creation_business"
        && let Some(jobs) = f.jobs
    {
        let cap = jobs.saturating_mul(v.business_per_worker_limit);
        if f.principal > cap {
            let (cap, jobs) = (money(cap), jobs.to_string());
            add(
                Field::Principal,
                "principal.above_per_worker_cap",
                m::ABOVE_PER_WORKER,
                &[("cap", &cap), ("jobs", &jobs)],
            );
        }
    }
    // An empty (or absent) cell says nothing about collateral; only a written "không" is a finding.
    let cell = p.cols.cell(p.row, Field::Collateral);
    let secured = if cell.is_empty() { None } else { cells::yes_no(cell) };
    if let (Some(threshold), Some(false)) = (v.collateral_above, secured)
        && f.principal > threshold
    {
        let threshold = money(threshold);
        add(Field::Collateral, "collateral.missing", m::COLLATERAL_MISSING, &[("threshold", &threshold)]);
    }
    if f.kind == "overseas_contract" {
        if let Some(costs) = cells::money(p.cols.cell(p.row, Field::ContractCosts))
            && f.principal > costs
        {
            add(
                Field::Principal,
                "principal.above_contract_costs",
                m::ABOVE_CONTRACT_COSTS,
                &[("costs", &money(costs))],
            );
        }
        if let Some(months) = cells::whole(p.cols.cell(p.row, Field::ContractMonths))
            && i64::from(f.term_months) > months
        {
            let (term, months) = (f.term_months.to_string(), months.to_string());
            add(
                Field::MaturityOn,
                "maturity_on.beyond_contract",
                m::BEYOND_CONTRACT,
                &[("term", &term), ("months", &months)],
            );
        }
    }
    out
}
