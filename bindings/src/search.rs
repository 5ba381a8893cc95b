//! Search without diacritics over borrowers, communes and programmes: "dinh lap" finds "Đình Lập". The hits name
//! records; the screens then ask for the records themselves (a borrower's loans, a programme in the catalogue).

use vieclam_core::query::search as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;

// The search's records are the core's own (`query::search`), which carry the FFI traits themselves (the core's
// `uniffi` feature).
pub use vieclam_core::query::search::{Hit, HitPage, SearchKind};

#[uniffi::export]
impl VieclamStore {
    /// Searches `kinds` (every kind when empty) for `query`, typed with or without diacritics; page `page`
    /// (0-based) of `page_size` hits. An empty query finds nothing.
    pub fn search(
        &self,
        query: String,
        kinds: Vec<SearchKind>,
        page: u32,
        page_size: u32,
    ) -> Result<HitPage, VieclamError> {
        self.with(|s| core::search(s, &query, &kinds, page, page_size))
    }
}
