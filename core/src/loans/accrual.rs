//! Interest arithmetic the VBSP way: each day's end-of-day balance × (yearly rate / 12) / 30, summed over the days
//! and rounded half-up to whole đồng once at the end. A 31-day month therefore has 31 day-terms and a leap February
//! 29, and a 30-day month of a balance at 7.92% is exactly 0.66% of it.
//!
//! Everything is exact integer arithmetic: rates in parts per million, sums of balance × days in `i128`, one
//! division at the end. Balances are integrated over the stretches between payments instead of day by day, so a
//! ten-year loan costs as many steps as it has payments.

use chrono::{Datelike, NaiveDate};

use crate::format::Dong;

/// The divisor that turns Σ(balance × days) × rate-in-ppm into đồng: 12 months × 30 day-terms × 1,000,000 ppm.
const DAY_TERM_DIVISOR: i128 = 12 * 30 * 1_000_000;

/// A run of whole days, both ends included. Empty when `last < first`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First day in the run.
    pub first: NaiveDate,
    /// Last day in the run.
    pub last: NaiveDate,
}

impl Span {
    /// The run from `first` to `last`, both included.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Span {
        Span { first, last }
    }

    /// How many days the run holds (0 when empty).
    pub fn days(self) -> i64 {
        if self.last < self.first { 0 } else { (self.last - self.first).num_days() + 1 }
    }

    /// Whether `day` is in the run.
    pub fn contains(self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }

    /// The days of this run that are not in `gap` (a freeze, during which nothing accrues).
    pub fn days_outside(self, gap: Option<Span>) -> i64 {
        let overlap = gap.map_or(0, |g| Span::new(self.first.max(g.first), self.last.min(g.last)).days());
        self.days() - overlap
    }

    /// The first day of this run at or after `first` that is not in `gap`, if the run has one.
    pub fn first_outside(self, gap: Option<Span>) -> Option<NaiveDate> {
        let day = match gap {
            Some(g) if g.contains(self.first) => g.last.succ_opt()?,
            _ => self.first,
        };
        (day <= self.last).then_some(day)
    }
}

/// The calendar month holding `day`.
pub fn month_of(day: NaiveDate) -> Span {
    let first = day.with_day0(0).unwrap_or(day);
    let last = crate::loans::schedule::add_months(first, 1).pred_opt().unwrap_or(NaiveDate::MAX);
    Span::new(first, last)
}

/// Interest in whole đồng for `balance_days` (Σ of end-of-day balance × days) at `rate_ppm` a year, rounded half
/// up. A negative rate or sum (bad data) gives 0 rather than interest owed to the borrower.
pub fn interest(balance_days: i128, rate_ppm: i64) -> Dong {
    let numerator = balance_days.max(0).saturating_mul(i128::from(rate_ppm.max(0)));
    let rounded = numerator.saturating_add(DAY_TERM_DIVISOR / 2) / DAY_TERM_DIVISOR;
    Dong::try_from(rounded).unwrap_or(Dong::MAX)
}

/// A loan's principal balance through time: the principal from the disbursement day on, less every principal
/// payment from the day it was made. Interest runs on the end-of-day balance, so the disbursement day accrues and
/// the day of a payment accrues on what is left after it.
#[derive(Clone, Debug)]
pub struct Balances {
    principal: i128,
    disbursed_on: NaiveDate,
    /// (day, principal paid up to and including that day), one entry per day with payments, in day order.
    paid_by: Vec<(NaiveDate, i128)>,
}

impl Balances {
    /// The balance history of `principal` disbursed on `disbursed_on` with `payments` (day, principal paid) in any
    /// order. A payment dated before disbursement (bad data) counts from the disbursement day.
    pub fn new(
        principal: Dong,
        disbursed_on: NaiveDate,
        payments: impl IntoIterator<Item = (NaiveDate, Dong)>,
    ) -> Self {
        let mut days: Vec<(NaiveDate, Dong)> = payments.into_iter().collect();
        days.sort_unstable_by_key(|&(day, _)| day);
        let mut paid_by: Vec<(NaiveDate, i128)> = Vec::with_capacity(days.len());
        let mut total: i128 = 0;
        for (day, amount) in days {
            total += i128::from(amount);
            match paid_by.last_mut() {
                Some(last) if last.0 == day => last.1 = total,
                _ => paid_by.push((day, total)),
            }
        }
        Balances { principal: i128::from(principal), disbursed_on, paid_by }
    }

    /// Principal paid up to and including `day`.
    pub fn paid_by(&self, day: NaiveDate) -> i128 {
        let i = self.paid_by.partition_point(|&(d, _)| d <= day);
        if i == 0 { 0 } else { self.paid_by[i - 1].1 }
    }

