//! The inspector's plan screen through the FFI: the plans running on a day, each with its communes and their
//! progress. The core's `query::plans` decides; this file only carries its records across.

use vieclam_core::query::plans as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day, iso_day};

/// One commune of a plan.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PlanCommuneRow {
    /// Commune code (pass it to `commune_minutes`).
    pub commune_code: String,
    /// Commune name ("Xã Đình Lập").
    pub commune_name: String,
    /// Funded sites in the commune on this device.
    pub sites: u32,
    /// Of those, sites with a finished check started within the plan's dates.
    pub checked: u32,
    /// "12 mô hình · đã kiểm tra 3".
    pub sites_text: String,
}

/// An inspection plan, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PlanSummary {
    /// Plan id.
    pub plan_id: String,
    /// Plan number ("452/KH-SNV").
    pub code: String,
    /// Title.
    pub title: String,
    /// First day of field work (ISO).
    pub starts_on: String,
    /// Last day of field work (ISO).
    pub ends_on: String,
    /// "Từ 20/09/2025 đến 19/12/2025".
    pub dates_text: String,
    /// The communes assigned, by code.
    pub communes: Vec<PlanCommuneRow>,
}

/// The plan screen: every plan running on the day asked.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PlanList {
    /// Heading.
    pub title: String,
    /// Plans running, earliest start first.
    pub plans: Vec<PlanSummary>,
    /// What to show when there is none.
    pub empty_text: String,
}

impl From<core::PlanCommuneRow> for PlanCommuneRow {
    fn from(r: core::PlanCommuneRow) -> Self {
        PlanCommuneRow {
            commune_code: r.commune_code,
            commune_name: r.commune_name,
            sites: r.sites,
            checked: r.checked,
            sites_text: r.sites_text,
        }
    }
}

impl From<core::PlanSummary> for PlanSummary {
    fn from(p: core::PlanSummary) -> Self {
        PlanSummary {
            plan_id: p.plan_id,
            code: p.code,
            title: p.title,
            starts_on: iso_day(p.starts_on),
            ends_on: iso_day(p.ends_on),
            dates_text: p.dates_text,
            communes: p.communes.into_iter().map(Into::into).collect(),
        }
    }
}

#[uniffi::export]
impl VieclamStore {
    /// The plans running on `on` (ISO date), earliest start first, each with its communes and their progress.
    pub fn current_plans(&self, on: String, lang: Language) -> Result<PlanList, VieclamError> {
        let on = day("on", &on)?;
        let list = self.with(|s| core::current_plans(s, on, lang.into()))?;
        Ok(PlanList {
            title: list.title,
            plans: list.plans.into_iter().map(Into::into).collect(),
            empty_text: list.empty_text,
        })
    }

    /// The plan with this id or number (`452/KH-SNV`), or the latest plan when none is named. Fails with
    /// `NotFound` when there is no such plan.
    pub fn plan(&self, id_or_code: Option<String>, lang: Language) -> Result<PlanSummary, VieclamError> {
        Ok(self.with(|s| core::plan(s, id_or_code.as_deref(), lang.into()))?.into())
    }
}
