//! Answers being typed. A text or number field changes on every keystroke; recording each change would sign one
//! chain link and queue one outbox row per character. A draft is kept unsigned and unsent (on disk, so an app killed
//! mid-sentence finds the words again) and becomes ONE signed answer when the inspector leaves the question
//! ([`settle`] with its key) or finishes the check ([`super::finish`] settles every draft first). A draft equal to
//! the answer already signed signs nothing.

use chrono::Utc;
use rusqlite::params;

use super::EvidenceSigner;
use super::record::{self, iso};
use super::steps;
use crate::checks::checklist::{self, AnswerValue};
use crate::error::{Error, Result};
use crate::store::Store;

/// Keeps `value` as the draft answer to question `key` of an open check, validated but neither signed nor queued.
///
/// Refuses what [`super::answer`] refuses (`answer.*`, `check.locked`); then nothing is written.
pub fn draft_answer(store: &mut Store, check_id: &str, key: &str, value: AnswerValue) -> Result<()> {
    let (question, value) = checklist::validate(key, value).map_err(|e| Error::Invalid(vec![e]))?;
    let tx = store.transaction()?;
    record::load_open(&tx, check_id)?;
    tx.execute(
        "INSERT INTO check_answer_drafts (check_id, question, value, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (check_id, question) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![check_id, question.key, value.to_json().to_string(), iso(Utc::now())],
    )?;
    tx.commit()?;
    Ok(())
}

/// Turns the drafts of `check_id` (only question `key`'s when given) into signed answers, one each, skipping a
/// draft equal to the answer already recorded. Returns how many answers were signed.
pub fn settle(store: &mut Store, signer: &dyn EvidenceSigner, check_id: &str, key: Option<&str>) -> Result<u32> {
    let drafts: Vec<(String, String, Option<String>)> = {
        let mut stmt = store.conn().prepare_cached(
            "SELECT d.question, d.value, a.value FROM check_answer_drafts d
             LEFT JOIN check_answers a ON a.check_id = d.check_id AND a.question = d.question
             WHERE d.check_id = ?1 AND (?2 IS NULL OR d.question = ?2) ORDER BY d.question",
        )?;
        stmt.query_map(params![check_id, key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut signed = 0;
    for (question, draft, answered) in drafts {
        let same = answered.as_deref().is_some_and(|a| json_eq(a, &draft));
        let value = checklist::question(&question)
            .and_then(|q| serde_json::from_str(&draft).ok().and_then(|v| AnswerValue::from_json(&q.kind, &v)));
        match value {
            Some(value) if !same => {
                // `answer` drops the draft in the same transaction as it signs the answer.
                steps::answer(store, signer, check_id, &question, value)?;
                signed += 1;
            }
            _ => discard(store, check_id, &question)?,
        }
    }
    Ok(signed)
}

fn json_eq(a: &str, b: &str) -> bool {
    match (serde_json::from_str::<serde_json::Value>(a), serde_json::from_str::<serde_json::Value>(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn discard(store: &Store, check_id: &str, question: &str) -> Result<()> {
    store.conn().execute(
        "DELETE FROM check_answer_drafts WHERE check_id = ?1 AND question = ?2",
        params![check_id, question],
    )?;
    Ok(())
}
