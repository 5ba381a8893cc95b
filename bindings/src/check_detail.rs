//! The check screen as records: the check's fields, every question with its answer, the photos with their flags
//! explained, and what still stops the check from finishing.

use vieclam_core::checks::lifecycle as core;

use crate::types::LabeledValue;

/// Whether a check still takes changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum CheckState {
    /// Open: answers and photos may be added.
    Open,
    /// Finished and locked; a correction is a new revision.
    Finished,
}

impl From<core::CheckState> for CheckState {
    fn from(s: core::CheckState) -> Self {
        match s {
            core::CheckState::Open => CheckState::Open,
            core::CheckState::Finished => CheckState::Finished,
        }
    }
}

/// One question of the checklist with its answer.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct AnswerRow {
    /// Question key.
    pub key: String,
    /// The question.
    pub label: String,
    /// `yes_no`, `number`, `choice` or `text`.
    pub kind: String,
    /// Needed before the check can finish.
    pub required: bool,
    /// Whether it has an answer.
    pub answered: bool,
    /// The answer in words ("—" when unanswered).
    pub value_text: String,
    /// A sign of misuse answered "yes".
    pub misuse_found: bool,
}

impl From<core::AnswerRow> for AnswerRow {
    fn from(a: core::AnswerRow) -> Self {
        AnswerRow {
            key: a.key,
            label: a.label,
            kind: a.kind,
            required: a.required,
            answered: a.answered,
            value_text: a.value_text,
            misuse_found: a.misuse_found,
        }
    }
}

/// One photo of the visit.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PhotoRow {
    /// Photo record id.
    pub id: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// The revision the photo was added in.
    pub revision: u32,
    /// When it was taken, local time.
    pub taken_text: String,
    /// `4000 × 3000`.
    pub dimensions_text: String,
    /// Stable codes of the flags set (`reused`, `gps_disagrees`, `late`).
    pub flag_codes: Vec<String>,
    /// The flags in words.
    pub flags_text: Vec<String>,
}

impl From<core::PhotoRow> for PhotoRow {
    fn from(p: core::PhotoRow) -> Self {
        PhotoRow {
            id: p.id,
            sha256: p.sha256,
            revision: p.revision,
            taken_text: p.taken_text,
            dimensions_text: p.dimensions_text,
            flag_codes: p.flag_codes,
            flags_text: p.flags_text,
        }
    }
}

/// The check screen.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct CheckDetail {
    /// Id of this revision.
    pub check_id: String,
    /// The visit's code, `KT-06613-0001`.
    pub code: String,
    /// Revision number (1 for the original).
    pub revision: u32,
    /// Heading.
    pub title: String,
    /// Open or finished.
    pub state: CheckState,
    /// Finished checks take no more answers or photos.
    pub locked: bool,
    /// Label/value pairs in display order.
    pub fields: Vec<LabeledValue>,
    /// Every question, in checklist order.
    pub answers: Vec<AnswerRow>,
    /// Photos of this visit up to this revision, oldest first.
    pub photos: Vec<PhotoRow>,
    /// Keys of required questions still unanswered.
    pub missing_required: Vec<String>,
    /// "Còn thiếu: …": the questions still missing by their labels; none when nothing is missing.
    pub missing_text: Option<String>,
    /// Whether finishing would be accepted now.
    pub can_finish: bool,
}

impl From<core::CheckDetail> for CheckDetail {
    fn from(d: core::CheckDetail) -> Self {
        CheckDetail {
            check_id: d.check_id,
            code: d.code,
            revision: d.revision,
            title: d.title,
            state: d.state.into(),
            locked: d.locked,
            fields: d.fields.into_iter().map(Into::into).collect(),
            answers: d.answers.into_iter().map(Into::into).collect(),
            photos: d.photos.into_iter().map(Into::into).collect(),
            missing_required: d.missing_required,
            can_finish: d.can_finish,
            missing_text: d.missing_text,
        }
    }
}
