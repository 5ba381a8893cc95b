//! The checklist of a site check as data: every question the inspection asks at a funded model (docs/domain.md, "The
//! inspection that the product serves" and the signs of misuse under "Who does what"), with its kind, its prompt in
//! both languages and whether the check can finish without it; and the validation of a typed answer.
//!
//! Questions are data rather than screens so the apps draw them in a loop, the minutes count them by key, and a new
//! question is one entry here.

use serde_json::Value;

use crate::error::FieldError;
use crate::messages::checks as msg;
use crate::messages::{Lang, Text, checklist as m};

/// One option of a choice question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChoiceOption {
    /// Stable key stored in the answer.
    pub key: &'static str,
    /// What a person reads.
    pub label: Text,
}

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuestionKind {
    /// Có / không.
    YesNo,
    /// A number between `min` and `max` (inclusive) in `unit`; `whole` for counts.
    Number {
        /// Smallest value accepted.
        min: f64,
        /// Largest value accepted.
        max: f64,
        /// Unit shown beside the field.
        unit: Text,
        /// Only whole numbers (people, households).
        whole: bool,
    },
    /// One of a fixed set of options.
    Choice {
        /// The options, in display order.
        options: &'static [ChoiceOption],
    },
    /// Free text up to `max_chars` characters.
    Text {
        /// Longest text accepted.
        max_chars: usize,
    },
}

impl QuestionKind {
    /// The stored name of the kind: `yes_no`, `number`, `choice` or `text`.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Choice { .. } => "choice",
            QuestionKind::Text { .. } => "text",
        }
    }
}

/// One question of the checklist.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    /// Stable key, stored with the answer and used by the minutes.
    pub key: &'static str,
    /// The kind of answer.
    pub kind: QuestionKind,
    /// The question as a person reads it.
    pub prompt: Text,
    /// A check cannot finish until this is answered.
    pub required: bool,
    /// A sign of misuse: "yes" is a finding against the loan.
    pub misuse: bool,
}

/// Free-text answers are notes, not essays; the limit keeps the outbox and the minutes readable.
const TEXT_MAX: usize = 2_000;

/// The kinds of funded model, worded as `messages::labels::model_kind` words them (a `const` cannot call it).
const MODEL_TYPES: &[ChoiceOption] = &[
    ChoiceOption { key: "afforestation", label: m::OPTION_AFFORESTATION },
    ChoiceOption { key: "livestock", label: m::OPTION_LIVESTOCK },
    ChoiceOption { key: "crops", label: m::OPTION_CROPS },
    ChoiceOption { key: "services", label: m::OPTION_SERVICES },
    ChoiceOption { key: "small_business", label: m::OPTION_SMALL_BUSINESS },
];

/// States of a funded model, best first (the minutes list them in this order).
pub const MODEL_STATES: &[ChoiceOption] = &[
    ChoiceOption { key: "good", label: m::OPTION_GOOD },
    ChoiceOption { key: "average", label: m::OPTION_AVERAGE },
    ChoiceOption { key: "poor", label: m::OPTION_POOR },
    ChoiceOption { key: "abandoned", label: m::OPTION_ABANDONED },
];

const EFFECTIVENESS: &[ChoiceOption] = &[
    ChoiceOption { key: "effective", label: m::OPTION_EFFECTIVE },
    ChoiceOption { key: "partly", label: m::OPTION_PARTLY },
    ChoiceOption { key: "not_effective", label: m::OPTION_NOT_EFFECTIVE },
];

const REPAYMENT: &[ChoiceOption] = &[
    ChoiceOption { key: "on_time", label: m::OPTION_ON_TIME },
    ChoiceOption { key: "late", label: m::OPTION_LATE },
    ChoiceOption { key: "overdue", label: m::OPTION_OVERDUE },
];

const fn yes_no(key: &'static str, prompt: Text, misuse: bool) -> Question {
    Question { key, kind: QuestionKind::YesNo, prompt, required: true, misuse }
}

const fn choice(key: &'static str, prompt: Text, options: &'static [ChoiceOption]) -> Question {
    Question { key, kind: QuestionKind::Choice { options }, prompt, required: true, misuse: false }
}

const fn count(key: &'static str, prompt: Text) -> Question {
    let kind = QuestionKind::Number { min: 0.0, max: 1_000.0, unit: m::PEOPLE, whole: true };
    Question { key, kind, prompt, required: true, misuse: false }
}

const fn text(key: &'static str, prompt: Text) -> Question {
    Question { key, kind: QuestionKind::Text { max_chars: TEXT_MAX }, prompt, required: false, misuse: false }
}

