//! Loan screens: the list (all loans, or those a search finds), one borrower's loans, and one loan's detail with
//! its schedule and payments. Every figure comes with its text already formatted for the chosen language.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::facts;
use super::search::{SearchKind, search};
use crate::error::{Error, Result};
use crate::format::{self, Dong};
use crate::loans::status::{LoanState, LoanStatus};
use crate::messages::{Lang, labels as l};

/// A label and its value, both ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LabeledValue {
    /// What the value is ("Dư nợ").
    pub label: String,
    /// The value, formatted ("12.500.000 ₫").
    pub value: String,
}

/// One row of a loan list.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    pub outstanding: Dong,
    /// Outstanding, formatted.
    pub outstanding_text: String,
    /// Nợ quá hạn: overdue principal, đồng.
    pub overdue_principal: Dong,
    /// Where the loan stands.
    pub state: LoanState,
    /// The state in words.
    pub state_text: String,
}

/// A list of loans.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// The state in words.
pub fn state_text(state: LoanState, lang: Lang) -> &'static str {
    state.label().get(lang)
}

const ROW_SQL: &str = "
    SELECT l.id, l.agreement_no, b.id, b.full_name, coalesce(c.name, b.commune_code)
    FROM loans l JOIN borrowers b ON b.id = l.borrower_id
    LEFT JOIN communes c ON c.list = '2025' AND c.code = b.commune_code";

fn rows_for(
    store: &crate::Store,
    sql: &str,
    args: &[&dyn rusqlite::ToSql],
    on: NaiveDate,
    lang: Lang,
) -> Result<Vec<LoanRow>> {
    let mut stmt = store.conn().prepare_cached(sql)?;
    let basics = stmt
        .query_map(args, |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<Vec<(String, String, String, String, String)>>>()?;
    basics
        .into_iter()
        .map(|(loan_id, agreement_no, borrower_id, borrower_name, commune_name)| {
            let status = facts::load(store, &loan_id)?.status(on, 0);
            Ok(LoanRow {
                loan_id,
                agreement_no,
                borrower_id,
                borrower_name,
                commune_name,
                outstanding: status.outstanding,
                outstanding_text: format::money(status.outstanding),
                overdue_principal: status.overdue_principal,
                state: status.state,
                state_text: state_text(status.state, lang).to_owned(),
            })
        })
        .collect()
}

/// Loans of borrowers that `query` finds (all loans when it is empty), page `page` of `page_size` borrowers.
pub fn loan_list(
    store: &crate::Store,
    query: &str,
    page: u32,
    page_size: u32,
    on: NaiveDate,
    lang: Lang,
) -> Result<LoanList> {
    let (rows, has_more, title) = if query.trim().is_empty() {
        let sql = format!("{ROW_SQL} ORDER BY b.name_folded, l.disbursed_on LIMIT ?1 OFFSET ?2");
        let limit = page_size.max(1) as i64;
        let mut rows = rows_for(store, &sql, &[&(limit + 1), &(page as i64 * limit)], on, lang)?;
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        (rows, more, l::LOANS_TITLE.get(lang).to_owned())
    } else {
        let hits = search(store, query, &[SearchKind::Borrower], page, page_size)?;
        let mut rows = Vec::new();
        let sql = format!("{ROW_SQL} WHERE b.id = ?1 ORDER BY l.disbursed_on");
        for hit in &hits.hits {
            rows.extend(rows_for(store, &sql, &[&hit.id], on, lang)?);
        }
        (rows, hits.has_more, l::LOANS_FOUND.fill(lang, &[("query", query.trim())]))
    };
    Ok(LoanList { title, rows, has_more, empty_text: l::NOTHING_FOUND.get(lang).to_owned() })
}

/// The id of the loan named by `id_or_agreement`: its id, or its agreement number (số khế ước).
pub fn find_loan(store: &crate::Store, id_or_agreement: &str) -> Result<String> {
    let key = id_or_agreement.trim();
    store
        .conn()
        .query_row("SELECT id FROM loans WHERE id = ?1 OR agreement_no = ?1", [key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "loan", id: key.to_owned() })
}

/// One borrower's loans.
pub fn borrower_loans(store: &crate::Store, borrower_id: &str, on: NaiveDate, lang: Lang) -> Result<LoanList> {
    let sql = format!("{ROW_SQL} WHERE b.id = ?1 ORDER BY l.disbursed_on");
    let rows = rows_for(store, &sql, &[&borrower_id], on, lang)?;
    if rows.is_empty() {
        let exists: Option<i64> =
            store.conn().query_row("SELECT 1 FROM borrowers WHERE id = ?1", [borrower_id], |r| r.get(0)).optional()?;
        if exists.is_none() {
            return Err(Error::NotFound { entity: "borrower", id: borrower_id.to_owned() });
        }
    }
    let title = rows.first().map(|r| r.borrower_name.clone()).unwrap_or_else(|| l::LOANS_TITLE.get(lang).to_owned());
    Ok(LoanList { title, rows, has_more: false, empty_text: l::NOTHING_FOUND.get(lang).to_owned() })
}

/// One instalment of the schedule as a row.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// One payment as a row.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentRow {
    /// Date, formatted.
    pub date_text: String,
    /// Principal paid, formatted.
    pub principal_text: String,
    /// Interest paid, formatted.
    pub interest_text: String,
}

/// The loan detail screen.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// The detail of one loan on `on`, with reminders for instalments due within `remind_within_days`.
pub fn loan_detail(
    store: &crate::Store,
    loan_id: &str,
    on: NaiveDate,
    remind_within_days: u32,
    lang: Lang,
) -> Result<LoanDetail> {
    super::detail::build(store, loan_id, on, remind_within_days, lang)
}
