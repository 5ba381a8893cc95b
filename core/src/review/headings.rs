//! The review headings of the inspection report to the province, in the report's order, and the rating an
//! inspector gives each. Keys are stable (they travel in records and are stored by the server); labels may be
//! reworded.

use serde::{Deserialize, Serialize};

use crate::messages::{Text, review as m};

/// One heading of the commune review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading {
    /// Stable key, e.g. `leadership`.
    pub key: &'static str,
    /// The heading as the report prints it.
    pub label: Text,
    /// What to write under it, for the form.
    pub hint: Text,
}

/// Every heading, in the order of the report to the province.
pub const HEADINGS: [Heading; 7] = [
    Heading { key: "leadership", label: m::HEADING_LEADERSHIP, hint: m::HEADING_LEADERSHIP_HINT },
    Heading { key: "targeting", label: m::HEADING_TARGETING, hint: m::HEADING_TARGETING_HINT },
    Heading { key: "book", label: m::HEADING_BOOK, hint: m::HEADING_BOOK_HINT },
    Heading { key: "site_checks", label: m::HEADING_SITE_CHECKS, hint: m::HEADING_SITE_CHECKS_HINT },
    Heading { key: "opinions", label: m::HEADING_OPINIONS, hint: m::HEADING_OPINIONS_HINT },
    Heading { key: "overseas", label: m::HEADING_OVERSEAS, hint: m::HEADING_OVERSEAS_HINT },
    Heading { key: "recommendations", label: m::HEADING_RECOMMENDATIONS, hint: m::HEADING_RECOMMENDATIONS_HINT },
];

/// The heading with this key, if it is one of the catalogue.
pub fn heading(key: &str) -> Option<&'static Heading> {
    HEADINGS.iter().find(|h| h.key == key)
}

/// The position of a heading in the report (unknown keys last), for sorting.
pub fn position(key: &str) -> usize {
    HEADINGS.iter().position(|h| h.key == key).unwrap_or(HEADINGS.len())
}

/// How an inspector rates what a heading covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Tốt.
    Good,
    /// Khá.
    Fair,
    /// Yếu.
    Weak,
    /// Chưa đánh giá: written about but not rated (yet).
    NotAssessed,
}

impl Rating {
    /// Every rating, best first.
    pub const ALL: [Rating; 4] = [Rating::Good, Rating::Fair, Rating::Weak, Rating::NotAssessed];

    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Rating::Good => "good",
            Rating::Fair => "fair",
            Rating::Weak => "weak",
            Rating::NotAssessed => "not_assessed",
        }
    }

    /// The rating with this code; Vietnamese words (with or without marks) are taken too, for the shell.
    pub fn parse(text: &str) -> Option<Rating> {
        let folded = crate::fold::fold(text.trim());
        Rating::ALL.into_iter().find(|r| {
            r.code() == text.trim()
                || folded == crate::fold::fold(r.label().vi)
                || folded == r.label().en.to_lowercase()
        })
    }

    /// The rating as people read it.
    pub const fn label(self) -> Text {
        match self {
            Rating::Good => m::RATING_GOOD,
            Rating::Fair => m::RATING_FAIR,
            Rating::Weak => m::RATING_WEAK,
            Rating::NotAssessed => m::RATING_NOT_ASSESSED,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_found() {
        for (i, h) in HEADINGS.iter().enumerate() {
            assert_eq!(heading(h.key), Some(h));
            assert_eq!(position(h.key), i);
        }
        assert_eq!(heading("weather"), None);
        assert_eq!(position("weather"), HEADINGS.len());
    }

    #[test]
    fn ratings_parse_from_codes_and_words() {
        for r in Rating::ALL {
            assert_eq!(Rating::parse(r.code()), Some(r));
            assert_eq!(Rating::parse(r.label().vi), Some(r));
            assert_eq!(Rating::parse(r.label().en), Some(r));
        }
        assert_eq!(Rating::parse("tot"), Some(Rating::Good));
        assert_eq!(Rating::parse("chua danh gia"), Some(Rating::NotAssessed));
        assert_eq!(Rating::parse("excellent"), None);
    }
}