    /// Dư nợ at the end of `day`: never below 0, and 0 before disbursement.
    pub fn balance_at_end_of(&self, day: NaiveDate) -> i128 {
        if day < self.disbursed_on { 0 } else { (self.principal - self.paid_by(day)).max(0) }
    }

    /// Σ over the days of `span` that are not in `gap` of the end-of-day balance: the figure [`interest`] turns into
    /// đồng. Walks the stretches between payment days, not the days.
    pub fn balance_days(&self, span: Span, gap: Option<Span>) -> i128 {
        let mut start = span.first.max(self.disbursed_on);
        if start > span.last {
            return 0;
        }
        let mut next = self.paid_by.partition_point(|&(d, _)| d <= start);
        let mut total: i128 = 0;
        loop {
            let balance = self.balance_at_end_of(start);
            // The balance holds until the day before the next payment day inside the span.
            let change = self.paid_by.get(next).map(|&(d, _)| d).filter(|&d| d <= span.last);
            let end = change.and_then(|d| d.pred_opt()).unwrap_or(span.last);
            let days = i128::from(Span::new(start, end).days_outside(gap));
            total = total.saturating_add(balance.saturating_mul(days));
            match change {
                Some(day) => {
                    start = day;
                    next += 1;
                }
                None => return total,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn spans_count_days_and_skip_gaps() {
        let june = month_of(ymd(2026, 6, 17));
        assert_eq!(june, Span::new(ymd(2026, 6, 1), ymd(2026, 6, 30)));
        assert_eq!(june.days(), 30);
        assert_eq!(month_of(ymd(2028, 2, 3)).days(), 29);
        assert_eq!(month_of(ymd(2027, 2, 3)).days(), 28);
        assert_eq!(month_of(ymd(2026, 12, 31)).last, ymd(2026, 12, 31));
        let gap = Some(Span::new(ymd(2026, 6, 10), ymd(2026, 7, 5)));
        assert_eq!(june.days_outside(gap), 9);
        assert_eq!(june.first_outside(gap), Some(ymd(2026, 6, 1)));
        assert_eq!(Span::new(ymd(2026, 6, 12), ymd(2026, 6, 30)).first_outside(gap), None);
        assert_eq!(Span::new(ymd(2026, 6, 12), ymd(2026, 7, 9)).first_outside(gap), Some(ymd(2026, 7, 6)));
        assert_eq!(Span::new(ymd(2026, 6, 2), ymd(2026, 6, 1)).days(), 0);
    }

    #[test]
    fn a_thirty_day_month_at_792_is_066_percent() {
        // 50,000,000 × 30 days × 79,200 ppm / 360,000,000 = 330,000 ₫.
        assert_eq!(interest(50_000_000 * 30, 79_200), 330_000);
        // Half a đồng rounds up, less rounds down: 100 ₫ for one day at 180% a year is exactly 0.5 ₫.
        assert_eq!(interest(100, 1_800_000), 1);
        assert_eq!(interest(99, 1_800_000), 0);
        assert_eq!(interest(-5, 79_200), 0);
        assert_eq!(interest(5, -79_200), 0);
    }

    #[test]
    fn balances_run_on_end_of_day_figures() {
        let b = Balances::new(
            10_000_000,
            ymd(2026, 1, 10),
            [(ymd(2026, 1, 20), 4_000_000), (ymd(2026, 1, 15), 1_000_000), (ymd(2026, 1, 20), 1_000_000)],
        );
        assert_eq!(b.balance_at_end_of(ymd(2026, 1, 9)), 0);
        assert_eq!(b.balance_at_end_of(ymd(2026, 1, 10)), 10_000_000);
        assert_eq!(b.balance_at_end_of(ymd(2026, 1, 15)), 9_000_000);
        assert_eq!(b.balance_at_end_of(ymd(2026, 1, 20)), 4_000_000);
        // January: 10–14 at 10M (5 days), 15–19 at 9M (5), 20–31 at 4M (12).
        let jan = month_of(ymd(2026, 1, 1));
        assert_eq!(b.balance_days(jan, None), 5 * 10_000_000 + 5 * 9_000_000 + 12 * 4_000_000);
        // Frozen 12–21: 10–11 at 10M, 22–31 at 4M.
        let gap = Some(Span::new(ymd(2026, 1, 12), ymd(2026, 1, 21)));
        assert_eq!(b.balance_days(jan, gap), 2 * 10_000_000 + 10 * 4_000_000);
        // A span ending inside a stretch.
        assert_eq!(b.balance_days(Span::new(ymd(2026, 1, 16), ymd(2026, 1, 17)), None), 2 * 9_000_000);
    }
}
