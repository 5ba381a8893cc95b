//! The review headings of the inspection report to the province, in the report's order, and the rating an
//! inspector gives each. Keys are stable (they travel in records and are stored by the server); labels may be
//! reworded.

use serde::{Deserialize, Serialize};

use crate::messages::Text;
use crate::t;

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
    Heading {
        key: "leadership",
        label: t!("Công tác lãnh đạo, chỉ đạo, tuyên truyền chính sách", "Leadership and publicity of the policy"),
        hint: t!(
            "Họp thôn, loa truyền thanh, niêm yết thủ tục tại điểm giao dịch xã.",
            "Village meetings, loudspeakers, procedures posted at the transaction point."
        ),
    },
    Heading {
        key: "targeting",
        label: t!("Cho vay đúng đối tượng, đúng mục đích", "Loans to the right people for the right purpose"),
        hint: t!(
            "Vốn vay có đến đúng người, được dùng đúng mục đích không.",
            "Whether the loans reached the right people and were used for what they were lent for."
        ),
    },
    Heading {
        key: "book",
        label: t!("Tăng trưởng dư nợ và tỷ lệ nợ quá hạn", "Outstanding growth and the overdue ratio"),
        hint: t!("Dư nợ tăng bao nhiêu, nợ quá hạn chiếm bao nhiêu.", "How outstanding grew, how much is overdue."),
    },
    Heading {
        key: "site_checks",
        label: t!("Kết quả kiểm tra tại mô hình", "What the site checks found"),
        hint: t!("Những gì đoàn thấy tại các mô hình được kiểm tra.", "What the team found at the models it checked."),
    },
    Heading {
        key: "opinions",
        label: t!("Ý kiến, kiến nghị của người dân", "Citizens' opinions and requests"),
        hint: t!("Người dân nói gì, đề nghị gì.", "What the people said and asked for."),
    },
    Heading {
        key: "overseas",
        label: t!("Công tác đưa người lao động đi làm việc ở nước ngoài", "Overseas-employment work"),
        hint: t!(
            "Tư vấn, tuyển chọn cùng Trung tâm Dịch vụ việc làm và doanh nghiệp được cấp phép; số lao động đã đi, đã về.",
            "Counselling, selection with the Employment Service Centre and licensed enterprises; workers sent and \
             returned."
        ),
    },
    Heading {
        key: "recommendations",
        label: t!("Kiến nghị, đề xuất", "Recommendations"),
        hint: t!("Đoàn kiến nghị gì, với ai.", "What the team recommends, and to whom."),
    },
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
            Rating::Good => t!("Tốt", "Good"),
            Rating::Fair => t!("Khá", "Fair"),
            Rating::Weak => t!("Yếu", "Weak"),
            Rating::NotAssessed => t!("Chưa đánh giá", "Not assessed"),
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