/// Key of "used for its purpose".
pub const PURPOSE_KEPT: &str = "purpose_kept";
/// Key of the model's state.
pub const MODEL_STATE: &str = "model_state";
/// Key of jobs created.
pub const JOBS_CREATED: &str = "jobs_created";
/// Key of jobs kept.
pub const JOBS_KEPT: &str = "jobs_kept";
/// Key of the borrower's opinions.
pub const BORROWER_OPINIONS: &str = "borrower_opinions";
/// Key of the borrower's requests.
pub const BORROWER_REQUESTS: &str = "borrower_requests";

/// The checklist, in the order a screen shows it.
pub const QUESTIONS: &[Question] = &[
    yes_no(PURPOSE_KEPT, m::QUESTION_PURPOSE_KEPT, false),
    choice("model_type", m::QUESTION_MODEL_TYPE, MODEL_TYPES),
    choice(MODEL_STATE, m::QUESTION_MODEL_STATE, MODEL_STATES),
    count(JOBS_CREATED, m::QUESTION_JOBS_CREATED),
    count(JOBS_KEPT, m::QUESTION_JOBS_KEPT),
    choice("effectiveness", m::QUESTION_EFFECTIVENESS, EFFECTIVENESS),
    choice("repayment_state", m::QUESTION_REPAYMENT_STATE, REPAYMENT),
    yes_no("misuse_fees", m::QUESTION_MISUSE_FEES, true),
    yes_no("misuse_principal_collected", m::QUESTION_MISUSE_PRINCIPAL_COLLECTED, true),
    yes_no("misuse_vay_ke", m::QUESTION_MISUSE_VAY_KE, true),
    yes_no("misuse_misappropriation", m::QUESTION_MISUSE_MISAPPROPRIATION, true),
    yes_no("misuse_book_held", m::QUESTION_MISUSE_BOOK_HELD, true),
    text(BORROWER_OPINIONS, m::QUESTION_BORROWER_OPINIONS),
    text(BORROWER_REQUESTS, m::QUESTION_BORROWER_REQUESTS),
    text("inspector_remark", m::QUESTION_INSPECTOR_REMARK),
];

/// The question with this key.
pub fn question(key: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.key == key)
}

/// A typed answer as the screen sends it.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerValue {
    /// Có / không.
    YesNo(bool),
    /// A number.
    Number(f64),
    /// The key of an option.
    Choice(String),
    /// Free text.
    Text(String),
}

impl AnswerValue {
    /// The JSON stored in `check_answers.value` and sent in the outbox.
    pub fn to_json(&self) -> Value {
        match self {
            AnswerValue::YesNo(b) => Value::Bool(*b),
            AnswerValue::Number(n) => serde_json::Number::from_f64(*n).map(Value::Number).unwrap_or(Value::Null),
            AnswerValue::Choice(s) | AnswerValue::Text(s) => Value::String(s.clone()),
        }
    }

    /// Reads a stored value back, given its question's kind; `None` if it does not fit.
    pub fn from_json(kind: &QuestionKind, value: &Value) -> Option<AnswerValue> {
        match (kind, value) {
            (QuestionKind::YesNo, Value::Bool(b)) => Some(AnswerValue::YesNo(*b)),
            (QuestionKind::Number { .. }, Value::Number(n)) => n.as_f64().map(AnswerValue::Number),
            (QuestionKind::Choice { .. }, Value::String(s)) => Some(AnswerValue::Choice(s.clone())),
            (QuestionKind::Text { .. }, Value::String(s)) => Some(AnswerValue::Text(s.clone())),
            _ => None,
        }
    }

    /// The answer in words for a screen or the minutes.
    pub fn text(&self, question: &Question, lang: Lang) -> String {
        match (self, &question.kind) {
            (AnswerValue::YesNo(true), _) => msg::YES.get(lang).to_owned(),
            (AnswerValue::YesNo(false), _) => msg::NO.get(lang).to_owned(),
            (AnswerValue::Number(n), QuestionKind::Number { unit, .. }) => {
                format!("{} {}", number_text(*n), unit.get(lang))
            }
            (AnswerValue::Number(n), _) => number_text(*n),
            (AnswerValue::Choice(key), QuestionKind::Choice { options }) => options
                .iter()
                .find(|o| o.key == key)
                .map(|o| o.label.get(lang).to_owned())
                .unwrap_or_else(|| key.clone()),
            (AnswerValue::Choice(s) | AnswerValue::Text(s), _) => s.clone(),
        }
    }

    /// Whether this answer counts as given (blank text does not).
    pub fn is_given(&self) -> bool {
        !matches!(self, AnswerValue::Text(s) if s.trim().is_empty())
    }
}

/// A number the Vietnamese way: no decimals when whole, a decimal comma otherwise.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}").replace('.', ",") }
}

fn error(key: &str, code: &str, message: Text) -> FieldError {
    FieldError { field: key.to_owned(), code: code.to_owned(), message }
}

