//! The review form's rules, the same on both apps: what a heading's rating is when only its text has been typed,
//! the names of the fields the rules in [`super::validate`] speak of (`headings[2].text`, `attendees[0].name`), and
//! the problems of a save sorted under the parts of the form that show them, so an app never builds a field name.

use super::headings::Rating;
use super::record::CommuneReview;
use crate::error::FieldError;

/// The rating of a heading written about but not rated yet: a text typed first must not pass for an opinion.
pub const UNRATED: Rating = Rating::NotAssessed;

/// The three lists of two-part items under a review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewList {
    /// Who attended: name and function.
    Attendees,
    /// Opinions heard: who and what.
    Opinions,
    /// Recommendations: to whom and what.
    Recommendations,
}

impl ReviewList {
    /// Every list, in the form's order.
    pub const ALL: [ReviewList; 3] = [ReviewList::Attendees, ReviewList::Opinions, ReviewList::Recommendations];

    /// The field naming the whole list (`attendees`).
    pub const fn field(self) -> &'static str {
        match self {
            ReviewList::Attendees => "attendees",
            ReviewList::Opinions => "opinions",
            ReviewList::Recommendations => "recommendations",
        }
    }

    /// The names of an item's two parts (`name`/`role`, `who`/`what`, `to`/`what`).
    pub const fn parts(self) -> (&'static str, &'static str) {
        match self {
            ReviewList::Attendees => ("name", "role"),
            ReviewList::Opinions => ("who", "what"),
            ReviewList::Recommendations => ("to", "what"),
        }
    }

    /// The field of item `index`'s first part (`attendees[0].name`).
    pub fn first_field(self, index: usize) -> String {
        format!("{}[{index}].{}", self.field(), self.parts().0)
    }

    /// The field of item `index`'s second part (`attendees[0].role`).
    pub fn second_field(self, index: usize) -> String {
        format!("{}[{index}].{}", self.field(), self.parts().1)
    }

    /// How many items `review` has in this list.
    pub fn len(self, review: &CommuneReview) -> usize {
        match self {
            ReviewList::Attendees => review.attendees.len(),
            ReviewList::Opinions => review.opinions.len(),
            ReviewList::Recommendations => review.recommendations.len(),
        }
    }
}

/// The field of the meeting day.
pub const HELD_ON_FIELD: &str = "held_on";

/// The field of the `index`th note's heading key (`headings[2].key`).
pub fn heading_key_field(index: usize) -> String {
    format!("headings[{index}].key")
}

/// The field of the `index`th note's text (`headings[2].text`).
pub fn heading_text_field(index: usize) -> String {
    format!("headings[{index}].text")
}

impl CommuneReview {
    /// Sets heading `key`'s rating, keeping what was written under it.
    pub fn set_rating(&mut self, key: &str, rating: Rating) {
        let text = self.note(key).map(|n| n.text.clone()).unwrap_or_default();
        self.set_note(key, rating, &text);
    }

    /// Sets heading `key`'s text, keeping its rating ([`UNRATED`] when none was chosen yet).
    pub fn set_text(&mut self, key: &str, text: &str) {
        let rating = self.note(key).map_or(UNRATED, |n| n.rating);
        self.set_note(key, rating, text);
    }
}

/// An item's problems: one for each part, at most.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemProblems<P = FieldError> {
    /// On the first part (name, who, to whom).
    pub first: Option<P>,
    /// On the second part (function, what).
    pub second: Option<P>,
}

/// A list's problems: on the list as a whole (too many items) and on each item, by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListProblems<P = FieldError> {
    /// On the whole list.
    pub whole: Option<P>,
    /// One per item of the review's list, in order.
    pub items: Vec<ItemProblems<P>>,
}

/// A problem the form can place: it names its field.
pub trait NamesField: Clone {
    /// The field named (`headings[2].text`).
    fn field(&self) -> &str;
}

impl NamesField for FieldError {
    fn field(&self) -> &str {
        &self.field
    }
}

/// The problems of a save, each under the part of the form that shows it (the first one of a field, if several).
/// `P` is the core's [`FieldError`] or a binding's copy of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblems<P = FieldError> {
    /// On the meeting day.
    pub held_on: Option<P>,
    /// On a heading, by its key: its text, or the heading itself (unknown, written twice).
    pub headings: Vec<(String, P)>,
    /// On the attendees, opinions and recommendations, in [`ReviewList::ALL`]'s order.
    pub lists: [ListProblems<P>; 3],
    /// Those that no part of the form shows (the plan's commune, the review's id): the app shows them at the top,
    /// so no refusal goes unexplained.
    pub other: Vec<P>,
}

impl<P: NamesField> FormProblems<P> {
    /// `problems` (as [`super::validate`] or a save gave them) sorted under the parts of `review` they name.
    pub fn sort(review: &CommuneReview, problems: &[P]) -> FormProblems<P> {
        let mut out = FormProblems {
            held_on: None,
            headings: Vec::new(),
            lists: ReviewList::ALL.map(|l| ListProblems {
                whole: None,
                items: (0..l.len(review)).map(|_| ItemProblems { first: None, second: None }).collect(),
            }),
            other: Vec::new(),
        };
        for p in problems {
            if !out.place(review, p) {
                out.other.push(p.clone());
            }
        }
        out
    }

