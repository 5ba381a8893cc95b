//! Loan screens through the FFI: the list (all loans, or those a search finds), one borrower's loans, one loan's
//! detail with its schedule and payments, and finding a loan by its agreement number. Every figure comes with its
//! text already formatted for the chosen language; money stays `i64` đồng beside it.

use vieclam_core::query as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

// The loan screens' records are the core's own (`query::loans`), which carry the FFI traits themselves (the core's
// `uniffi` feature).
pub use vieclam_core::query::loans::{LoanDetail, LoanList, LoanRow, PaymentRow, ScheduleRow};

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
        self.with(|s| core::loan_list(s, &query, page, page_size, on, lang.into()))
    }

    /// One borrower's loans as of `on`; `NotFound` for an unknown borrower.
    pub fn borrower_loans(&self, borrower_id: String, on: String, lang: Language) -> Result<LoanList, VieclamError> {
        let on = day("on", &on)?;
        self.with(|s| core::borrower_loans(s, &borrower_id, on, lang.into()))
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
        self.with(|s| core::loan_detail(s, &loan_id, on, remind_within_days, lang.into()))
    }

    /// The id of the loan named by its id or its agreement number (số khế ước); `NotFound` if there is none.
    pub fn find_loan(&self, id_or_agreement: String) -> Result<String, VieclamError> {
        self.with(|s| core::find_loan(s, &id_or_agreement))
    }
}
