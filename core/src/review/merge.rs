//! Combining the reviews several inspectors wrote of one commune into what the office reads: under each heading
//! every contributor's rating and text with its author, and the meeting's attendees, opinions and recommendations
//! gathered from everyone, each once. Nothing overwrites anything: two inspectors who disagree are both shown.
//!
//! The result depends only on the set of reviews given, never on their order (the office lists them as the
//! database returns them, devices as they were pulled): contributions are sorted, and among lines that say the same
//! thing (see [`same_line`]) the one kept is the least of them in a fixed order.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::headings::{HEADINGS, Rating, position};
use super::record::{Attendee, CommuneReview, Opinion, Recommendation};

/// One author's note under one heading.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Contribution {
    /// The author's account id.
    pub author: String,
    /// Their rating.
    pub rating: Rating,
    /// Their text.
    pub text: String,
}

/// One heading with everything written under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedHeading {
    /// The heading's key.
    pub key: String,
    /// Each author's note, by author.
    pub contributions: Vec<Contribution>,
}

/// One inspector who contributed, and the day they say the meeting was held.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Contributor {
    /// Account id.
    pub author: String,
    /// The meeting day in their record.
    pub held_on: NaiveDate,
}

/// The reviews of one commune, combined.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedReview {
    /// Who contributed, by author.
    pub contributors: Vec<Contributor>,
    /// Every heading of the catalogue in the report's order (with no contribution where nobody wrote), then any key
    /// the catalogue does not know (a newer app's), by key.
    pub headings: Vec<MergedHeading>,
    /// Everyone at the meeting, once each.
    pub attendees: Vec<Attendee>,
    /// Every opinion heard, once each.
    pub opinions: Vec<Opinion>,
    /// Every recommendation, once each.
    pub recommendations: Vec<Recommendation>,
}

