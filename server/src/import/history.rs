//! The payment history and the relief events of an export. Each row names its loan by agreement number: it is
//! checked on its own as it is read, then against its loan once every table is read (the tables may come in any
//! order, on sheets of one workbook or in several files). Ids come from the bank's keys, so importing the same
//! export again writes the same records, and a newer export adds what is new.

use std::collections::HashMap;

use chrono::NaiveDate;
use vieclam_core::fold::fold;
use vieclam_core::format::money;
use vieclam_core::records::LoanPayment;

use super::RowError;
use super::build::{Builder, Problems};
use super::cells;
use super::columns::{Columns, Field};
use super::records::stable_id;
use super::table::Row;
use vieclam_core::messages::import as m;

/// Where a row is, to report a problem found after reading it.
#[derive(Clone, Debug)]
struct Place {
    table: String,
    row: u64,
    /// The agreement column's header as written.
    agreement: String,
}

impl Place {
    fn error(&self, column: String, code: &str, text: vieclam_core::messages::Text, args: &[(&str, &str)]) -> RowError {
        let mut e = RowError::new(self.row, column, code.into(), text, args);
        e.table = self.table.clone();
        e
    }

    fn unknown(&self, agreement_no: &str) -> RowError {
        self.error(self.agreement.clone(), "agreement_no.unknown", m::AGREEMENT_UNKNOWN, &[("value", agreement_no)])
    }
}

/// A payment row that read well, waiting for its loan.
#[derive(Clone, Debug)]
pub(super) struct PendingPayment {
    at: Place,
    paid_on_header: String,
    principal_header: String,
    agreement_no: String,
    paid_on: NaiveDate,
    principal: i64,
    interest: i64,
    overdue_interest: i64,
}

/// A relief row that read well, waiting for its loan.
#[derive(Clone, Debug)]
pub(super) struct PendingRelief {
    at: Place,
    from_header: String,
    amount_header: String,
    agreement_no: String,
    kind: &'static str,
    from: NaiveDate,
    to: Option<NaiveDate>,
    amount: Option<i64>,
}

/// The relief kind a cell names, as the core's code: Vietnamese as the bank writes it, or English.
pub fn relief_kind(text: &str) -> Option<&'static str> {
    let key: String = fold(text).chars().filter(char::is_ascii_alphanumeric).collect();
    Some(match key.as_str() {
        "khoanhno" | "khoanh" | "frozen" | "freeze" => "frozen",
        "giahanno" | "giahan" | "extended" | "extension" => "extended",
        "dieuchinhkyhantrano" | "dieuchinhkyhan" | "dieuchinh" | "rescheduled" | "reschedule" => "rescheduled",
        "xoano" | "xoa" | "writtenoff" | "writeoff" => "written_off",
        _ => return None,
    })
}

impl Builder {
    /// Reads one row of a payment history: kept for its loan, or its problems join the report.
    pub fn payment_row(&mut self, cols: &Columns, row: &Row) {
        let mut p = Problems { row, cols, list: Vec::new() };
        let agreement_no = p.text(Field::AgreementNo, true, 40);
        let paid_on = p.value(Field::PaidOn, cells::date, m::DATE_FORMAT);
        let principal = p.optional(Field::PrincipalPaid, cells::amount, m::AMOUNT_FORMAT);
        let interest = p.optional(Field::InterestPaid, cells::amount, m::AMOUNT_FORMAT);
        let overdue = p.optional(Field::OverdueInterestPaid, cells::amount, m::AMOUNT_FORMAT);
        if paid_on.is_some_and(|d| d > self.today) {
            p.add(Field::PaidOn, "future", m::PAID_FUTURE, &[]);
        }
        if let (Some(agreement_no), Some(paid_on), Some(principal), Some(interest), Some(overdue)) =
            (agreement_no, paid_on, principal, interest, overdue)
            && p.list.is_empty()
        {
            let (principal, interest, overdue_interest) =
                (principal.unwrap_or(0), interest.unwrap_or(0), overdue.unwrap_or(0));
            if principal == 0 && interest == 0 && overdue_interest == 0 {
                let header = cols.header(Field::PrincipalPaid);
                p.list.push(RowError::new(row.number, header, "payment.nothing_paid".into(), m::NOTHING_PAID, &[]));
            } else {
                self.payments_pending.push(PendingPayment {
                    at: self.place(cols, row),
                    paid_on_header: cols.header(Field::PaidOn),
                    principal_header: cols.header(Field::PrincipalPaid),
                    agreement_no,
                    paid_on,
                    principal,
                    interest,
                    overdue_interest,
                });
            }
        }
        self.reject(p.list);
    }

