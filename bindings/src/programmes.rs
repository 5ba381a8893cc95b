//! The programme catalogue a returning worker browses through the FFI: domestic jobs, training, loans, and work
//! abroad offered only by enterprises whose licence is active.

use vieclam_core::query as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

// The catalogue's records are the core's own (`query::programmes`), which carry the FFI traits themselves (the
// core's `uniffi` feature).
pub use vieclam_core::query::{Catalogue, ProgrammeRow};

#[uniffi::export]
impl VieclamStore {
    /// Programmes open on `on` (ISO date), only those `query` finds when it is not blank.
    pub fn catalogue(&self, query: String, on: String, lang: Language) -> Result<Catalogue, VieclamError> {
        let on = day("on", &on)?;
        self.with(|s| core::catalogue(s, &query, on, lang.into()))
    }
}
