//! A site check from start to a locked record: start at a site with a fix and a verdict, answer the checklist, add
//! photos (flagged when reused, when their own GPS disagrees, when late), finish (which locks it), and correct a
//! finished check by a new revision with a reason. Queries give the check screen and a commune's checks.
//!
//! Everything works offline. Every step writes its rows, ONE outbox entry and (through [`EvidenceSigner`]) one
//! signed chain link in one transaction, so a step is either wholly on the device, ready to go up and verifiable,
//! or not there at all. Invalid input is refused before anything is written (not even a clock tick).
//!
//! The inputs are this module's own small types ([`CheckFix`], [`PhotoInput`], [`CheckVerdict`], [`PhotoRules`]):
//! the fix, photo and verdict pipelines live elsewhere and map their results into these.

mod capture;
mod detail;
mod drafts;
mod photos;
mod record;
mod signer;
mod steps;
mod walk;

use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};

use crate::error::Result;

pub use capture::{CameraJpeg, TakenPhoto, take_photo, take_photo_turned};
pub(crate) use detail::answers_of;
pub use detail::flags_text;
pub use detail::{AnswerRow, CheckDetail, CheckRow, PhotoRow, check, checks_for_commune, open_checks};
pub use drafts::{draft_answer, settle as settle_drafts};
pub use photos::{AddedPhoto, PhotoFlags, add_photo};
pub(crate) use record::iso as record_time;
pub use record::{CheckState, SiteCheckRecord, local_date, local_text};
pub use steps::{answer, correct, finish, start};
pub use walk::{record_walk, walk_of};

/// Outbox entity of a check (start, finish and each revision).
pub const ENTITY_CHECK: &str = "site_check";
/// Outbox entity of one answer.
pub const ENTITY_ANSWER: &str = "check_answer";
/// Outbox entity of a photo record.
pub const ENTITY_PHOTO: &str = "check_photo";

/// The location fix a check keeps: the best fix over the platform's short window (see [`crate::checks::fix`]).
pub type CheckFix = crate::checks::fix::Fix;

/// The verdict on where the inspector stood, as the verdict module computed it at the start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckVerdict {
    /// `at_site`, `near`, `away`, `poor_fix` or `mocked` ([`crate::checks::verdict::Place::code`]).
    pub place: String,
    /// Distance to the site's point or plot, in metres.
    pub distance_m: f64,
    /// The accuracy the verdict was judged with, in metres.
    pub accuracy_m: f64,
    /// The fix lies inside the site's commune.
    pub in_commune: bool,
}

impl From<&crate::checks::verdict::Verdict> for CheckVerdict {
    fn from(v: &crate::checks::verdict::Verdict) -> Self {
        CheckVerdict {
            place: v.place.code().to_owned(),
            distance_m: v.distance_m,
            accuracy_m: v.accuracy_m,
            in_commune: v.in_site_commune,
        }
    }
}

impl CheckVerdict {
    fn is_valid(&self) -> bool {
        !self.place.trim().is_empty()
            && self.distance_m.is_finite()
            && self.distance_m >= 0.0
            && self.accuracy_m.is_finite()
            && self.accuracy_m >= 0.0
    }
}

/// A photo after the pipeline stamped, tagged and hashed it: what the check record keeps about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhotoInput {
    /// SHA-256 of the stored JPEG, 64 hex digits.
    pub sha256: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Size of the stored file.
    pub size_bytes: u64,
    /// When the photo was taken.
    pub taken_at: DateTime<Utc>,
    /// The fix at the moment the photo was taken.
    pub fix: CheckFix,
    /// GPS found in the camera's own EXIF (lat, lon), if any.
    pub source_gps: Option<(f64, f64)>,
}

/// The thresholds of the photo flags (named as in the check settings, which the lead maps into this).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhotoRules {
    /// The photo's own GPS farther than this from the fix is flagged `gps_disagrees`.
    pub photo_gps_disagree_m: f64,
    /// A photo taken more than this many minutes after the check started is flagged `late`.
    pub photo_max_delay_min: i64,
}

impl From<&crate::checks::settings::CheckSettings> for PhotoRules {
    fn from(s: &crate::checks::settings::CheckSettings) -> Self {
        PhotoRules { photo_gps_disagree_m: s.photo_gps_disagree_m, photo_max_delay_min: s.photo_max_delay_min as i64 }
    }
}

impl Default for PhotoRules {
    /// The office's default check settings.
    fn default() -> Self {
        PhotoRules::from(&crate::checks::settings::CheckSettings::default())
    }
}

/// Signs a record into the device's hash chain, inside the caller's transaction, and returns the link's
/// reference (stored beside the record). The real chain lives in `evidence::signing`; it plugs in here.
pub trait EvidenceSigner {
    /// Appends a signed link for record `record_id` of `kind` with `body` (the record's JSON before the signature
    /// reference is set). Failing fails the whole step: nothing of it is written.
    fn sign_record(
        &self,
        tx: &Transaction,
        kind: &str,
        record_id: &str,
        body: &serde_json::Value,
    ) -> Result<Option<String>>;
}

/// A signer that signs nothing: for tests and for devices not yet enrolled.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSigner;

impl EvidenceSigner for NoSigner {
    fn sign_record(&self, _: &Transaction, _: &str, _: &str, _: &serde_json::Value) -> Result<Option<String>> {
        Ok(None)
    }
}
