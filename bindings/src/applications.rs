//! A returning worker's applications through the FFI: every registration on the device, newest first, with where
//! it stands. The core's `query::applications` decides; this file only carries its records across.

use vieclam_core::query::applications as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::Language;

// The applications screen's records are the core's own (`query::applications`), which carry the FFI traits
// themselves (the core's `uniffi` feature).
pub use vieclam_core::query::applications::{ApplicationList, ApplicationRow, ApplicationState};

#[uniffi::export]
impl VieclamStore {
    /// The worker's applications (their registrations on this device), newest first, with where each stands.
    pub fn applications(&self, lang: Language) -> Result<ApplicationList, VieclamError> {
        self.with(|s| core::applications(s, lang.into()))
    }
}