    /// Reads one row of the relief events: kept for its loan, or its problems join the report.
    pub fn relief_row(&mut self, cols: &Columns, row: &Row) {
        let mut p = Problems { row, cols, list: Vec::new() };
        let agreement_no = p.text(Field::AgreementNo, true, 40);
        let kind = p.text(Field::ReliefKind, true, 60).and_then(|t| {
            let kind = relief_kind(&t);
            if kind.is_none() {
                p.add(Field::ReliefKind, "unknown", m::RELIEF_KIND_UNKNOWN, &[]);
            }
            kind
        });
        let from = p.value(Field::ReliefFrom, cells::date, m::DATE_FORMAT);
        let to = p.optional(Field::ReliefTo, cells::date, m::DATE_FORMAT);
        let amount = p.optional(Field::ReliefAmount, cells::amount, m::AMOUNT_FORMAT);
        if let (Some(from), Some(Some(to))) = (from, to) {
            if to < from {
                p.add(Field::ReliefTo, "before_from", m::RELIEF_TO_BEFORE, &[]);
            } else if kind == Some("written_off") {
                p.add(Field::ReliefTo, "write_off", m::RELIEF_TO_WRITE_OFF, &[]);
            }
        }
        if let (Some(agreement_no), Some(kind), Some(from), Some(to), Some(amount)) =
            (agreement_no, kind, from, to, amount)
            && p.list.is_empty()
        {
            self.relief_pending.push(PendingRelief {
                at: self.place(cols, row),
                from_header: cols.header(Field::ReliefFrom),
                amount_header: cols.header(Field::ReliefAmount),
                agreement_no,
                kind,
                from,
                to,
                amount,
            });
        }
        self.reject(p.list);
    }

    fn place(&self, cols: &Columns, row: &Row) -> Place {
        Place { table: self.table.clone(), row: row.number, agreement: cols.header(Field::AgreementNo) }
    }

    /// Ties the payments and relief events read to the loans accepted: payments become records (each loan's in
    /// date order, the principal repaid never above the principal), and each loan takes the relief event that
    /// starts last (the one in force; the bank keeps the earlier ones).
    pub(super) fn resolve_history(&mut self) {
        let by_agreement: HashMap<String, usize> =
            self.out.batch.loans.iter().enumerate().map(|(i, l)| (l.agreement_no.clone(), i)).collect();

        let mut payments = std::mem::take(&mut self.payments_pending);
        payments.sort_by(|a, b| {
            (a.agreement_no.as_str(), a.paid_on, a.at.table.as_str(), a.at.row).cmp(&(
                b.agreement_no.as_str(),
                b.paid_on,
                b.at.table.as_str(),
                b.at.row,
            ))
        });
        let mut repaid: HashMap<usize, i64> = HashMap::new();
        let mut same_day: HashMap<(usize, NaiveDate), u32> = HashMap::new();
        let mut errors = Vec::new();
        for p in payments {
            let Some(&i) = by_agreement.get(&p.agreement_no) else {
                errors.push(p.at.unknown(&p.agreement_no));
                continue;
            };
            let loan = &self.out.batch.loans[i];
            if p.paid_on < loan.disbursed_on {
                let (date, disbursed) =
                    (vieclam_core::format::date(p.paid_on), vieclam_core::format::date(loan.disbursed_on));
                let args = [("date", date.as_str()), ("disbursed", disbursed.as_str())];
                errors.push(p.at.error(
                    p.paid_on_header.clone(),
                    "paid_on.before_disbursement",
                    m::PAID_BEFORE_DISBURSEMENT,
                    &args,
                ));
                continue;
            }
            let total = repaid.entry(i).or_default();
            if *total + p.principal > loan.principal {
                let (paid, principal) = (money(*total + p.principal), money(loan.principal));
                let args = [("paid", paid.as_str()), ("principal", principal.as_str())];
                errors.push(p.at.error(
                    p.principal_header.clone(),
                    "principal_paid.above_principal",
                    m::PAID_ABOVE_PRINCIPAL,
                    &args,
                ));
                continue;
            }
            *total += p.principal;
            let n = same_day.entry((i, p.paid_on)).or_default();
            *n += 1;
            self.out.batch.payments.push(LoanPayment {
                id: stable_id("payment", &format!("{}|{}|{n}", p.agreement_no, p.paid_on)),
                loan_id: loan.id.clone(),
                paid_on: p.paid_on,
                principal_paid: p.principal,
                interest_paid: p.interest,
                overdue_interest_paid: p.overdue_interest,
            });
            self.out.accepted_rows += 1;
        }

        let mut in_force: HashMap<usize, PendingRelief> = HashMap::new();
        for r in std::mem::take(&mut self.relief_pending) {
            let Some(&i) = by_agreement.get(&r.agreement_no) else {
                errors.push(r.at.unknown(&r.agreement_no));
                continue;
            };
            let loan = &self.out.batch.loans[i];
            if r.from < loan.disbursed_on {
                let disbursed = vieclam_core::format::date(loan.disbursed_on);
                let args = [("disbursed", disbursed.as_str())];
                errors.push(r.at.error(
                    r.from_header.clone(),
                    "relief_from.before_disbursement",
                    m::RELIEF_BEFORE_DISBURSEMENT,
                    &args,
                ));
                continue;
            }
            if let Some(amount) = r.amount.filter(|a| *a > loan.principal) {
                let (amount, principal) = (money(amount), money(loan.principal));
                let args = [("amount", amount.as_str()), ("principal", principal.as_str())];
                errors.push(r.at.error(
                    r.amount_header.clone(),
                    "relief_amount.above_principal",
                    m::RELIEF_ABOVE_PRINCIPAL,
                    &args,
                ));
                continue;
            }
            self.out.accepted_rows += 1;
            // The event that starts last is in force; on the same day, the later row.
            let later = |old: &PendingRelief| (r.from, &r.at.table, r.at.row) >= (old.from, &old.at.table, old.at.row);
            if in_force.get(&i).is_none_or(later) {
                in_force.insert(i, r);
            }
        }
        for (i, r) in in_force {
            let loan = &mut self.out.batch.loans[i];
            loan.relief = r.kind.into();
            loan.relief_from = Some(r.from);
            loan.relief_to = r.to;
        }
        self.out.rejected.extend(errors);
    }
}
