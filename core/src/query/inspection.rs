//! The result of the last inspection of a borrower's own funded model, for their loan screen: when it was, its
//! code, and what the inspector found on the use of the loan, the model's state and its effect. A borrower reads
//! this on their phone after the visit instead of asking the office.

use rusqlite::OptionalExtension;

use super::loans::LabeledValue;
use crate::Store;
use crate::checks::checklist::{self, AnswerValue, MODEL_STATE, PURPOSE_KEPT};
use crate::checks::lifecycle::local_date;
use crate::error::Result;
use crate::format;
use crate::messages::{Lang, labels as l};

/// The checklist answers a borrower is shown, in this order.
const SHOWN: [&str; 3] = [PURPOSE_KEPT, MODEL_STATE, "effectiveness"];

/// The last finished inspection of `loan_id` (its latest revision) as label/value rows: its day and code, then the
/// answers of [`SHOWN`] that were given. Empty when the loan was never inspected, or not on this device.
pub fn latest(store: &Store, loan_id: &str, lang: Lang) -> Result<Vec<LabeledValue>> {
    let conn = store.conn();
    let found: Option<(String, String, String)> = conn
        .prepare_cached(
            "SELECT c.id, c.code, c.started_at FROM site_checks c
             WHERE c.loan_id = ?1 AND c.state = 'finished'
               AND NOT EXISTS (SELECT 1 FROM site_checks n WHERE n.revises = c.id AND n.state = 'finished')
             ORDER BY c.started_at DESC, c.revision DESC LIMIT 1",
        )?
        .query_row([loan_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((check_id, code, started_at)) = found else { return Ok(Vec::new()) };
    let day = local_date(&started_at).map_or(started_at.clone(), format::date);
    let mut rows = vec![LabeledValue {
        label: l::LAST_INSPECTION.get(lang).to_owned(),
        value: l::DATE_AND_CODE.fill(lang, &[("date", &day), ("code", &code)]),
    }];
    let mut answers = conn.prepare_cached("SELECT value FROM check_answers WHERE check_id = ?1 AND question = ?2")?;
    for key in SHOWN {
        let Some(question) = checklist::question(key) else { continue };
        let value: Option<String> = answers.query_row([&check_id, key], |r| r.get(0)).optional()?;
        let answer = value
            .and_then(|v| serde_json::from_str(&v).ok())
            .and_then(|v| AnswerValue::from_json(&question.kind, &v))
            .filter(AnswerValue::is_given);
        if let Some(answer) = answer {
            rows.push(LabeledValue { label: question.prompt.get(lang).to_owned(), value: answer.text(question, lang) });
        }
    }
    Ok(rows)
}
