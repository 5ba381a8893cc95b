//! Instalment schedules (phân kỳ trả nợ gốc): how a loan's principal is split into dated instalments.
//!
//! The exact instalment rule VBSP uses for job-creation loans was not found (docs/domain.md), so this module offers the
//! common shape, equal instalments every few months, and the schedule a loan stores is whatever the office agreed:
//! status computations read the stored schedule, never this generator.

use chrono::{Months, NaiveDate};

use crate::format::Dong;
use crate::loans::types::Instalment;

/// The date `months` calendar months after `from`, clamped to the month's end: 31 Jan + 1 month = 28 Feb (29 in a
/// leap year), 31 Jan + 2 months = 31 Mar. Always counted from `from` itself, never by chaining, so a schedule that
/// started on the 31st goes back to the 31st whenever the month has one. Saturates at the last representable date.
pub fn add_months(from: NaiveDate, months: u32) -> NaiveDate {
    from.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// Ngày đến hạn cuối: the last day of a loan of `term_months` disbursed on `disbursed_on`, clamped to month ends.
pub fn maturity(disbursed_on: NaiveDate, term_months: u32) -> NaiveDate {
    add_months(disbursed_on, term_months)
}

/// Splits `principal` into equal instalments, one every `every_months` months after disbursement, the last on
/// maturity. When `every_months` does not divide the term, the last instalment falls on maturity, closer to the one before (term 10,
/// every 3: months 3, 6, 9, 10). The split is integer: each instalment gets `principal / count` and the last also
/// takes the remainder, so the sum is exact. Due dates are clamped to month ends (see [`add_months`]).
///
/// Edge cases, chosen so a bad input never panics: `every_months` of 0 or longer than the term means one
/// instalment at maturity; a term of 0 months gives one instalment on the disbursement day; a principal of 0 or
/// less gives an empty schedule (nothing to repay).
pub fn equal_instalments(
    principal: Dong,
    disbursed_on: NaiveDate,
    term_months: u32,
    every_months: u32,
) -> Vec<Instalment> {
    if principal <= 0 {
        return Vec::new();
    }
    let every = if every_months == 0 || every_months > term_months { term_months.max(1) } else { every_months };
    let count = term_months.div_ceil(every).max(1);
    // More instalments than đồng would leave zero-amount instalments; a schedule never needs that many.
    let count = count.min(u32::try_from(principal).unwrap_or(u32::MAX));
    let each = principal / i64::from(count);
    let last_amount = principal - each * i64::from(count - 1);
    (1..=count)
        .map(|seq| {
            let (due_on, principal_due) = if seq == count {
                (maturity(disbursed_on, term_months), last_amount)
            } else {
                (add_months(disbursed_on, seq * every), each)
            };
            Instalment { seq, due_on, principal_due }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn month_ends_clamp_and_recover() {
        let jan31 = ymd(2027, 1, 31);
        assert_eq!(add_months(jan31, 1), ymd(2027, 2, 28));
        assert_eq!(add_months(ymd(2028, 1, 31), 1), ymd(2028, 2, 29));
        assert_eq!(add_months(jan31, 2), ymd(2027, 3, 31));
        assert_eq!(add_months(jan31, 3), ymd(2027, 4, 30));
        assert_eq!(maturity(jan31, 12), ymd(2028, 1, 31));
        assert_eq!(maturity(ymd(2024, 2, 29), 12), ymd(2025, 2, 28));
    }

    #[test]
    fn monthly_schedule_from_the_31st() {
        // 10,000,000 ₫ over 3 months: 3,333,333 + 3,333,333 + 3,333,334.
        let s = equal_instalments(10_000_000, ymd(2027, 1, 31), 3, 1);
        let got: Vec<_> = s.iter().map(|i| (i.seq, i.due_on, i.principal_due)).collect();
        assert_eq!(
            got,
            vec![(1, ymd(2027, 2, 28), 3_333_333), (2, ymd(2027, 3, 31), 3_333_333), (3, ymd(2027, 4, 30), 3_333_334),]
        );
    }

    #[test]
    fn uneven_term_ends_on_maturity() {
        let s = equal_instalments(40_000_000, ymd(2025, 6, 15), 10, 3);
        let dates: Vec<_> = s.iter().map(|i| i.due_on).collect();
        assert_eq!(dates, vec![ymd(2025, 9, 15), ymd(2025, 12, 15), ymd(2026, 3, 15), ymd(2026, 4, 15)]);
        assert!(s.iter().all(|i| i.principal_due == 10_000_000));
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let d = ymd(2026, 3, 1);
        assert!(equal_instalments(0, d, 12, 1).is_empty());
        assert!(equal_instalments(-5, d, 12, 1).is_empty());
        let once = equal_instalments(1_000_000, d, 12, 0);
        assert_eq!(once.len(), 1);
        assert_eq!((once[0].due_on, once[0].principal_due), (ymd(2027, 3, 1), 1_000_000));
        let today = equal_instalments(1_000_000, d, 0, 1);
        assert_eq!((today.len(), today[0].due_on), (1, d));
        // Two đồng cannot make twelve instalments.
        assert_eq!(equal_instalments(2, d, 12, 1).len(), 2);
        assert_eq!(maturity(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    proptest! {
        #[test]
        fn schedules_are_exact_and_ordered(
            principal in 1i64..10_000_000_000,
            day in 0u32..6000,
            term in 1u32..=120,
            every in 1u32..=12,
        ) {
            let disbursed = ymd(2015, 1, 1) + chrono::Days::new(u64::from(day));
            let s = equal_instalments(principal, disbursed, term, every);
            let every_eff = every.min(term);
            let expected = u64::from(term.div_ceil(every_eff)).min(principal as u64);
            prop_assert_eq!(s.len() as u64, expected);
            prop_assert_eq!(s.iter().map(|i| i.principal_due).sum::<i64>(), principal);
            prop_assert!(s.iter().all(|i| i.principal_due > 0));
            prop_assert!(s.windows(2).all(|w| w[0].due_on < w[1].due_on));
            prop_assert!(s.iter().enumerate().all(|(k, i)| i.seq as usize == k + 1));
            prop_assert!(s[0].due_on > disbursed);
            prop_assert_eq!(s.last().map(|i| i.due_on), Some(maturity(disbursed, term)));
        }
    }
}
