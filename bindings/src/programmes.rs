//! The programme catalogue a returning worker browses through the FFI: domestic jobs, training, loans, and work
//! abroad offered only by enterprises whose licence is active.

use vieclam_core::query as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

/// One programme in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ProgrammeRow {
    /// Id.
    pub id: String,
    /// `domestic_job`, `training`, `loan` or `overseas`.
    pub kind: String,
    /// Kind in words.
    pub kind_text: String,
    /// Title.
    pub title: String,
    /// What it offers.
    pub description: String,
    /// Where (commune name) or the country abroad.
    pub place: Option<String>,
    /// For work abroad: the licensed enterprise, with its licence.
    pub enterprise_text: Option<String>,
    /// "12 chỗ".
    pub seats_text: Option<String>,
    /// "Hạn đăng ký 15/01/2027".
    pub closes_text: Option<String>,
}

impl From<core::ProgrammeRow> for ProgrammeRow {
    fn from(p: core::ProgrammeRow) -> Self {
        ProgrammeRow {
            id: p.id,
            kind: p.kind,
            kind_text: p.kind_text,
            title: p.title,
            description: p.description,
            place: p.place,
            enterprise_text: p.enterprise_text,
            seats_text: p.seats_text,
            closes_text: p.closes_text,
        }
    }
}

/// The catalogue screen.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Catalogue {
    /// Heading.
    pub title: String,
    /// Programmes open on the day asked, by kind then title.
    pub programmes: Vec<ProgrammeRow>,
}

impl From<core::Catalogue> for Catalogue {
    fn from(c: core::Catalogue) -> Self {
        Catalogue { title: c.title, programmes: c.programmes.into_iter().map(Into::into).collect() }
    }
}

#[uniffi::export]
impl VieclamStore {
    /// Programmes open on `on` (ISO date), only those `query` finds when it is not blank.
    pub fn catalogue(&self, query: String, on: String, lang: Language) -> Result<Catalogue, VieclamError> {
        let on = day("on", &on)?;
        Ok(self.with(|s| core::catalogue(s, &query, on, lang.into()))?.into())
    }
}
