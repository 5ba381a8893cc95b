//! The steps that change a check: start, answer, finish, correct. Each one validates first, then writes its rows,
//! one signed chain link and one outbox entry in a single transaction.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::record::{self, CheckState, SiteCheckRecord, iso, json, refusal};
use super::{CheckFix, CheckVerdict, ENTITY_ANSWER, ENTITY_CHECK, EvidenceSigner};
use crate::checks::checklist::{self, AnswerValue, QUESTIONS};
use crate::error::{Error, FieldError, Result};
use crate::messages::checks as msg;
use crate::places::COMMUNE_LIST;
use crate::store::Store;
use crate::store::outbox::{self, Op};

/// One answer as stored and sent.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct AnswerRecord {
    check_id: String,
    question: String,
    kind: String,
    value: serde_json::Value,
    answered_at: String,
    signature: Option<String>,
    hlc: String,
}

/// A new revision travels with its answers: it is one record for the server, and one signed body.
#[derive(Serialize)]
struct RevisionRecord<'a> {
    #[serde(flatten)]
    check: &'a SiteCheckRecord,
    answers: &'a [AnswerRecord],
}

/// Starts a check at `site_id` with the fix and the verdict of the start; returns the new check's id.
///
/// Refuses an impossible fix (`fix.invalid`) or verdict (`verdict.invalid`); an unknown site is
/// [`Error::NotFound`].
pub fn start(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    site_id: &str,
    fix: &CheckFix,
    verdict: &CheckVerdict,
    now: DateTime<Utc>,
) -> Result<String> {
    let mut errors = Vec::new();
    if fix.check().is_err() {
        errors.push(FieldError { field: "fix".into(), code: "fix.invalid".into(), message: msg::FIX_INVALID });
    }
    if !verdict.is_valid() {
        errors.push(FieldError {
            field: "verdict".into(),
            code: "verdict.invalid".into(),
            message: msg::VERDICT_INVALID,
        });
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let device_id = store.device_id()?;
    let node = store.node();
    let tx = store.transaction()?;
    let (loan_id, commune_code): (String, String) = tx
        .query_row(
            "SELECT m.loan_id, s.commune_code FROM sites s JOIN funded_models m ON m.id = s.model_id WHERE s.id = ?1",
            [site_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "site", id: site_id.to_owned() })?;
    let code = next_code(&tx, &commune_code)?;
    let hlc = Store::tick(&tx, node)?;
    let id = crate::ids::new_id();
    let mut check = SiteCheckRecord {
        id: id.clone(),
        code,
        root_id: id.clone(),
        revision: 1,
        revises: None,
        revision_reason: None,
        site_id: site_id.to_owned(),
        loan_id,
        commune_list: COMMUNE_LIST.to_owned(),
        commune_code,
        device_id,
        started_at: iso(now),
        fix: fix.clone(),
        verdict: verdict.clone(),
        state: CheckState::Open,
        finished_at: None,
        signature: None,
        finish_signature: None,
        created_at: iso(Utc::now()),
        hlc: hlc.to_string(),
    };
    check.signature = signer.sign_record(&tx, ENTITY_CHECK, &id, &json(&check)?)?;
    insert_check(&tx, &check)?;
    outbox::record(&tx, ENTITY_CHECK, &id, Op::Insert, hlc, &check)?;
    tx.commit()?;
    Ok(id)
}

/// Records the answer to question `key` of an open check (a later answer to the same question replaces it).
///
/// Refuses an answer that does not fit its question (`answer.*`, see [`checklist::validate`]) and any answer on a
/// finished check (`check.locked`); then nothing is written.
pub fn answer(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    check_id: &str,
    key: &str,
    value: AnswerValue,
) -> Result<()> {
    let (question, value) = checklist::validate(key, value).map_err(|e| Error::Invalid(vec![e]))?;
    let node = store.node();
    let tx = store.transaction()?;
    record::load_open(&tx, check_id)?;
    let existed: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM check_answers WHERE check_id = ?1 AND question = ?2)",
        params![check_id, key],
        |r| r.get(0),
    )?;
    let hlc = Store::tick(&tx, node)?;
    let mut answer = AnswerRecord {
        check_id: check_id.to_owned(),
        question: question.key.to_owned(),
        kind: question.kind.name().to_owned(),
        value: value.to_json(),
        answered_at: iso(Utc::now()),
        signature: None,
        hlc: hlc.to_string(),
    };
    let answer_id = format!("{check_id}/{key}");
    answer.signature = signer.sign_record(&tx, ENTITY_ANSWER, &answer_id, &json(&answer)?)?;
    write_answer(&tx, &answer)?;
    // The answer signed now is the question's final word: a draft typed before it is spent.
    tx.execute("DELETE FROM check_answer_drafts WHERE check_id = ?1 AND question = ?2", params![check_id, key])?;
    let op = if existed { Op::Update } else { Op::Insert };
    outbox::record(&tx, ENTITY_ANSWER, &answer_id, op, hlc, &answer)?;
    tx.commit()?;
    Ok(())
}

