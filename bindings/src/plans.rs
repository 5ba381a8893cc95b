//! The inspector's plan screen through the FFI: the plans running on a day, each with its communes and their
//! progress. The core's `query::plans` decides; this file only carries its records across.

use vieclam_core::query::plans as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

// The plan screen's records are the core's own (`query::plans`), which carry the FFI traits themselves (the core's
// `uniffi` feature; a plan's dates cross as ISO text).
pub use vieclam_core::query::plans::{PlanCommuneRow, PlanList, PlanSummary};

#[uniffi::export]
impl VieclamStore {
    /// The plans running on `on` (ISO date), earliest start first, each with its communes and their progress.
    pub fn current_plans(&self, on: String, lang: Language) -> Result<PlanList, VieclamError> {
        let on = day("on", &on)?;
        self.with(|s| core::current_plans(s, on, lang.into()))
    }

    /// The plan with this id or number (`452/KH-SNV`), or the latest plan when none is named. Fails with
    /// `NotFound` when there is no such plan.
    pub fn plan(&self, id_or_code: Option<String>, lang: Language) -> Result<PlanSummary, VieclamError> {
        self.with(|s| core::plan(s, id_or_code.as_deref(), lang.into()))
    }
}
