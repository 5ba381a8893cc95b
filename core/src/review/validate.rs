//! The rules every review must meet, on the device before it is saved and on the server before it is stored (a
//! review can come from a hostile client): bounded lengths and lists, no control characters, headings of the
//! catalogue each at most once, a known commune, an id that names its own plan, commune and author, a sane day.
//! Each problem is a [`FieldError`] naming the field (`headings[2].text`, `attendees[0].name`) with a stable code.

use chrono::NaiveDate;

use super::form::ReviewList::{self, Attendees, Opinions, Recommendations};
use super::form::{HELD_ON_FIELD, heading_key_field, heading_text_field};
use super::headings::heading;
use super::record::{CommuneReview, review_id};
use crate::error::FieldError;
use crate::messages::Text;
use crate::messages::review as msg;
use crate::records::InspectionPlan;

/// Longest text under one heading, in characters (a page and a half of the report).
pub const MAX_NOTE_CHARS: usize = 4_000;
/// Longest name, function, or addressee.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest opinion or recommendation.
pub const MAX_LINE_CHARS: usize = 2_000;
/// Longest id (plan, commune, author).
pub const MAX_ID_CHARS: usize = 100;
/// Longest record id in bytes: what a chain link can name.
pub const MAX_RECORD_ID_BYTES: usize = 128;
/// Most attendees, opinions or recommendations in one review.
pub const MAX_ITEMS: usize = 100;

fn problem(field: String, code: &str, message: Text) -> FieldError {
    FieldError { field, code: code.to_owned(), message }
}

/// Checks one text: required or not, its length, and control characters (free text may hold line breaks and tabs,
/// one-line values none).
fn text(out: &mut Vec<FieldError>, field: String, value: &str, required: bool, max: usize, multiline: bool) {
    if required && value.trim().is_empty() {
        out.push(problem(field, "review.required", msg::REQUIRED));
    } else if value.chars().count() > max {
        out.push(problem(field, "review.too_long", msg::TOO_LONG));
    } else if value.chars().any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\t'))) {
        out.push(problem(field, "review.control_char", msg::CONTROL_CHAR));
    }
}

fn list_len(out: &mut Vec<FieldError>, field: &str, len: usize) -> bool {
    if len > MAX_ITEMS {
        out.push(problem(field.to_owned(), "review.too_many", msg::TOO_MANY));
        return false;
    }
    true
}

/// A list's items as (first part, second part), with whether the second is required and its longest length.
type Pairs<'a> = (ReviewList, Vec<(&'a String, &'a String)>, bool, usize);

/// Every problem of `review` on its own (without its plan); empty when it is valid.
pub fn problems(review: &CommuneReview) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (field, value) in
        [("plan_id", &review.plan_id), ("commune_code", &review.commune_code), ("author", &review.author)]
    {
        text(&mut out, field.to_owned(), value, true, MAX_ID_CHARS, false);
    }
    if out.is_empty() && review.id != review_id(&review.plan_id, &review.commune_code, &review.author) {
        out.push(problem("id".into(), "review.id_mismatch", msg::ID_MISMATCH));
    } else if review.id.len() > MAX_RECORD_ID_BYTES {
        out.push(problem("id".into(), "review.too_long", msg::TOO_LONG));
    }
    if !review.commune_code.trim().is_empty() && crate::places::commune(&review.commune_code).is_none() {
        out.push(problem("commune_code".into(), "review.commune_unknown", msg::COMMUNE_UNKNOWN));
    }
    let (first, last) = (NaiveDate::from_ymd_opt(2000, 1, 1), NaiveDate::from_ymd_opt(2100, 12, 31));
    if first.is_some_and(|d| review.held_on < d) || last.is_some_and(|d| review.held_on > d) {
        out.push(problem(HELD_ON_FIELD.into(), "review.date_out_of_range", msg::DATE_OUT_OF_RANGE));
    }
    if list_len(&mut out, "headings", review.headings.len()) {
        for (i, note) in review.headings.iter().enumerate() {
            if heading(&note.key).is_none() {
                out.push(problem(heading_key_field(i), "review.heading_unknown", msg::HEADING_UNKNOWN));
            } else if review.headings[..i].iter().any(|n| n.key == note.key) {
                out.push(problem(heading_key_field(i), "review.heading_twice", msg::HEADING_TWICE));
            }
            text(&mut out, heading_text_field(i), &note.text, false, MAX_NOTE_CHARS, true);
        }
    }
    // Required and maximum length of each list's two parts; the second part of an attendee (function) may be empty.
    let pairs: [Pairs; 3] = [
        (Attendees, review.attendees.iter().map(|a| (&a.name, &a.role)).collect(), false, MAX_NAME_CHARS),
        (Opinions, review.opinions.iter().map(|o| (&o.who, &o.what)).collect(), true, MAX_LINE_CHARS),
        (Recommendations, review.recommendations.iter().map(|x| (&x.to, &x.what)).collect(), true, MAX_LINE_CHARS),
    ];
    for (list, items, second_required, second_max) in pairs {
        if list_len(&mut out, list.field(), items.len()) {
            for (i, (first, second)) in items.into_iter().enumerate() {
                text(&mut out, list.first_field(i), first, true, MAX_NAME_CHARS, false);
                let multiline = list != Attendees;
                text(&mut out, list.second_field(i), second, second_required, second_max, multiline);
            }
        }
    }
    out
}

