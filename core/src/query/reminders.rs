//! The borrower's reminders, the same for the reminders tab and the daily notification: for each of their loans, a
//! line once something is overdue (with the one figure to pay now), each instalment due within one window, and the
//! month's interest when the commune's transaction point sits within that window. Only a borrower's device is
//! reminded, and it holds only the borrower's own loans (the server's scope): an inspector's or the office's phone,
//! full of other people's loans, is reminded of none. No page limit: a borrower with a 51st loan is reminded of it
//! too.

use chrono::NaiveDate;

use crate::error::Result;
use crate::format;
use crate::loans::status::LoanState;
use crate::messages::{Lang, labels as l};
use crate::store::Store;
use crate::sync::wire::Role;

/// Days ahead an instalment is reminded, in the tab and in the notification alike.
pub const REMINDER_WINDOW_DAYS: u32 = 7;

/// One loan's reminders.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LoanReminders {
    /// Loan id (open its detail with it).
    pub loan_id: String,
    /// Heading: the agreement number.
    pub title: String,
    /// One sentence per instalment due within the window, soonest first.
    pub lines: Vec<String>,
}

/// Every loan of the signed-in borrower with something to remind on `on` (overdue, an instalment or the interest
/// due within [`REMINDER_WINDOW_DAYS`]), oldest loan first; nothing on a device signed in as anyone but a borrower.
pub fn reminders(store: &Store, on: NaiveDate, lang: Lang) -> Result<Vec<LoanReminders>> {
    let role = crate::sync::state::session(store.conn())?.map(|s| s.role);
    if role != Some(Role::Borrower) {
        return Ok(Vec::new());
    }
    let loans: Vec<(String, String, String)> = {
        let mut stmt = store.conn().prepare_cached(
            "SELECT l.id, b.commune_code, l.agreement_no FROM loans l JOIN borrowers b ON b.id = l.borrower_id
             ORDER BY l.disbursed_on, l.id",
        )?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?
    };
    let window_end = on + chrono::Days::new(u64::from(REMINDER_WINDOW_DAYS));
    let session = super::detail::next_session_in(store, on)?;
    let mut out = Vec::new();
    for (id, commune, agreement_no) in loans {
        // The loan's status only (the screen's own figures, with the same date and window), not its whole screen:
        // a borrower's phone runs this every morning.
        let st = &super::facts::load(store, &id)?.status(on, REMINDER_WINDOW_DAYS);
        let mut lines = Vec::new();
        if st.state == LoanState::Overdue {
            let (days, amount) = (st.days_overdue.to_string(), format::money(st.to_pay_now));
            lines.push(l::OVERDUE_REMINDER.fill(lang, &[("days", &days), ("amount", &amount)]));
        }
        lines.extend(super::detail::reminder_lines(st, lang));
        let paying = matches!(st.state, LoanState::Current | LoanState::Extended | LoanState::Rescheduled);
        if paying
            && st.interest_this_month > 0
            && let Some((day, place)) = session(&commune)
            && day <= window_end
        {
            let (amount, date) = (format::money(st.interest_this_month), format::date(day));
            lines.push(l::INTEREST_REMINDER.fill(lang, &[("amount", &amount), ("date", &date), ("place", &place)]));
        }
        if !lines.is_empty() {
            out.push(LoanReminders { title: super::detail::title(&agreement_no, lang), loan_id: id, lines });
        }
    }
    Ok(out)
}
