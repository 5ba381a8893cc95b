//! The commune inspection minutes (biên bản kiểm tra) through the FFI: the core's screen record of one commune
//! under one plan (heading, sections I–V with their figures and lines, signature blocks) and the same minutes as a
//! printable HTML page, which the app hands to the platform's print or share sheet.

use vieclam_core::checks::{lookup, minutes as core, minutes_html};

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{LabeledValue, Language, day};

/// One part of the minutes: the core's record, which carries the FFI traits itself (the core's `uniffi` feature).
pub use vieclam_core::checks::minutes::MinutesSection;

/// A signature block at the foot of the minutes.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct SignatureBlock {
    /// Who signs ("Đại diện đoàn kiểm tra").
    pub who: String,
    /// The hint under it ("(Ký, ghi rõ họ tên)").
    pub hint: String,
}

/// The minutes of one commune under one plan, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct CommuneMinutes {
    /// "Biên bản kiểm tra".
    pub title: String,
    /// What the inspection was about, naming the commune.
    pub subject: String,
    /// Commune code.
    pub commune_code: String,
    /// Commune name.
    pub commune_name: String,
    /// The plan's id.
    pub plan_id: String,
    /// Plan, dates, team.
    pub header: Vec<LabeledValue>,
    /// Sections I–V.
    pub sections: Vec<MinutesSection>,
    /// Signature blocks.
    pub signatures: Vec<SignatureBlock>,
    /// Visits counted (the latest finished revision of each).
    pub checks: u32,
    /// Distinct loans among them.
    pub loans: u32,
    /// The same minutes as a complete HTML document, to print or share.
    pub html: String,
}

#[uniffi::export]
impl VieclamStore {
    /// The minutes of `commune_code` under the plan with this id or number (the latest plan when none), with the
    /// outstanding principal as of `on` (ISO date). Fails with `NotFound` for an unknown commune or plan.
    pub fn commune_minutes(
        &self,
        commune_code: String,
        plan: Option<String>,
        on: String,
        lang: Language,
    ) -> Result<CommuneMinutes, VieclamError> {
        let on = day("on", &on)?;
        let (plan_id, m) = self.with(|s| {
            let plan_id = lookup::plan_id(s, plan.as_deref())?;
            let m = core::minutes(s, commune_code.trim(), &plan_id, on, lang.into())?;
            Ok((plan_id, m))
        })?;
        let html = minutes_html::minutes_html(&m);
        Ok(CommuneMinutes {
            title: m.title,
            subject: m.subject,
            commune_code: m.commune_code,
            commune_name: m.commune_name,
            plan_id,
            header: m.header,
            sections: m.sections,
            signatures: m.signatures.into_iter().map(|(who, hint)| SignatureBlock { who, hint }).collect(),
            checks: m.figures.checks,
            loans: m.figures.loans,
            html,
        })
    }
}