/// Every problem of `review` as a review under `plan`: its own, and its commune must be one of the plan's.
pub fn problems_in_plan(review: &CommuneReview, plan: &InspectionPlan) -> Vec<FieldError> {
    let mut out = problems(review);
    if review.plan_id != plan.id || !plan.commune_codes.contains(&review.commune_code) {
        out.push(problem("commune_code".into(), "review.not_in_plan", msg::NOT_IN_PLAN));
    }
    out
}

/// The review with every text trimmed (what the device stores): spaces typed around a value are not content.
pub fn trimmed(review: &CommuneReview) -> CommuneReview {
    let t = |s: &String| s.trim().to_owned();
    let mut r = review.clone();
    for n in &mut r.headings {
        n.text = t(&n.text);
    }
    for a in &mut r.attendees {
        (a.name, a.role) = (t(&a.name), t(&a.role));
    }
    for o in &mut r.opinions {
        (o.who, o.what) = (t(&o.who), t(&o.what));
    }
    for x in &mut r.recommendations {
        (x.to, x.what) = (t(&x.to), t(&x.what));
    }
    r
}

/// The message of a review validation code, for a server that answers it (codes are `&'static` there).
pub fn code_message(code: &str) -> Option<(&'static str, Text)> {
    CODES.iter().find(|(c, _)| *c == code).copied()
}

/// Every validation code with its message.
pub const CODES: &[(&str, Text)] = &[
    ("review.id_mismatch", msg::ID_MISMATCH),
    ("review.required", msg::REQUIRED),
    ("review.too_long", msg::TOO_LONG),
    ("review.control_char", msg::CONTROL_CHAR),
    ("review.heading_unknown", msg::HEADING_UNKNOWN),
    ("review.heading_twice", msg::HEADING_TWICE),
    ("review.too_many", msg::TOO_MANY),
    ("review.commune_unknown", msg::COMMUNE_UNKNOWN),
    ("review.not_in_plan", msg::NOT_IN_PLAN),
    ("review.date_out_of_range", msg::DATE_OUT_OF_RANGE),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::headings::Rating;
    use crate::review::record::{Attendee, HeadingNote, Opinion};

    fn commune() -> String {
        crate::places::communes()[0].code.to_string()
    }

    fn valid() -> CommuneReview {
        let mut r = CommuneReview::new("plan-1", &commune(), "acc-a", NaiveDate::from_ymd_opt(2026, 10, 14).unwrap());
        r.set_note("leadership", Rating::Good, "Họp 12 thôn.\nLoa phát 3 buổi.");
        r.attendees.push(Attendee { name: "Hoàng Văn Lân".into(), role: "Chủ tịch UBND xã".into() });
        r.opinions.push(Opinion { who: "Hộ ông Tô".into(), what: "Xin gia hạn.".into() });
        r
    }

    fn codes(r: &CommuneReview) -> Vec<(String, String)> {
        problems(r).into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_valid_review_has_no_problem() {
        assert_eq!(codes(&valid()), vec![]);
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut r = valid();
        r.headings.push(HeadingNote { key: "weather".into(), rating: Rating::Good, text: String::new() });
        r.headings.push(HeadingNote { key: "leadership".into(), rating: Rating::Weak, text: "x".into() });
        r.attendees[0].name = "  ".into();
        r.opinions[0].what = "a\u{7}b".into();
        r.opinions.push(Opinion { who: "Tab\there".into(), what: "x".repeat(MAX_LINE_CHARS + 1) });
        assert_eq!(
            codes(&r),
            vec![
                ("headings[1].key".into(), "review.heading_unknown".into()),
                ("headings[2].key".into(), "review.heading_twice".into()),
                ("attendees[0].name".into(), "review.required".into()),
                ("opinions[0].what".into(), "review.control_char".into()),
                ("opinions[1].who".into(), "review.control_char".into()),
                ("opinions[1].what".into(), "review.too_long".into()),
            ]
        );
    }

    #[test]
    fn ids_commune_day_and_lists() {
        let mut r = valid();
        r.author = "acc-b".into();
        assert_eq!(codes(&r), vec![("id".into(), "review.id_mismatch".into())]);
        let mut r = CommuneReview::new("plan-1", "99999", "acc-a", NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
        r.attendees = vec![Attendee { name: "A".into(), role: String::new() }; MAX_ITEMS + 1];
        assert_eq!(
            codes(&r),
            vec![
                ("commune_code".into(), "review.commune_unknown".into()),
                ("held_on".into(), "review.date_out_of_range".into()),
                ("attendees".into(), "review.too_many".into()),
            ]
        );
    }

    #[test]
    fn the_commune_must_be_in_the_plan() {
        let r = valid();
        let day = r.held_on;
        let mut plan = InspectionPlan {
            id: "plan-1".into(),
            code: "01/KH".into(),
            title: "Kiểm tra".into(),
            starts_on: day,
            ends_on: day,
            commune_codes: vec![commune()],
            team: Vec::new(),
            closed_on: None,
        };
        assert!(problems_in_plan(&r, &plan).is_empty());
        plan.commune_codes.clear();
        assert_eq!(problems_in_plan(&r, &plan)[0].code, "review.not_in_plan");
    }

    #[test]
    fn every_code_has_a_message() {
        for (code, _) in CODES {
            assert_eq!(code_message(code).map(|(c, _)| c), Some(*code));
        }
    }
}
