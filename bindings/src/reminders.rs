//! The borrower's reminders through the FFI: every loan on the device with an instalment due within the core's one
//! window (the reminders tab and the daily notification draw the same list).

use vieclam_core::query::reminders as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

/// One loan's reminders: the core's record, which carries the FFI traits itself (the core's `uniffi` feature).
pub use vieclam_core::query::LoanReminders;

#[uniffi::export]
impl VieclamStore {
    /// Every loan on the device with an instalment due within the core's reminder window of `on` (ISO date), with
    /// no page limit; empty when nothing is due.
    pub fn reminders(&self, on: String, lang: Language) -> Result<Vec<LoanReminders>, VieclamError> {
        let on = day("on", &on)?;
        self.with(|s| core::reminders(s, on, lang.into()))
    }
}

/// How many days ahead an instalment counts as "due soon": the window of `reminders` and of the notifications.
/// A loan's screen asks `loanDetail` with it, so the screen and the reminders never disagree.
#[uniffi::export]
pub fn reminder_window_days() -> u32 {
    core::REMINDER_WINDOW_DAYS
}