/// The required questions of `check_id` that have no answer (or only blank text), as `answer.required` errors.
fn missing_required(tx: &Transaction, check_id: &str) -> Result<Vec<FieldError>> {
    let answers = load_answers(tx, check_id)?;
    Ok(QUESTIONS
        .iter()
        .filter(|q| q.required)
        .filter(|q| {
            !answers
                .iter()
                .any(|a| a.question == q.key && AnswerValue::from_json(&q.kind, &a.value).is_some_and(|v| v.is_given()))
        })
        .map(|q| FieldError { field: q.key.to_owned(), code: "answer.required".into(), message: msg::REQUIRED })
        .collect())
}

/// Finishes an open check at `now` and locks it, first signing its drafts (see [`super::drafts`]). Refuses, listing every required question still unanswered
/// (`answer.required`, field = question key), or `check.locked` when it is already finished.
pub fn finish(store: &mut Store, signer: &dyn EvidenceSigner, check_id: &str, now: DateTime<Utc>) -> Result<()> {
    // What is still being typed counts: each draft becomes its one signed answer before the check is judged whole.
    record::load_open(store.conn(), check_id)?;
    super::drafts::settle(store, signer, check_id, None)?;
    let node = store.node();
    let tx = store.transaction()?;
    let mut check = record::load_open(&tx, check_id)?;
    let missing = missing_required(&tx, check_id)?;
    if !missing.is_empty() {
        return Err(Error::Invalid(missing));
    }
    let hlc = Store::tick(&tx, node)?;
    check.state = CheckState::Finished;
    check.finished_at = Some(iso(now));
    check.hlc = hlc.to_string();
    // A revision travels with its answers (see `correct`), so its finished state does too: the server keeps each
    // state of a check whole, exactly as signed, and a finish without the answers would drop them there.
    let answers = if check.revises.is_some() { Some(load_answers(&tx, check_id)?) } else { None };
    let signed = match &answers {
        Some(answers) => json(&RevisionRecord { check: &check, answers })?,
        None => json(&check)?,
    };
    check.finish_signature = signer.sign_record(&tx, ENTITY_CHECK, check_id, &signed)?;
    tx.execute(
        "UPDATE site_checks SET state = 'finished', finished_at = ?2, finish_signature = ?3, hlc = ?4 WHERE id = ?1",
        params![check_id, check.finished_at, check.finish_signature, check.hlc],
    )?;
    match &answers {
        Some(answers) => {
            outbox::record(&tx, ENTITY_CHECK, check_id, Op::Update, hlc, &RevisionRecord { check: &check, answers })?
        }
        None => outbox::record(&tx, ENTITY_CHECK, check_id, Op::Update, hlc, &check)?,
    };
    tx.commit()?;
    Ok(())
}

