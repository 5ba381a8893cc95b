//! The commune figures from what the server holds: the loan book's figures (see [`super::book`]), each check's
//! answers tallied by the checklist's keys, and the workers' registrations, all by commune code, for every one of
//! the province's communes (a commune with nothing shows zeros rather than going missing from the table).

use std::collections::HashMap;

use serde_json::Value;
use vieclam_core::checks::checklist::{JOBS_CREATED, JOBS_KEPT, PURPOSE_KEPT};
use vieclam_core::places::communes;

use super::book::Book;
use crate::dashboard::communes::{CommuneFigures, misuse_questions};

/// What one check contributes: its commune, whether it is flagged, its answers as `(question key, value)`.
pub struct CheckFacts {
    /// The site's commune.
    pub commune: String,
    /// Whether the check carries any flag.
    pub flagged: bool,
    /// Its answers.
    pub answers: Vec<(String, Value)>,
}

/// A whole count from an answer: jobs are whole people, and a hostile negative or fractional value counts nothing.
fn count(v: &Value) -> u64 {
    v.as_f64().filter(|n| n.is_finite() && *n >= 0.0 && n.fract() == 0.0 && *n <= 1_000.0).map_or(0, |n| n as u64)
}

/// Every commune's figures: `book` for the loans, `checks` (the latest revision of each), `registrations` and
/// `programmes` (those open) as the commune code of each. Codes outside the province's list (a hostile client's)
/// are left out of the table.
pub fn figures(
    book: &Book,
    checks: &[CheckFacts],
    registrations: &[String],
    programmes: &[String],
) -> Vec<CommuneFigures> {
    let misuse = misuse_questions();
    let mut rows: Vec<CommuneFigures> = communes()
        .iter()
        .map(|c| {
            let loans = book.by_commune.get(&c.code).copied().unwrap_or_default();
            CommuneFigures {
                code: c.code.clone(),
                name: c.name.clone(),
                loans: loans.loans,
                outstanding: loans.outstanding,
                outstanding_since: book.since.map(|_| loans.outstanding_since.unwrap_or(0)),
                overdue_loans: loans.overdue_loans,
                overdue_amount: loans.overdue_amount,
                misuse: vec![0; misuse.len()],
                ..Default::default()
            }
        })
        .collect();
    let at: HashMap<String, usize> = rows.iter().enumerate().map(|(i, r)| (r.code.clone(), i)).collect();
    for check in checks {
        let Some(&i) = at.get(&check.commune) else { continue };
        let r = &mut rows[i];
        r.checks += 1;
        r.flagged_checks += u64::from(check.flagged);
        for (key, value) in &check.answers {
            match key.as_str() {
                PURPOSE_KEPT => {
                    if let Some(kept) = value.as_bool() {
                        r.purpose = (r.purpose.0 + 1, r.purpose.1 + u64::from(kept));
                    }
                }
                "effectiveness" => {
                    if let Some(e) = value.as_str() {
                        r.effective = (r.effective.0 + 1, r.effective.1 + u64::from(e == "effective"));
                    }
                }
                JOBS_CREATED => r.jobs_created += count(value),
                JOBS_KEPT => r.jobs_kept += count(value),
                other => {
                    if let Some(k) = misuse.iter().position(|(m, _, _)| *m == other)
                        && value.as_bool() == Some(true)
                    {
                        r.misuse[k] += 1;
                    }
                }
            }
        }
    }
    for code in registrations {
        if let Some(&i) = at.get(code) {
            rows[i].registrations += 1;
        }
    }
    for code in programmes {
        if let Some(&i) = at.get(code) {
            rows[i].programmes += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;
    use serde_json::json;

    use super::*;
    use crate::web::book::LoanTotals;

    #[test]
    fn answers_are_tallied_by_key_and_hostile_values_count_nothing() {
        let code = communes()[0].code.clone();
        let mut by_commune = BTreeMap::new();
        by_commune.insert(
            code.clone(),
            LoanTotals { loans: 3, outstanding: 100, outstanding_since: Some(60), overdue_loans: 1, overdue_amount: 5 },
        );
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let book = Book { seen: [1, 1, 1], today: day, since: Some(day), by_commune };
        let check = |answers: Vec<(&str, Value)>, flagged| CheckFacts {
            commune: code.clone(),
            flagged,
            answers: answers.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        };
        let checks = [
            check(
                vec![("purpose_kept", json!(true)), ("jobs_created", json!(3)), ("effectiveness", json!("effective"))],
                false,
            ),
            check(vec![("purpose_kept", json!(false)), ("misuse_vay_ke", json!(true)), ("jobs_kept", json!(2))], true),
            check(vec![("jobs_created", json!(-5)), ("jobs_kept", json!(1.5)), ("misuse_fees", json!("yes"))], false),
            CheckFacts { commune: "99999".into(), flagged: true, answers: vec![] },
        ];
        let rows = figures(&book, &checks, &[code.clone(), code.clone(), "99999".into()], &[code.clone(), "x".into()]);
        assert_eq!(rows.len(), 65);
        let r = rows.iter().find(|r| r.code == code).unwrap();
        assert_eq!((r.loans, r.outstanding, r.growth(), r.overdue_amount), (3, 100, Some(40), 5));
        assert_eq!((r.checks, r.flagged_checks), (3, 1));
        assert_eq!((r.purpose, r.effective), ((2, 1), (1, 1)));
        assert_eq!((r.jobs_created, r.jobs_kept), (3, 2));
        assert_eq!(r.misuse_total(), 1, "only a yes counts, and only to its own kind");
        assert_eq!((r.registrations, r.programmes), (2, 1));
        let other = rows.iter().find(|r| r.code != code).unwrap();
        assert_eq!((other.loans, other.checks, other.growth()), (0, 0, Some(0)));
    }
}