/// The form two lines are compared in: Unicode NFC (`Hoà` typed two ways is one name), lowercase, runs of
/// whitespace as one space, trimmed. Diacritics are kept: `Lan` and `Lân` are two people.
pub fn same_line(text: &str) -> String {
    text.nfc().collect::<String>().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps one of each group of items whose `key` is equal: the least item of the group, so the choice does not
/// depend on the input's order. The result is sorted by key.
fn unique<T: Ord + Clone>(items: impl IntoIterator<Item = T>, key: impl Fn(&T) -> String) -> Vec<T> {
    let mut kept: BTreeMap<String, T> = BTreeMap::new();
    for item in items {
        let k = key(&item);
        match kept.get(&k) {
            Some(old) if *old <= item => {}
            _ => {
                kept.insert(k, item);
            }
        }
    }
    kept.into_values().collect()
}

/// Combines `reviews` (normally one per author, of one commune under one plan). Exact repeats (the same review
/// given twice) count once; everything else is kept.
pub fn merge(reviews: &[CommuneReview]) -> MergedReview {
    let mut contributors: Vec<Contributor> =
        reviews.iter().map(|r| Contributor { author: r.author.clone(), held_on: r.held_on }).collect();
    contributors.sort();
    contributors.dedup();

    let mut by_key: BTreeMap<(usize, String), Vec<Contribution>> =
        HEADINGS.iter().enumerate().map(|(i, h)| ((i, h.key.to_owned()), Vec::new())).collect();
    for review in reviews {
        for note in &review.headings {
            by_key.entry((position(&note.key), note.key.clone())).or_default().push(Contribution {
                author: review.author.clone(),
                rating: note.rating,
                text: note.text.clone(),
            });
        }
    }
    let headings = by_key
        .into_iter()
        .map(|((_, key), mut contributions)| {
            contributions.sort();
            contributions.dedup();
            MergedHeading { key, contributions }
        })
        .collect();

    let all = || reviews.iter();
    MergedReview {
        contributors,
        headings,
        attendees: unique(all().flat_map(|r| r.attendees.iter().cloned()), |a| {
            format!("{}\u{1f}{}", same_line(&a.name), same_line(&a.role))
        }),
        opinions: unique(all().flat_map(|r| r.opinions.iter().cloned()), |o| {
            format!("{}\u{1f}{}", same_line(&o.who), same_line(&o.what))
        }),
        recommendations: unique(all().flat_map(|r| r.recommendations.iter().cloned()), |o| {
            format!("{}\u{1f}{}", same_line(&o.to), same_line(&o.what))
        }),
    }
}

impl MergedReview {
    /// The heading with this key.
    pub fn heading(&self, key: &str) -> Option<&MergedHeading> {
        self.headings.iter().find(|h| h.key == key)
    }

    /// Whether nobody has written anything.
    pub fn is_empty(&self) -> bool {
        self.contributors.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::record::HeadingNote;
    use proptest::prelude::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 14).expect("date")
    }

    fn review(author: &str) -> CommuneReview {
        CommuneReview::new("plan-1", "06613", author, day())
    }

    #[test]
    fn two_inspectors_are_both_kept_under_each_heading() {
        let mut a = review("acc-a");
        a.set_note("leadership", Rating::Good, "Họp 12/12 thôn.");
        a.attendees.push(Attendee { name: "Hoàng Văn Lân".into(), role: "Chủ tịch UBND xã".into() });
        let mut b = review("acc-b");
        b.set_note("leadership", Rating::Fair, "Chưa niêm yết thủ tục.");
        b.set_note("overseas", Rating::Weak, "Chỉ 2 lao động đi Nhật.");
        // The same person written with another Unicode form of "à" and extra spaces: one attendee.
        b.attendees.push(Attendee { name: "Hoa\u{300}ng  Văn Lân".into(), role: "chủ tịch UBND xã ".into() });
        b.attendees.push(Attendee { name: "Hoàng Văn Lan".into(), role: "Cán bộ LĐ-TB&XH".into() });
        let m = merge(&[a, b]);
        let lead = m.heading("leadership").expect("heading");
        assert_eq!(
            lead.contributions,
            vec![
                Contribution { author: "acc-a".into(), rating: Rating::Good, text: "Họp 12/12 thôn.".into() },
                Contribution {
                    author: "acc-b".into(), rating: Rating::Fair, text: "Chưa niêm yết thủ tục.".into()
                },
            ]
        );
        assert_eq!(m.heading("overseas").map(|h| h.contributions.len()), Some(1));
        assert_eq!(m.heading("book").map(|h| h.contributions.len()), Some(0));
        assert_eq!(m.headings.len(), HEADINGS.len());
        assert_eq!(m.attendees.len(), 2, "{:?}", m.attendees);
        assert_eq!(m.contributors.len(), 2);
    }

    #[test]
    fn unknown_keys_follow_the_catalogue() {
        let mut a = review("acc-a");
        a.headings.push(HeadingNote { key: "weather".into(), rating: Rating::Good, text: "Nắng".into() });
        let m = merge(&[a]);
        assert_eq!(m.headings.last().map(|h| h.key.as_str()), Some("weather"));
    }

    fn text() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["Tốt", "tốt", "Hoà", "Hoa\u{300}", "Lan", "Lân", " Lân ", "UBND xã", "ubnd  xã"])
            .prop_map(str::to_owned)
    }

    fn rating() -> impl Strategy<Value = Rating> {
        prop::sample::select(Rating::ALL.to_vec())
    }

    fn any_review() -> impl Strategy<Value = CommuneReview> {
        let key = prop::sample::select(vec!["leadership", "book", "overseas", "recommendations", "x_new"]);
        (
            prop::sample::select(vec!["acc-a", "acc-b", "acc-c", "acc-d"]),
            prop::collection::vec((key, rating(), text()), 0..5),
            prop::collection::vec((text(), text()), 0..4),
            prop::collection::vec((text(), text()), 0..4),
            prop::collection::vec((text(), text()), 0..4),
        )
            .prop_map(|(author, notes, att, op, rec)| {
                let mut r = review(author);
                r.headings =
                    notes.into_iter().map(|(k, rating, text)| HeadingNote { key: k.into(), rating, text }).collect();
                r.attendees = att.into_iter().map(|(name, role)| Attendee { name, role }).collect();
                r.opinions = op.into_iter().map(|(who, what)| Opinion { who, what }).collect();
                r.recommendations = rec.into_iter().map(|(to, what)| Recommendation { to, what }).collect();
                r
            })
    }

    proptest! {
        #[test]
        fn order_does_not_matter(reviews in prop::collection::vec(any_review(), 0..6), seed in any::<u64>()) {
            let mut shuffled = reviews.clone();
            // A deterministic shuffle from the seed.
            let n = shuffled.len();
            for i in (1..n).rev() {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
                shuffled.swap(i, j);
            }
            shuffled.reverse();
            prop_assert_eq!(merge(&reviews), merge(&shuffled));
        }

        #[test]
        fn nothing_is_lost(reviews in prop::collection::vec(any_review(), 0..6)) {
            let m = merge(&reviews);
            for r in &reviews {
                prop_assert!(m.contributors.iter().any(|c| c.author == r.author && c.held_on == r.held_on));
                for note in &r.headings {
                    let h = m.heading(&note.key).expect("every key has its heading");
                    prop_assert!(h.contributions.iter().any(|c| c.author == r.author
                        && c.rating == note.rating && c.text == note.text));
                }
                for a in &r.attendees {
                    prop_assert!(m.attendees.iter().any(|x| same_line(&x.name) == same_line(&a.name)
                        && same_line(&x.role) == same_line(&a.role)));
                }
                for o in &r.opinions {
                    prop_assert!(m.opinions.iter().any(|x| same_line(&x.who) == same_line(&o.who)
                        && same_line(&x.what) == same_line(&o.what)));
                }
                for o in &r.recommendations {
                    prop_assert!(m.recommendations.iter().any(|x| same_line(&x.to) == same_line(&o.to)
                        && same_line(&x.what) == same_line(&o.what)));
                }
            }
            // And nothing is made up: every contribution comes from a review.
            for h in &m.headings {
                for c in &h.contributions {
                    prop_assert!(reviews.iter().any(|r| r.author == c.author
                        && r.headings.iter().any(|n| n.key == h.key && n.rating == c.rating && n.text == c.text)));
                }
            }
            let lines = |m: &MergedReview| m.attendees.len();
            prop_assert_eq!(lines(&merge(&[reviews.clone(), reviews.clone()].concat())), lines(&m));
        }
    }
}
