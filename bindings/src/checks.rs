//! Site checks through the FFI: enrol the device's signing key, judge a fix against a site, and take a check from
//! start to a locked, signed record (answers, finish), then read its screen.
//!
//! Every step that writes is signed into the device's hash chain with the enrolled identity, in the same
//! transaction as the record; a device that has not enrolled gets `NotEnrolled` and nothing is written. The
//! office's check settings are the defaults until settings sync exists.

use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict};
use vieclam_core::checks::lookup;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::evidence::signing::{DeviceIdentity, enrol};
use vieclam_core::{Error, Store};

use crate::check_detail::CheckDetail;
use crate::checklist::{AnswerInput, Question, questions};
use crate::error::VieclamError;
use crate::geo::{LocationFix, VerdictView};
use crate::store::VieclamStore;
use crate::types::{Language, instant};

/// The geometry of site `site_id`, as the verdict needs it; `NotFound` for an unknown site.
fn site_geometry(store: &Store, site_id: &str) -> vieclam_core::Result<SiteGeometry> {
    Ok(SiteGeometry::from(&lookup::site(store, site_id)?))
}

/// The enrolled identity, or the error the FFI reports as `NotEnrolled`.
pub(crate) fn identity(store: &Store) -> vieclam_core::Result<DeviceIdentity> {
    DeviceIdentity::load(store)?
        .ok_or_else(|| Error::NotFound { entity: "device_identity", id: store.device_id().unwrap_or_default() })
}

/// A fix from the app, refused when the core would not believe it (`fix.latitude`, `fix.null_island`, …).
pub(crate) fn believable(fix: &LocationFix, field: &str) -> Result<vieclam_core::checks::fix::Fix, VieclamError> {
    let core = fix.to_core(field)?;
    core.check().map_err(Error::from)?;
    Ok(core)
}

#[uniffi::export]
impl VieclamStore {
    /// Makes this device's Ed25519 signing key if it has none (calling it again returns the same key) and queues
    /// the public key for the server. Returns the public key as 64 hex digits.
    pub fn enrol_device(&self) -> Result<String, VieclamError> {
        self.with(|s| Ok(enrol(s)?.public_key_hex()))
    }

    /// Judges `fix` against site `site_id` under the office's settings: at the site, near, away, too poor a fix,
    /// or mocked, with the distance and sentences in `lang`. Writes nothing; `NotFound` for an unknown site,
    /// `Invalid` for a fix no device could have taken.
    pub fn check_verdict(
        &self,
        site_id: String,
        fix: LocationFix,
        lang: Language,
    ) -> Result<VerdictView, VieclamError> {
        let fix = believable(&fix, "fix")?;
        let geometry = self.with(|s| site_geometry(s, &site_id))?;
        Ok(VerdictView::new(verdict(&fix, &geometry, &CheckSettings::default()), lang))
    }

    /// Starts a check at site `site_id` with the best `fix` of the capture window, at `now` (RFC 3339). The
    /// verdict is computed here, kept with the check and signed with it. Returns the new check's id.
    ///
    /// `NotEnrolled` before `enrol_device()`; `NotFound` for an unknown site; `Invalid` for a bad fix or time.
    pub fn start_check(&self, site_id: String, fix: LocationFix, now: String) -> Result<String, VieclamError> {
        let fix = believable(&fix, "fix")?;
        let now = instant("now", &now)?;
        self.with(|s| {
            let signer = identity(s)?;
            let judged = verdict(&fix, &site_geometry(s, &site_id)?, &CheckSettings::default());
            lc::start(s, &signer, &site_id, &fix, &CheckVerdict::from(&judged), now)
        })
    }

    /// Records the answer to question `key` of an open check (a later answer replaces it). `Invalid` when the
    /// answer does not fit its question (`answer.out_of_range`, `answer.unknown_choice`, …), `Locked` when the
    /// check is finished, `NotEnrolled` before enrolment.
    pub fn answer_check(&self, check_id: String, key: String, value: AnswerInput) -> Result<(), VieclamError> {
        self.with(|s| {
            let signer = identity(s)?;
            lc::answer(s, &signer, &check_id, &key, value.into())
        })
    }

    /// Keeps what is being typed as the draft answer to question `key` (validated like `answer_check`, neither signed
    /// nor sent): call it on every keystroke. The draft becomes one signed answer at `leave_question` or
    /// `finish_check`. `Invalid` when the value does not fit its question, `Locked` when the check is finished.
    pub fn draft_answer(&self, check_id: String, key: String, value: AnswerInput) -> Result<(), VieclamError> {
        self.with(|s| lc::draft_answer(s, &check_id, &key, value.into()))
    }

    /// The inspector left question `key`: its draft, if any and if it differs from the answer recorded, becomes
    /// one signed answer. Returns how many answers were signed (0 or 1).
    pub fn leave_question(&self, check_id: String, key: String) -> Result<u32, VieclamError> {
        self.with(|s| {
            let signer = identity(s)?;
            lc::settle_drafts(s, &signer, &check_id, Some(&key))
        })
    }

    /// Finishes an open check at `now` (RFC 3339) and locks it, first signing the drafts still open. `Invalid` listing every required question still
    /// unanswered (`answer.required`, field = question key); `Locked` when it is already finished.
    pub fn finish_check(&self, check_id: String, now: String) -> Result<(), VieclamError> {
        let now = instant("now", &now)?;
        self.with(|s| {
            let signer = identity(s)?;
            lc::finish(s, &signer, &check_id, now)
        })
    }

    /// The check screen of revision `check_id` in `lang`; `NotFound` for an unknown check.
    pub fn check_detail(&self, check_id: String, lang: Language) -> Result<CheckDetail, VieclamError> {
        self.with(|s| lc::check(s, &check_id, lang.into()))
    }

    /// The checklist in `lang`, in the order a screen shows it. Reads nothing from the store.
    pub fn checklist(&self, lang: Language) -> Vec<Question> {
        questions(lang)
    }
}