    /// The problem shown under heading `key`, if any.
    pub fn heading(&self, key: &str) -> Option<&P> {
        self.headings.iter().find(|(k, _)| k == key).map(|(_, p)| p)
    }

    /// The problems of `list`.
    pub fn list(&self, list: ReviewList) -> &ListProblems<P> {
        &self.lists[ReviewList::ALL.iter().position(|l| *l == list).unwrap_or(0)]
    }

    /// Puts `p` where the form shows it; `false` when no part of `review` is named by it.
    fn place(&mut self, review: &CommuneReview, p: &P) -> bool {
        let keep = |slot: &mut Option<P>| {
            slot.get_or_insert_with(|| p.clone());
            true
        };
        let field = p.field();
        if field == HELD_ON_FIELD {
            return keep(&mut self.held_on);
        }
        for (i, note) in review.headings.iter().enumerate() {
            if field == heading_text_field(i) || field == heading_key_field(i) {
                if self.heading(&note.key).is_none() {
                    self.headings.push((note.key.clone(), p.clone()));
                }
                return true;
            }
        }
        for (n, list) in ReviewList::ALL.into_iter().enumerate() {
            let problems = &mut self.lists[n];
            if field == list.field() {
                return keep(&mut problems.whole);
            }
            for (i, item) in problems.items.iter_mut().enumerate() {
                if field == list.first_field(i) {
                    return keep(&mut item.first);
                }
                if field == list.second_field(i) {
                    return keep(&mut item.second);
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::review::record::{Attendee, Opinion, Recommendation};
    use crate::review::validate::problems;

    fn review() -> CommuneReview {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).expect("a day");
        CommuneReview::new("plan-1", "06613", "acc-1", day)
    }

    #[test]
    fn text_typed_before_a_rating_is_unrated_and_a_rating_keeps_the_text() {
        let mut r = review();
        r.set_text("targeting", "Đúng đối tượng");
        assert_eq!(r.note("targeting").map(|n| n.rating), Some(Rating::NotAssessed));
        r.set_rating("targeting", Rating::Good);
        r.set_text("targeting", "Đúng đối tượng, đủ hồ sơ");
        let note = r.note("targeting").expect("written");
        assert_eq!((note.rating, note.text.as_str()), (Rating::Good, "Đúng đối tượng, đủ hồ sơ"));
        // A rating chosen first starts an empty text; the notes stay in the report's order.
        r.set_rating(crate::review::HEADINGS[0].key, Rating::Weak);
        assert_eq!(r.headings[0].key, crate::review::HEADINGS[0].key);
        assert_eq!(r.headings[0].text, "");
    }

    #[test]
    fn every_problem_of_the_rules_lands_under_its_part_and_the_rest_is_kept() {
        let mut r = review();
        r.set_text("targeting", &"x".repeat(super::super::validate::MAX_NOTE_CHARS + 1));
        r.attendees = vec![
            Attendee { name: "Nông Văn A".into(), role: "Chủ tịch".into() },
            Attendee { name: " ".into(), role: String::new() },
        ];
        r.recommendations = vec![Recommendation { to: "UBND xã".into(), what: String::new() }];
        r.held_on = NaiveDate::from_ymd_opt(1999, 1, 1).expect("a day");
        r.id = "forged".into();
        let found = problems(&r);
        let sorted = FormProblems::sort(&r, &found);
        assert_eq!(sorted.held_on.as_ref().map(|p| p.code.as_str()), Some("review.date_out_of_range"));
        assert_eq!(sorted.heading("targeting").map(|p| p.code.as_str()), Some("review.too_long"));
        let attendees = sorted.list(ReviewList::Attendees);
        assert_eq!(attendees.items.len(), 2);
        assert_eq!(attendees.items[0], ItemProblems { first: None, second: None });
        assert_eq!(attendees.items[1].first.as_ref().map(|p| p.field.as_str()), Some("attendees[1].name"));
        let recs = sorted.list(ReviewList::Recommendations);
        assert_eq!(recs.items[0].second.as_ref().map(|p| p.code.as_str()), Some("review.required"));
        assert_eq!(sorted.other.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["id"]);
        // Nothing is lost: every problem is shown somewhere.
        let shown = usize::from(sorted.held_on.is_some())
            + sorted.headings.len()
            + sorted
                .lists
                .iter()
                .map(|l| {
                    l.items
                        .iter()
                        .map(|i| usize::from(i.first.is_some()) + usize::from(i.second.is_some()))
                        .sum::<usize>()
                        + usize::from(l.whole.is_some())
                })
                .sum::<usize>()
            + sorted.other.len();
        assert_eq!(shown, found.len());
    }

    #[test]
    fn a_list_over_its_limit_is_shown_on_the_list() {
        let mut r = review();
        let heard = Opinion { who: "Bà C".into(), what: "Cần thêm vốn".into() };
        r.opinions = vec![heard; super::super::validate::MAX_ITEMS + 1];
        let sorted = FormProblems::sort(&r, &problems(&r));
        assert_eq!(sorted.list(ReviewList::Opinions).whole.as_ref().map(|p| p.code.as_str()), Some("review.too_many"));
        assert!(sorted.other.is_empty());
    }
}
