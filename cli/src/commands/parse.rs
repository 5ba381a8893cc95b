//! Reading what people type: positions, communes by code or name, checklist answers.

use vieclam_core::checks::checklist::{AnswerValue, QuestionKind, question};
use vieclam_core::fold::fold;
use vieclam_core::places::communes;

/// Parses `LAT,LON`, refusing anything outside the globe.
pub fn point(text: &str) -> Option<(f64, f64)> {
    let (a, b) = text.split_once(',')?;
    let lat: f64 = a.trim().parse().ok()?;
    let lon: f64 = b.trim().parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// The commune code for a code or a name typed with or without diacritics ("dinh lap" → Đình Lập's code).
pub fn commune_code(text: &str) -> Option<String> {
    let t = text.trim();
    let f = fold(t);
    communes().iter().find(|c| c.code == t || fold(&c.short_name) == f || fold(&c.name) == f).map(|c| c.code.clone())
}

/// An answer typed for question `key`: yes/no as có/không/yes/no/1/0, numbers with a comma or a dot, choices by
/// key, text as it is. Unknown questions and mistyped values are left for the core to refuse with its own message.
pub fn answer(key: &str, text: &str) -> AnswerValue {
    let t = text.trim();
    match question(key).map(|q| &q.kind) {
        Some(QuestionKind::YesNo) => match fold(t).as_str() {
            "co" | "yes" | "y" | "1" | "true" => AnswerValue::YesNo(true),
            "khong" | "no" | "n" | "0" | "false" => AnswerValue::YesNo(false),
            _ => AnswerValue::Text(t.to_owned()),
        },
        Some(QuestionKind::Number { .. }) => {
            t.replace(',', ".").parse().map(AnswerValue::Number).unwrap_or_else(|_| AnswerValue::Text(t.to_owned()))
        }
        Some(QuestionKind::Choice { .. }) => AnswerValue::Choice(t.to_owned()),
        _ => AnswerValue::Text(t.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_parse_and_bad_ones_do_not() {
        assert_eq!(point("21.85, 106.76"), Some((21.85, 106.76)));
        assert_eq!(point("91,0"), None);
        assert_eq!(point("abc"), None);
        assert_eq!(point("21.85"), None);
    }

    #[test]
    fn communes_by_code_or_folded_name() {
        let dl = commune_code("dinh lap").unwrap();
        assert_eq!(commune_code("Xã Đình Lập"), Some(dl.clone()));
        assert_eq!(commune_code(&dl), Some(dl));
        assert_eq!(commune_code("Hà Nội"), None);
    }

    #[test]
    fn answers_follow_the_question_kind() {
        assert_eq!(answer("purpose_kept", "Có"), AnswerValue::YesNo(true));
        assert_eq!(answer("jobs_created", "3"), AnswerValue::Number(3.0));
        assert_eq!(answer("model_state", "good"), AnswerValue::Choice("good".into()));
    }
}
