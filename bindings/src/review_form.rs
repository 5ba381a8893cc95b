//! The review form's rules through the FFI, so neither app decides them: what a heading's rating is when only its
//! text was typed (and that the notes keep the report's order), and a save's problems sorted under the parts of
//! the form that show them, each as a sentence in the app's language (an app never builds `headings[2].text`).

use chrono::NaiveDate;
use vieclam_core::review::form::{FormProblems, NamesField, ReviewList};
use vieclam_core::review::{CommuneReview, HeadingNote};

use crate::error::FieldProblem;
use crate::review::{MyReview, ReviewNote, ReviewRating};
use crate::types::Language;

impl NamesField for FieldProblem {
    fn field(&self) -> &str {
        &self.field
    }
}

/// A problem shown under one heading.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewHeadingProblem {
    /// The heading's key.
    pub key: String,
    /// What is wrong, in the app's language.
    pub message: String,
}

/// The problems of one item of a list (an attendee, an opinion, a recommendation).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewItemProblems {
    /// Under the first field (name, who, to whom).
    pub first: Option<String>,
    /// Under the second field (function, what).
    pub second: Option<String>,
}

/// The problems of one list: on the list as a whole and on each item, in the review's order.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewListProblems {
    /// Over the list (too many items).
    pub whole: Option<String>,
    /// One per item of the review's list, in order.
    pub items: Vec<ReviewItemProblems>,
}

/// A save's problems, each where the form shows it; `other` holds those no field shows (the commune is not in the
/// plan…): the app shows them at the top, so no refusal goes unexplained.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ReviewFormProblems {
    /// Under the meeting day.
    pub held_on: Option<String>,
    /// Under headings, by key.
    pub headings: Vec<ReviewHeadingProblem>,
    /// Attendees.
    pub attendees: ReviewListProblems,
    /// Opinions heard.
    pub opinions: ReviewListProblems,
    /// Recommendations.
    pub recommendations: ReviewListProblems,
    /// Not under any field.
    pub other: Vec<String>,
}

/// The parts of `review` the form's rules look at: its headings' keys and ratings and the length of each list. The
/// ids and the day do not matter to them.
fn shape(review: &MyReview) -> CommuneReview {
    let mut r = CommuneReview::new("", "", "", NaiveDate::default());
    r.headings = review
        .notes
        .iter()
        .map(|n| HeadingNote { key: n.key.clone(), rating: n.rating.into(), text: n.text.clone() })
        .collect();
    r.attendees = vec![Default::default(); review.attendees.len()];
    r.opinions = vec![Default::default(); review.opinions.len()];
    r.recommendations = vec![Default::default(); review.recommendations.len()];
    r
}

/// `review` with its notes as the core keeps them.
fn with_notes(mut review: MyReview, shaped: CommuneReview) -> MyReview {
    review.notes =
        shaped.headings.into_iter().map(|n| ReviewNote { key: n.key, rating: n.rating.into(), text: n.text }).collect();
    review
}

/// `review` with heading `key` rated `rating`, its text kept.
#[uniffi::export]
pub fn review_with_rating(review: MyReview, key: String, rating: ReviewRating) -> MyReview {
    let mut shaped = shape(&review);
    shaped.set_rating(&key, rating.into());
    with_notes(review, shaped)
}

/// `review` with `text` written under heading `key`, its rating kept (not assessed when none was chosen yet).
#[uniffi::export]
pub fn review_with_text(review: MyReview, key: String, text: String) -> MyReview {
    let mut shaped = shape(&review);
    shaped.set_text(&key, &text);
    with_notes(review, shaped)
}

/// The `problems` a `save_review` of `review` gave, sorted under the parts of the form, in `lang`.
#[uniffi::export]
pub fn review_form_problems(review: MyReview, problems: Vec<FieldProblem>, lang: Language) -> ReviewFormProblems {
    let sorted = FormProblems::sort(&shape(&review), &problems);
    let say = |p: &FieldProblem| if lang == Language::En { p.message_en.clone() } else { p.message_vi.clone() };
    let list = |l: ReviewList| {
        let found = sorted.list(l);
        ReviewListProblems {
            whole: found.whole.as_ref().map(say),
            items: found
                .items
                .iter()
                .map(|i| ReviewItemProblems { first: i.first.as_ref().map(say), second: i.second.as_ref().map(say) })
                .collect(),
        }
    };
    ReviewFormProblems {
        held_on: sorted.held_on.as_ref().map(say),
        headings: sorted
            .headings
            .iter()
            .map(|(key, p)| ReviewHeadingProblem { key: key.clone(), message: say(p) })
            .collect(),
        attendees: list(ReviewList::Attendees),
        opinions: list(ReviewList::Opinions),
        recommendations: list(ReviewList::Recommendations),
        other: sorted.other.iter().map(say).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::ReviewAttendee;

    fn empty() -> MyReview {
        MyReview {
            held_on: "2026-11-20".into(),
            notes: vec![],
            attendees: vec![],
            opinions: vec![],
            recommendations: vec![],
        }
    }

    fn problem(field: &str) -> FieldProblem {
        FieldProblem {
            field: field.into(),
            code: "review.required".into(),
            message_vi: "Cần".into(),
            message_en: "Needed".into(),
        }
    }

    #[test]
    fn text_first_is_not_assessed_and_notes_follow_the_report() {
        let keys: Vec<&str> = vieclam_core::review::HEADINGS.iter().map(|h| h.key).collect();
        let r = review_with_text(empty(), keys[2].into(), "Đã xác minh".into());
        assert_eq!(r.notes[0].rating, ReviewRating::NotAssessed);
        let r = review_with_rating(r, keys[0].into(), ReviewRating::Good);
        assert_eq!(r.notes.iter().map(|n| n.key.as_str()).collect::<Vec<_>>(), [keys[0], keys[2]]);
        let r = review_with_rating(r, keys[2].into(), ReviewRating::Weak);
        assert_eq!((r.notes[1].rating, r.notes[1].text.as_str()), (ReviewRating::Weak, "Đã xác minh"));
    }

    #[test]
    fn problems_land_under_their_fields_in_the_apps_language() {
        let key = vieclam_core::review::HEADINGS[1].key;
        let mut r = review_with_text(empty(), key.into(), "x".into());
        r.attendees = vec![ReviewAttendee { name: String::new(), role: "Cán bộ".into() }];
        let found = vec![problem("attendees[0].name"), problem("headings[0].text"), problem("commune_code")];
        let sorted = review_form_problems(r, found, Language::En);
        assert_eq!(sorted.attendees.items[0], ReviewItemProblems { first: Some("Needed".into()), second: None });
        assert_eq!(sorted.headings, [ReviewHeadingProblem { key: key.into(), message: "Needed".into() }]);
        assert_eq!(sorted.other, ["Needed"]);
        assert_eq!((sorted.opinions.items.len(), sorted.held_on), (0, None));
    }
}
