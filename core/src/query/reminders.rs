//! The borrower's reminders: every loan on the device (a borrower's device holds only their own loans) with an
//! instalment due within one window, the same for the reminders tab and the daily notification. No page limit: a
//! borrower with a 51st loan is reminded of it too.

use chrono::NaiveDate;

use crate::error::Result;
use crate::messages::Lang;
use crate::store::Store;

/// Days ahead an instalment is reminded, in the tab and in the notification alike.
pub const REMINDER_WINDOW_DAYS: u32 = 7;

/// One loan's reminders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoanReminders {
    /// Loan id (open its detail with it).
    pub loan_id: String,
    /// Heading: the agreement number.
    pub title: String,
    /// One sentence per instalment due within the window, soonest first.
    pub lines: Vec<String>,
}

/// Every loan on the device with an instalment due within [`REMINDER_WINDOW_DAYS`] of `on`, oldest loan first.
pub fn reminders(store: &Store, on: NaiveDate, lang: Lang) -> Result<Vec<LoanReminders>> {
    let ids: Vec<String> = {
        let mut stmt = store.conn().prepare_cached("SELECT id FROM loans ORDER BY disbursed_on, id")?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    let mut out = Vec::new();
    for id in ids {
        let d = super::detail::build(store, &id, on, REMINDER_WINDOW_DAYS, lang)?;
        if !d.reminders.is_empty() {
            out.push(LoanReminders { loan_id: d.loan_id, title: d.title, lines: d.reminders });
        }
    }
    Ok(out)
}
