//! The loan book's figures per commune, computed the one way the phone and the CLI compute a loan's status (the
//! core's [`LoanFacts`]), and kept between visits.
//!
//! A province's book is 100,000 loans and a million payments: reading them all on every visit of a page takes
//! seconds, yet they change only on an import or an office batch. The figures are kept with the newest change
//! (`seq`) of each kind they read, the day and the earlier day they compare with, and made again only when one of
//! those moved.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use vieclam_core::format::Dong;
use vieclam_core::loans::Instalment;
use vieclam_core::loans::status::LoanState;
use vieclam_core::query::facts::LoanFacts;
use vieclam_core::records::{Loan, LoanPayment};
use vieclam_core::sync::pull::parse_schedule;

use crate::db::Tx;
use crate::error::ApiResult;
use crate::params;
use crate::store::records::{SELECT, from_row};

/// One commune's loans on a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoanTotals {
    /// Loans held.
    pub loans: u64,
    /// Principal outstanding.
    pub outstanding: Dong,
    /// Principal outstanding on the earlier day, when one was asked.
    pub outstanding_since: Option<Dong>,
    /// Loans with overdue principal.
    pub overdue_loans: u64,
    /// Overdue principal.
    pub overdue_amount: Dong,
}

impl LoanTotals {
    fn add(&mut self, other: &LoanTotals) {
        self.loans += other.loans;
        self.outstanding += other.outstanding;
        self.outstanding_since = match (self.outstanding_since, other.outstanding_since) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        self.overdue_loans += other.overdue_loans;
        self.overdue_amount += other.overdue_amount;
    }
}

/// The book's figures by commune code, and what they were made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    /// Largest `seq` of loans, schedules and payments when made.
    pub seen: [i64; 3],
    /// The day the figures are for.
    pub today: NaiveDate,
    /// The earlier day outstanding was also computed for.
    pub since: Option<NaiveDate>,
    /// Each commune's figures; a loan without a commune counts under the empty code.
    pub by_commune: BTreeMap<String, LoanTotals>,
}

impl Book {
    /// The province's totals.
    pub fn totals(&self) -> LoanTotals {
        let mut t = LoanTotals::default();
        self.by_commune.values().for_each(|c| t.add(c));
        t
    }

    /// Whether these figures answer for `today` (and `since`, when `Some(Some(day))`) with the book as `seen`:
    /// figures made with a day of comparison also answer a request without one.
    pub fn answers(&self, seen: [i64; 3], today: NaiveDate, since: Option<Option<NaiveDate>>) -> bool {
        self.seen == seen && self.today == today && since.flatten().is_none_or(|s| Some(s) == self.since)
    }
}

/// The newest change of loans, schedules and payments (0 for a kind with none); an index on `(kind, seq)` answers it.
pub async fn seen(tx: &mut Tx) -> ApiResult<[i64; 3]> {
    let mut seen = [0; 3];
    for (slot, kind) in seen.iter_mut().zip(["loan", "schedule", "payment"]) {
        let row = tx.one("SELECT MAX(seq) FROM records WHERE kind = $1", params![kind]).await?;
        *slot = row.map_or(0, |r| r.int(0));
    }
    Ok(seen)
}

/// Every loan's status on `today` (and outstanding on `since`), summed by commune. A body that does not read as its
/// record (never written by this server's import) is left out of the figures.
pub async fn compute(tx: &mut Tx, today: NaiveDate, since: Option<NaiveDate>, seen: [i64; 3]) -> ApiResult<Book> {
    let of_kind = |kind: &'static str| format!("{SELECT} WHERE kind = '{kind}' AND deleted = 0 ORDER BY seq");
    let mut payments: HashMap<String, Vec<LoanPayment>> = HashMap::new();
    for p in tx.query(&of_kind("payment"), vec![]).await?.iter().map(from_row) {
        if let Ok(payment) = serde_json::from_str::<LoanPayment>(&p.row.body) {
            payments.entry(payment.loan_id.clone()).or_default().push(payment);
        }
    }
    let mut schedules: HashMap<String, Vec<Instalment>> = HashMap::new();
    for s in tx.query(&of_kind("schedule"), vec![]).await?.iter().map(from_row) {
        if let Some(items) = serde_json::from_str(&s.row.body).ok().and_then(parse_schedule) {
            schedules.insert(s.row.id.clone(), items);
        }
    }
    let mut by_commune: BTreeMap<String, LoanTotals> = BTreeMap::new();
    for l in tx.query(&of_kind("loan"), vec![]).await?.iter().map(from_row) {
        let Ok(loan) = serde_json::from_str::<Loan>(&l.row.body) else { continue };
        let schedule = schedules.remove(&l.row.id).unwrap_or_default();
        let paid = payments.get(&l.row.id).map_or(&[][..], Vec::as_slice);
        let facts = LoanFacts::from_records(&loan, schedule, paid);
        let status = facts.status(today, 0);
        let c = by_commune.entry(l.row.commune_code.clone().unwrap_or_default()).or_default();
        c.loans += 1;
        c.outstanding += status.outstanding;
        if status.state == LoanState::Overdue {
            c.overdue_loans += 1;
            c.overdue_amount += status.overdue_principal;
        }
        if let Some(day) = since {
            // A loan disbursed after the earlier day owed nothing then.
            let then = if loan.disbursed_on > day { 0 } else { facts.status(day, 0).outstanding };
            c.outstanding_since = Some(c.outstanding_since.unwrap_or(0) + then);
        }
    }
    if since.is_some() {
        by_commune.values_mut().for_each(|c| c.outstanding_since = c.outstanding_since.or(Some(0)));
    }
    Ok(Book { seen, today, since, by_commune })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_with_a_day_of_comparison_answer_requests_without_one_but_not_another_day() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        let book = Book { seen: [1, 2, 3], today: d(6), since: Some(d(1)), by_commune: BTreeMap::new() };
        assert!(book.answers([1, 2, 3], d(6), None), "the front page takes any");
        assert!(book.answers([1, 2, 3], d(6), Some(None)), "the figures page without a day");
        assert!(book.answers([1, 2, 3], d(6), Some(Some(d(1)))));
        assert!(!book.answers([1, 2, 3], d(6), Some(Some(d(2)))), "another day of comparison");
        assert!(!book.answers([1, 2, 4], d(6), None), "a newer payment");
        assert!(!book.answers([1, 2, 3], d(7), None), "another day");
        let plain = Book { since: None, ..book };
        assert!(!plain.answers([1, 2, 3], d(6), Some(Some(d(1)))), "no figures for the day asked");
    }
}
