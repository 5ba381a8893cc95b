//! The checklist of a site check as records the apps draw in a loop (question, kind of answer, whether it is
//! required or a sign of misuse), and the typed answer a screen sends back.

use vieclam_core::Lang;
use vieclam_core::checks::checklist::{self as core, AnswerValue};

use crate::types::Language;

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ChoiceOption {
    /// Stable key to send as the answer.
    pub key: String,
    /// What a person reads.
    pub label: String,
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq, uniffi::Enum)]
pub enum QuestionKind {
    /// Có / không.
    YesNo,
    /// A number between `min` and `max` (inclusive) in `unit`; only whole numbers when `whole`.
    Number {
        /// Smallest value accepted.
        min: f64,
        /// Largest value accepted.
        max: f64,
        /// Unit shown beside the field.
        unit: String,
        /// Only whole numbers (people, households).
        whole: bool,
    },
    /// One of a fixed set of options.
    Choice {
        /// The options, in display order.
        options: Vec<ChoiceOption>,
    },
    /// Free text up to `max_chars` characters.
    Text {
        /// Longest text accepted.
        max_chars: u32,
    },
}

/// One question of the checklist.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Question {
    /// Stable key, to send with the answer.
    pub key: String,
    /// The question as a person reads it.
    pub prompt: String,
    /// The kind of answer.
    pub kind: QuestionKind,
    /// A check cannot finish until this is answered.
    pub required: bool,
    /// A sign of misuse: "yes" is a finding against the loan.
    pub misuse: bool,
}

impl Question {
    /// The core's question in `lang`.
    pub(crate) fn new(q: &core::Question, lang: Language) -> Self {
        let lang = Lang::from(lang);
        let kind = match q.kind {
            core::QuestionKind::YesNo => QuestionKind::YesNo,
            core::QuestionKind::Number { min, max, unit, whole } => {
                QuestionKind::Number { min, max, unit: unit.get(lang).to_owned(), whole }
            }
            core::QuestionKind::Choice { options } => QuestionKind::Choice {
                options: options
                    .iter()
                    .map(|o| ChoiceOption { key: o.key.to_owned(), label: o.label.get(lang).to_owned() })
                    .collect(),
            },
            core::QuestionKind::Text { max_chars } => {
                QuestionKind::Text { max_chars: u32::try_from(max_chars).unwrap_or(u32::MAX) }
            }
        };
        Question {
            key: q.key.to_owned(),
            prompt: q.prompt.get(lang).to_owned(),
            kind,
            required: q.required,
            misuse: q.misuse,
        }
    }
}

/// A typed answer as the screen sends it; it must match its question's kind.
#[derive(Clone, Debug, PartialEq, uniffi::Enum)]
pub enum AnswerInput {
    /// Có / không.
    YesNo {
        /// The answer.
        value: bool,
    },
    /// A number.
    Number {
        /// The answer.
        value: f64,
    },
    /// One option, by its key.
    Choice {
        /// The option's key.
        key: String,
    },
    /// Free text.
    Text {
        /// The answer.
        text: String,
    },
}

impl From<AnswerInput> for AnswerValue {
    fn from(a: AnswerInput) -> Self {
        match a {
            AnswerInput::YesNo { value } => AnswerValue::YesNo(value),
            AnswerInput::Number { value } => AnswerValue::Number(value),
            AnswerInput::Choice { key } => AnswerValue::Choice(key),
            AnswerInput::Text { text } => AnswerValue::Text(text),
        }
    }
}

/// The whole checklist in `lang`, in the order a screen shows it.
pub(crate) fn questions(lang: Language) -> Vec<Question> {
    core::QUESTIONS.iter().map(|q| Question::new(q, lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checklist_crosses_whole_in_both_languages() {
        let vi = questions(Language::Vi);
        let en = questions(Language::En);
        assert_eq!(vi.len(), core::QUESTIONS.len());
        let purpose = &vi[0];
        assert_eq!((purpose.key.as_str(), purpose.required), ("purpose_kept", true));
        assert_eq!(purpose.kind, QuestionKind::YesNo);
        let state = en.iter().find(|q| q.key == "model_state").expect("model_state");
        let QuestionKind::Choice { options } = &state.kind else { panic!("a choice: {:?}", state.kind) };
        assert_eq!(options[0], ChoiceOption { key: "good".into(), label: "Good".into() });
        let jobs = vi.iter().find(|q| q.key == "jobs_created").expect("jobs_created");
        assert_eq!(jobs.kind, QuestionKind::Number { min: 0.0, max: 1_000.0, unit: "người".into(), whole: true });
        assert!(vi.iter().any(|q| q.misuse) && vi.iter().any(|q| !q.required));
    }
}