/// Corrects a finished check: a new revision (n + 1) with a copy of its answers, `revises` set and `reason` kept,
/// open for changes. Returns the new revision's id. The photos stay with the revision they were taken in.
///
/// Refuses a blank reason (`check.reason_required`), an open check (`check.not_finished`: change it directly) and
/// a revision that was already corrected (`check.superseded`: correct the latest).
pub fn correct(store: &mut Store, signer: &dyn EvidenceSigner, check_id: &str, reason: &str) -> Result<String> {
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() {
        return Err(refusal("reason", "check.reason_required", msg::REASON_REQUIRED));
    }
    let node = store.node();
    let tx = store.transaction()?;
    let old = record::load(&tx, check_id)?;
    if old.state != CheckState::Finished {
        return Err(refusal("check", "check.not_finished", msg::NOT_FINISHED));
    }
    let superseded: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM site_checks WHERE revises = ?1)", [check_id], |r| r.get(0))?;
    if superseded {
        return Err(refusal("check", "check.superseded", msg::SUPERSEDED));
    }
    let hlc = Store::tick(&tx, node)?;
    let id = crate::ids::new_id();
    let mut check = SiteCheckRecord {
        id: id.clone(),
        revision: old.revision + 1,
        revises: Some(old.id.clone()),
        revision_reason: Some(reason),
        state: CheckState::Open,
        finished_at: None,
        signature: None,
        finish_signature: None,
        created_at: iso(Utc::now()),
        hlc: hlc.to_string(),
        ..old
    };
    let answers: Vec<AnswerRecord> = load_answers(&tx, check_id)?
        .into_iter()
        .map(|a| AnswerRecord { check_id: id.clone(), signature: None, hlc: hlc.to_string(), ..a })
        .collect();
    let body = RevisionRecord { check: &check, answers: &answers };
    check.signature = signer.sign_record(&tx, ENTITY_CHECK, &id, &json(&body)?)?;
    insert_check(&tx, &check)?;
    for a in &answers {
        write_answer(&tx, a)?;
    }
    outbox::record(&tx, ENTITY_CHECK, &id, Op::Insert, hlc, &RevisionRecord { check: &check, answers: &answers })?;
    tx.commit()?;
    Ok(id)
}

/// `KT-<commune>-<n>`: the n-th visit this device started in the commune (revisions keep their visit's code).
fn next_code(tx: &Transaction, commune_code: &str) -> Result<String> {
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM site_checks WHERE commune_code = ?1 AND revision = 1",
        [commune_code],
        |r| r.get(0),
    )?;
    Ok(format!("KT-{commune_code}-{:04}", n + 1))
}

fn insert_check(tx: &Transaction, c: &SiteCheckRecord) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO site_checks ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
             ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
            record::COLUMNS
        ),
        params![
            c.id,
            c.code,
            c.root_id,
            c.revision,
            c.revises,
            c.revision_reason,
            c.site_id,
            c.loan_id,
            c.commune_list,
            c.commune_code,
            c.device_id,
            c.started_at,
            c.fix.lat,
            c.fix.lon,
            c.fix.accuracy_m,
            c.fix.altitude_m,
            iso(c.fix.time),
            c.fix.provider,
            c.fix.satellites,
            c.fix.mocked,
            c.verdict.place,
            c.verdict.distance_m,
            c.verdict.accuracy_m,
            c.verdict.in_commune,
            c.state.as_str(),
            c.finished_at,
            c.signature,
            c.finish_signature,
            c.created_at,
            c.hlc,
        ],
    )?;
    Ok(())
}

fn write_answer(tx: &Transaction, a: &AnswerRecord) -> Result<()> {
    tx.execute(
        "INSERT INTO check_answers (check_id, question, kind, value, answered_at, signature, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (check_id, question) DO UPDATE SET kind = excluded.kind, value = excluded.value,
             answered_at = excluded.answered_at, signature = excluded.signature, hlc = excluded.hlc",
        params![a.check_id, a.question, a.kind, a.value.to_string(), a.answered_at, a.signature, a.hlc],
    )?;
    Ok(())
}

fn load_answers(tx: &Transaction, check_id: &str) -> Result<Vec<AnswerRecord>> {
    let mut stmt = tx.prepare_cached(
        "SELECT check_id, question, kind, value, answered_at, signature, hlc FROM check_answers
         WHERE check_id = ?1 ORDER BY question",
    )?;
    let rows = stmt.query_map([check_id], |r| {
        Ok(AnswerRecord {
            check_id: r.get(0)?,
            question: r.get(1)?,
            kind: r.get(2)?,
            value: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or(serde_json::Value::Null),
            answered_at: r.get(4)?,
            signature: r.get(5)?,
            hlc: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
