//! "Which sites are nearest to where I stand?" through the FFI: funded models' sites ordered by distance, either
//! all of them or only those in the communes of the inspection plans running on a date.

use vieclam_core::query::{self as core, SiteScope};

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

/// One site in the list: the core's record, which carries the FFI traits itself (the core's `uniffi` feature).
pub use vieclam_core::query::SiteRow;

#[uniffi::export]
impl VieclamStore {
    /// The `limit` sites nearest to (`lat`, `lon`), nearest first: every site when `assigned_on` is null, else only
    /// those in the communes of the inspection plans running on that ISO date.
    pub fn sites_near(
        &self,
        lat: f64,
        lon: f64,
        limit: u32,
        assigned_on: Option<String>,
        lang: Language,
    ) -> Result<Vec<SiteRow>, VieclamError> {
        let scope = match assigned_on {
            Some(text) => SiteScope::AssignedOn(day("assigned_on", &text)?),
            None => SiteScope::All,
        };
        self.with(|s| core::sites_near(s, lat, lon, limit as usize, scope, lang.into()))
    }
}