/// Longest free text accepted (the message [`msg::TOO_LONG`] names it).
pub const TEXT_MAX_CHARS: usize = TEXT_MAX;

/// Checks `value` against question `key` and returns it cleaned (text trimmed), or the one error that explains why
/// not: `answer.unknown_question`, `answer.kind_mismatch`, `answer.out_of_range`, `answer.not_whole`,
/// `answer.unknown_choice` or `answer.too_long`. The field of the error is the question key; a screen that wants to
/// show the allowed range reads it from the question.
pub fn validate(key: &str, value: AnswerValue) -> Result<(&'static Question, AnswerValue), FieldError> {
    let Some(q) = question(key) else {
        return Err(error(key, "answer.unknown_question", msg::UNKNOWN_QUESTION));
    };
    let clean = match (q.kind, value) {
        (QuestionKind::YesNo, v @ AnswerValue::YesNo(_)) => v,
        (QuestionKind::Number { min, max, whole, .. }, AnswerValue::Number(n)) => {
            if !n.is_finite() || n < min || n > max {
                return Err(error(key, "answer.out_of_range", msg::OUT_OF_RANGE));
            }
            if whole && n.fract() != 0.0 {
                return Err(error(key, "answer.not_whole", msg::NOT_WHOLE));
            }
            AnswerValue::Number(n)
        }
        (QuestionKind::Choice { options }, AnswerValue::Choice(c)) => {
            let c = c.trim().to_owned();
            if !options.iter().any(|o| o.key == c) {
                return Err(error(key, "answer.unknown_choice", msg::UNKNOWN_CHOICE));
            }
            AnswerValue::Choice(c)
        }
        (QuestionKind::Text { max_chars }, AnswerValue::Text(t)) => {
            let t = t.trim().to_owned();
            if t.chars().count() > max_chars {
                return Err(error(key, "answer.too_long", msg::TOO_LONG));
            }
            AnswerValue::Text(t)
        }
        _ => return Err(error(key, "answer.kind_mismatch", msg::KIND_MISMATCH)),
    };
    Ok((q, clean))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_misuse_signs_are_yes_no() {
        let mut keys: Vec<_> = QUESTIONS.iter().map(|q| q.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), QUESTIONS.len());
        assert_eq!(QUESTIONS.iter().filter(|q| q.misuse).count(), 5);
        assert!(QUESTIONS.iter().filter(|q| q.misuse).all(|q| q.kind == QuestionKind::YesNo && q.required));
    }

    #[test]
    fn answers_are_checked_against_their_question() {
        let code = |k: &str, v| validate(k, v).err().map(|e| e.code);
        assert_eq!(code("purpose_kept", AnswerValue::YesNo(true)), None);
        assert_eq!(code("purpose_kept", AnswerValue::Number(1.0)).as_deref(), Some("answer.kind_mismatch"));
        assert_eq!(code("jobs_created", AnswerValue::Number(1_001.0)).as_deref(), Some("answer.out_of_range"));
        assert_eq!(code("jobs_created", AnswerValue::Number(f64::NAN)).as_deref(), Some("answer.out_of_range"));
        assert_eq!(code("jobs_created", AnswerValue::Number(2.5)).as_deref(), Some("answer.not_whole"));
        assert_eq!(code("model_state", AnswerValue::Choice("great".into())).as_deref(), Some("answer.unknown_choice"));
        assert_eq!(code("nope", AnswerValue::YesNo(true)).as_deref(), Some("answer.unknown_question"));
        let long = AnswerValue::Text("x".repeat(TEXT_MAX + 1));
        assert_eq!(code("inspector_remark", long).as_deref(), Some("answer.too_long"));
    }

    #[test]
    fn errors_speak_both_languages() {
        let e = validate("jobs_kept", AnswerValue::Number(-1.0)).unwrap_err();
        assert_eq!((e.field.as_str(), e.code.as_str()), ("jobs_kept", "answer.out_of_range"));
        assert_eq!(e.message.vi, "Giá trị nằm ngoài khoảng cho phép của câu hỏi.");
        assert_eq!(e.message.en, "The value is outside the range this question allows.");
    }

    #[test]
    fn answers_read_in_words_and_round_trip_through_json() {
        let q = question("model_state").unwrap();
        let (_, v) = validate("model_state", AnswerValue::Choice(" poor ".into())).unwrap();
        assert_eq!(v.text(q, Lang::Vi), "Kém");
        assert_eq!(AnswerValue::from_json(&q.kind, &v.to_json()), Some(v));
        let jobs = question("jobs_created").unwrap();
        assert_eq!(AnswerValue::Number(3.0).text(jobs, Lang::Vi), "3 người");
    }
}
