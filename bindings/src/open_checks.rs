//! The checks this device left open, through the FFI: what an app reopens after it was closed mid-check (instead of
//! leaving an orphan, or starting a second check at the same site).

use vieclam_core::checks::lifecycle as lc;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::Language;

/// One open check, ready to draw and to reopen.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct OpenCheckRow {
    /// Check id (the latest revision).
    pub check_id: String,
    /// The site checked: with the id, opens the check screen.
    pub site_id: String,
    /// Code ("KT-06613-0001").
    pub code: String,
    /// Borrower's name.
    pub borrower_name: String,
    /// Số khế ước.
    pub agreement_no: String,
    /// Start, local time.
    pub started_text: String,
    /// State in words.
    pub state_text: String,
}

#[uniffi::export]
impl VieclamStore {
    /// The checks this device started and has not finished, newest first.
    pub fn open_checks(&self, lang: Language) -> Result<Vec<OpenCheckRow>, VieclamError> {
        let rows = self.with(|s| lc::open_checks(s, lang.into()))?;
        Ok(rows
            .into_iter()
            .map(|r| OpenCheckRow {
                check_id: r.check_id,
                site_id: r.site_id,
                code: r.code,
                borrower_name: r.borrower_name,
                agreement_no: r.agreement_no,
                started_text: r.started_text,
                state_text: r.state_text,
            })
            .collect())
    }
}
