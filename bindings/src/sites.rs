//! "Which sites are nearest to where I stand?" through the FFI: funded models' sites ordered by distance, either
//! all of them or only those in the communes of the inspection plans running on a date.

use vieclam_core::query::{self as core, SiteScope};

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

/// One site in the list, nearest first.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SiteRow {
    /// Site id.
    pub site_id: String,
    /// Loan id.
    pub loan_id: String,
    /// Số khế ước.
    pub agreement_no: String,
    /// Borrower's name.
    pub borrower_name: String,
    /// Commune name.
    pub commune_name: String,
    /// Model kind in words.
    pub model_text: String,
    /// What was funded.
    pub description: String,
    /// Latitude (WGS84) of the site's point.
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Acceptance radius in metres.
    pub radius_m: f64,
    /// Whether a plot polygon is mapped.
    pub has_plot: bool,
    /// Distance from the asking point in metres.
    pub distance_m: f64,
    /// Distance, formatted ("850 m", "12,3 km").
    pub distance_text: String,
}

impl From<core::SiteRow> for SiteRow {
    fn from(r: core::SiteRow) -> Self {
        SiteRow {
            site_id: r.site_id,
            loan_id: r.loan_id,
            agreement_no: r.agreement_no,
            borrower_name: r.borrower_name,
            commune_name: r.commune_name,
            model_text: r.model_text,
            description: r.description,
            lat: r.lat,
            lon: r.lon,
            radius_m: r.radius_m,
            has_plot: r.has_plot,
            distance_m: r.distance_m,
            distance_text: r.distance_text,
        }
    }
}

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
        let rows = self.with(|s| core::sites_near(s, lat, lon, limit as usize, scope, lang.into()))?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
