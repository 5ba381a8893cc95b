//! Loan screens through the FFI: the list (all loans, or those a search finds), one borrower's loans, one loan's
//! detail with its schedule and payments, and finding a loan by its agreement number. Every figure comes with its
//! text already formatted for the chosen language; money stays `i64` đồng beside it.

use vieclam_core::query::{self as core, loans as q};

use crate::error::VieclamError;
use crate::loan_status::{LoanState, LoanStatus};
use crate::store::VieclamStore;
use crate::types::{LabeledValue, Language, day};

/// One row of a loan list.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct LoanRow {
    /// Loan id.
    pub loan_id: String,
    /// Số khế ước: the agreement number.
    pub agreement_no: String,
    /// Borrower id.
    pub borrower_id: String,
    /// Borrower's name.
    pub borrower_name: String,
    /// Commune name.
    pub commune_name: String,
    /// Dư nợ: outstanding principal, đồng.
    pub outstanding: i64,
    /// Outstanding, formatted.
    pub outstanding_text: String,
    /// Nợ quá hạn: overdue principal, đồng.
    pub overdue_principal: i64,
    /// Where the loan stands.
    pub state: LoanState,
    /// The state in words.
    pub state_text: String,
}

impl From<core::LoanRow> for LoanRow {
    fn from(r: core::LoanRow) -> Self {
        LoanRow {
            loan_id: r.loan_id,
            agreement_no: r.agreement_no,
            borrower_id: r.borrower_id,
            borrower_name: r.borrower_name,
            commune_name: r.commune_name,
            outstanding: r.outstanding,
            outstanding_text: r.outstanding_text,
            overdue_principal: r.overdue_principal,
            state: r.state.into(),
            state_text: r.state_text,
        }
    }
}

/// A list of loans.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct LoanList {
    /// Heading.
    pub title: String,
    /// Rows.
    pub rows: Vec<LoanRow>,
    /// Whether another page follows.
    pub has_more: bool,
    /// What to show when `rows` is empty.
    pub empty_text: String,
}

impl From<core::LoanList> for LoanList {
    fn from(l: core::LoanList) -> Self {
        LoanList {
            title: l.title,
            rows: l.rows.into_iter().map(Into::into).collect(),
            has_more: l.has_more,
            empty_text: l.empty_text,
        }
    }
}

/// One instalment of the schedule as a row.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ScheduleRow {
    /// 1-based number.
    pub seq: u32,
    /// Due date, formatted.
    pub due_text: String,
    /// Principal due, formatted.
    pub amount_text: String,
    /// What remains of it, formatted.
    pub remaining_text: String,
    /// Paid, overdue, due soon or upcoming, in words.
    pub status_text: String,
}

impl From<q::ScheduleRow> for ScheduleRow {
    fn from(r: q::ScheduleRow) -> Self {
        ScheduleRow {
            seq: r.seq,
            due_text: r.due_text,
            amount_text: r.amount_text,
            remaining_text: r.remaining_text,
            status_text: r.status_text,
        }
    }
}

/// One payment as a row.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PaymentRow {
    /// Date, formatted.
    pub date_text: String,
    /// Principal paid, formatted.
    pub principal_text: String,
    /// Interest paid, formatted.
    pub interest_text: String,
}

impl From<q::PaymentRow> for PaymentRow {
    fn from(r: q::PaymentRow) -> Self {
        PaymentRow { date_text: r.date_text, principal_text: r.principal_text, interest_text: r.interest_text }
    }
}

/// The loan detail screen.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct LoanDetail {
    /// Loan id.
    pub loan_id: String,
    /// Heading: the agreement number.
    pub title: String,
    /// Label/value pairs in display order ("Dư nợ", "Nợ quá hạn", …).
    pub fields: Vec<LabeledValue>,
    /// Heading of the schedule.
    pub schedule_title: String,
    /// The schedule.
    pub schedule: Vec<ScheduleRow>,
    /// Heading of the payments.
    pub payments_title: String,
    /// Payments, newest first.
    pub payments: Vec<PaymentRow>,
    /// Reminders for instalments due soon, as sentences.
    pub reminders: Vec<String>,
    /// The figures behind the text.
    pub status: LoanStatus,
}

impl From<core::LoanDetail> for LoanDetail {
    fn from(d: core::LoanDetail) -> Self {
        LoanDetail {
            loan_id: d.loan_id,
            title: d.title,
            fields: d.fields.into_iter().map(Into::into).collect(),
            schedule_title: d.schedule_title,
            schedule: d.schedule.into_iter().map(Into::into).collect(),
            payments_title: d.payments_title,
            payments: d.payments.into_iter().map(Into::into).collect(),
            reminders: d.reminders,
            status: d.status.into(),
        }
    }
}

#[uniffi::export]
impl VieclamStore {
    /// Loans of the borrowers `query` finds (every loan when it is blank), page `page` (0-based) of `page_size`
    /// borrowers, with figures as of `on` (ISO date).
    pub fn loan_list(
        &self,
        query: String,
        page: u32,
        page_size: u32,
        on: String,
        lang: Language,
    ) -> Result<LoanList, VieclamError> {
        let on = day("on", &on)?;
        Ok(self.with(|s| core::loan_list(s, &query, page, page_size, on, lang.into()))?.into())
    }

    /// One borrower's loans as of `on`; `NotFound` for an unknown borrower.
    pub fn borrower_loans(&self, borrower_id: String, on: String, lang: Language) -> Result<LoanList, VieclamError> {
        let on = day("on", &on)?;
        Ok(self.with(|s| core::borrower_loans(s, &borrower_id, on, lang.into()))?.into())
    }

    /// The detail of one loan as of `on`, with reminders for instalments due within `remind_within_days` days;
    /// `NotFound` for an unknown loan.
    pub fn loan_detail(
        &self,
        loan_id: String,
        on: String,
        remind_within_days: u32,
        lang: Language,
    ) -> Result<LoanDetail, VieclamError> {
        let on = day("on", &on)?;
        Ok(self.with(|s| core::loan_detail(s, &loan_id, on, remind_within_days, lang.into()))?.into())
    }

    /// The id of the loan named by its id or its agreement number (số khế ước); `NotFound` if there is none.
    pub fn find_loan(&self, id_or_agreement: String) -> Result<String, VieclamError> {
        self.with(|s| core::find_loan(s, &id_or_agreement))
    }
}
