//! Search without diacritics over borrowers, communes and programmes: "dinh lap" finds "Đình Lập". The hits name
//! records; the screens then ask for the records themselves (a borrower's loans, a programme in the catalogue).

use vieclam_core::query::search as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;

/// What a search may return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum SearchKind {
    /// A borrower (matched by name, commune or agreement number).
    Borrower,
    /// A commune or ward.
    Commune,
    /// A job programme.
    Programme,
}

impl From<SearchKind> for core::SearchKind {
    fn from(k: SearchKind) -> Self {
        match k {
            SearchKind::Borrower => core::SearchKind::Borrower,
            SearchKind::Commune => core::SearchKind::Commune,
            SearchKind::Programme => core::SearchKind::Programme,
        }
    }
}

impl From<core::SearchKind> for SearchKind {
    fn from(k: core::SearchKind) -> Self {
        match k {
            core::SearchKind::Borrower => SearchKind::Borrower,
            core::SearchKind::Commune => SearchKind::Commune,
            core::SearchKind::Programme => SearchKind::Programme,
        }
    }
}

/// One hit: which record, and how well it matched.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Hit {
    /// Kind of record.
    pub kind: SearchKind,
    /// Its id (the 5-digit code for a commune).
    pub id: String,
    /// Score; lower ranks first.
    pub rank: f64,
}

/// A page of hits, best first, and whether another page follows.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct HitPage {
    /// The hits of this page.
    pub hits: Vec<Hit>,
    /// Whether another page exists.
    pub has_more: bool,
}

impl From<core::HitPage> for HitPage {
    fn from(p: core::HitPage) -> Self {
        HitPage {
            hits: p.hits.into_iter().map(|h| Hit { kind: h.kind.into(), id: h.id, rank: h.rank }).collect(),
            has_more: p.has_more,
        }
    }
}

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
        let kinds: Vec<core::SearchKind> = kinds.into_iter().map(Into::into).collect();
        Ok(self.with(|s| core::search(s, &query, &kinds, page, page_size))?.into())
    }
}
