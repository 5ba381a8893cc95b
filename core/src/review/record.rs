//! The commune review as one inspector writes it: the record's fields, its id, and the form it travels in (the
//! record plus its bookkeeping: when it was saved, the chain link that signed it, its clock).
//!
//! One record per author per plan per commune, rather than one per save: the review is a living note the inspector
//! keeps correcting during and after the meeting, and each save replaces their own earlier state (signed anew in the
//! chain, so no earlier state is lost to an auditor). Per-save records would make every reader pick "the latest of
//! each author" and would let a stale save of one device resurface as a contribution; with one record per author
//! the merge only ever combines different people, and the server's ownership rule (only the author changes a
//! record) is the whole of the conflict rule.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::headings::Rating;

/// What one inspector wrote under one heading.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct HeadingNote {
    /// The heading's key (see [`super::HEADINGS`]).
    pub key: String,
    /// The rating.
    pub rating: Rating,
    /// The free text.
    pub text: String,
}

/// Someone at the review meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Attendee {
    /// Full name.
    pub name: String,
    /// Function and organisation, e.g. `Chủ tịch UBND xã`.
    pub role: String,
}

/// An opinion heard at the meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Opinion {
    /// Who said it (a name, or `Hội Nông dân xã`).
    pub who: String,
    /// What they said or asked for.
    pub what: String,
}

/// A recommendation of the team.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Recommendation {
    /// To whom (`UBND xã`, `NHCSXH huyện`).
    pub to: String,
    /// What.
    pub what: String,
}

/// One inspector's review of one commune under one plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneReview {
    /// `plan_id/commune_code/author` (see [`review_id`]): the id names its author, so no body can land on another
    /// inspector's record.
    pub id: String,
    /// The inspection plan.
    pub plan_id: String,
    /// The commune (2025 list).
    pub commune_code: String,
    /// The account id of the inspector who wrote it (the id the server's session gives the device).
    pub author: String,
    /// The day the review meeting was held.
    pub held_on: NaiveDate,
    /// What the author wrote under each heading, in the report's order; a heading left out is one they did not
    /// write about.
    #[serde(default)]
    pub headings: Vec<HeadingNote>,
    /// Who attended the meeting.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// Opinions heard.
    #[serde(default)]
    pub opinions: Vec<Opinion>,
    /// Recommendations made.
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
}

/// The id of `author`'s review of `commune_code` under `plan_id`.
pub fn review_id(plan_id: &str, commune_code: &str, author: &str) -> String {
    format!("{plan_id}/{commune_code}/{author}")
}

impl CommuneReview {
    /// An empty review by `author`, held on `held_on`.
    pub fn new(plan_id: &str, commune_code: &str, author: &str, held_on: NaiveDate) -> CommuneReview {
        CommuneReview {
            id: review_id(plan_id, commune_code, author),
            plan_id: plan_id.to_owned(),
            commune_code: commune_code.to_owned(),
            author: author.to_owned(),
            held_on,
            headings: Vec::new(),
            attendees: Vec::new(),
            opinions: Vec::new(),
            recommendations: Vec::new(),
        }
    }

    /// The note under heading `key`, if the author wrote one.
    pub fn note(&self, key: &str) -> Option<&HeadingNote> {
        self.headings.iter().find(|n| n.key == key)
    }

    /// Sets the note under heading `key` (replacing the author's earlier one), keeping the report's order.
    pub fn set_note(&mut self, key: &str, rating: Rating, text: &str) {
        self.headings.retain(|n| n.key != key);
        self.headings.push(HeadingNote { key: key.to_owned(), rating, text: text.to_owned() });
        self.headings.sort_by_key(|n| super::headings::position(&n.key));
    }
}

/// A review as it is stored on the device and travels in the outbox: the record, when it was saved, the chain link
/// that signed this state (`None` while being signed: the link signs the body with it empty) and its clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRecord {
    /// The review.
    #[serde(flatten)]
    pub review: CommuneReview,
    /// When this state was saved (UTC ISO 8601).
    pub updated_at: String,
    /// The chain link that signed this state.
    pub signature: Option<String>,
    /// Clock of the change.
    pub hlc: String,
}
