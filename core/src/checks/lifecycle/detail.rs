//! The check screen and a commune's list of checks, already in words: fields, every question with its answer,
//! photos with their flags explained, and what still stops the check from finishing.

use rusqlite::{Connection, params};

use super::photos::PhotoFlags;
use super::record::{self, CheckState, SiteCheckRecord, local_text};
use crate::checks::checklist::{AnswerValue, QUESTIONS};
use crate::error::Result;
use crate::messages::{Lang, Text, checks as msg, labels as l};
use crate::query::LabeledValue;
use crate::query::sites::distance_text;
use crate::store::Store;

/// One question of the checklist with its answer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnswerRow {
    /// Question key.
    pub key: String,
    /// The question.
    pub label: String,
    /// `yes_no`, `number`, `choice` or `text`.
    pub kind: String,
    /// Needed before the check can finish.
    pub required: bool,
    /// Whether it has an answer.
    pub answered: bool,
    /// The answer in words ("—" when unanswered).
    pub value_text: String,
    /// A sign of misuse answered "yes".
    pub misuse_found: bool,
}

/// One photo of the visit.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PhotoRow {
    /// Photo record id.
    pub id: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// The revision the photo was added in.
    pub revision: u32,
    /// When it was taken, local time.
    pub taken_text: String,
    /// `4000 × 3000`.
    pub dimensions_text: String,
    /// Stable codes of the flags set (`reused`, `gps_disagrees`, `late`).
    pub flag_codes: Vec<String>,
    /// The flags in words.
    pub flags_text: Vec<String>,
}

/// The check screen.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckDetail {
    /// Id of this revision.
    pub check_id: String,
    /// The visit's code, `KT-06613-0001`.
    pub code: String,
    /// Revision number (1 for the original).
    pub revision: u32,
    /// Heading.
    pub title: String,
    /// Open or finished.
    pub state: CheckState,
    /// Finished checks take no more answers or photos.
    pub locked: bool,
    /// Label/value pairs in display order.
    pub fields: Vec<LabeledValue>,
    /// Every question, in checklist order.
    pub answers: Vec<AnswerRow>,
    /// Photos of this visit up to this revision, oldest first.
    pub photos: Vec<PhotoRow>,
    /// Keys of required questions still unanswered.
    pub missing_required: Vec<String>,
    /// "Còn thiếu: Mục đích sử dụng vốn, …": the questions still missing by their labels, never their keys; none
    /// when nothing is missing.
    pub missing_text: Option<String>,
    /// Whether finishing would be accepted now.
    pub can_finish: bool,
}

/// One check in a commune's list (the latest revision of each visit).
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRow {
    /// Id of the latest revision.
    pub check_id: String,
    /// Code.
    pub code: String,
    /// Revision number.
    pub revision: u32,
    /// The site checked (to reopen the check screen).
    pub site_id: String,
    /// Borrower's name.
    pub borrower_name: String,
    /// Số khế ước.
    pub agreement_no: String,
    /// Start, local time.
    pub started_text: String,
    /// State in words.
    pub state_text: String,
    /// Photos with at least one flag, over the whole visit.
    pub flagged_photos: u32,
}

/// The stored answers of a check as `(key, value)`, in the question's kind.
pub(crate) fn answers_of(conn: &Connection, check_id: &str) -> Result<Vec<(String, AnswerValue)>> {
    let mut stmt = conn.prepare_cached("SELECT question, value FROM check_answers WHERE check_id = ?1")?;
    let rows = stmt
        .query_map([check_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, raw)| {
            let q = QUESTIONS.iter().find(|q| q.key == key)?;
            let value = serde_json::from_str(&raw).ok()?;
            AnswerValue::from_json(&q.kind, &value).map(|v| (key, v))
        })
        .collect())
}

/// The unsigned drafts of a check as `(key, value)` (see `drafts`).
fn drafts_of(conn: &Connection, check_id: &str) -> Result<Vec<(String, AnswerValue)>> {
    let mut stmt = conn.prepare_cached("SELECT question, value FROM check_answer_drafts WHERE check_id = ?1")?;
    let rows = stmt
        .query_map([check_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, raw)| {
            let q = QUESTIONS.iter().find(|q| q.key == key)?;
            AnswerValue::from_json(&q.kind, &serde_json::from_str(&raw).ok()?).map(|v| (key, v))
        })
        .collect())
}

/// The words of a verdict's place; a place this build does not know is shown as stored.
fn place_text(place: &str, lang: Lang) -> String {
    let text = match place {
        "at_site" => msg::PLACE_AT,
        "near" => msg::PLACE_NEAR,
        "away" => msg::PLACE_AWAY,
        "poor_fix" => msg::PLACE_TOO_POOR,
        "mocked" => msg::PLACE_MOCKED,
        other => return other.to_owned(),
    };
    text.get(lang).to_owned()
}

fn yes_no(b: bool, lang: Lang) -> String {
    if b { msg::YES } else { msg::NO }.get(lang).to_owned()
}

fn state_text(state: CheckState) -> Text {
    match state {
        CheckState::Open => msg::STATE_OPEN,
        CheckState::Finished => msg::STATE_FINISHED,
    }
}

/// The check screen of revision `check_id`.
pub fn check(store: &Store, check_id: &str, lang: Lang) -> Result<CheckDetail> {
    let conn = store.conn();
    let c = record::load(conn, check_id)?;
    let mut answers = answers_of(conn, check_id)?;
    // An open check shows what is being typed: a draft stands for its answer on screen (and counts for "can
    // finish", since finishing signs it first). Minutes and sync read the signed answers only.
    if c.state == CheckState::Open {
        for (key, draft) in drafts_of(conn, check_id)? {
            answers.retain(|(k, _)| *k != key);
            answers.push((key, draft));
        }
    }
    let rows: Vec<AnswerRow> = QUESTIONS
        .iter()
        .map(|q| {
            let given = answers.iter().find(|(k, _)| k == q.key).map(|(_, v)| v).filter(|v| v.is_given());
            AnswerRow {
                key: q.key.to_owned(),
                label: q.prompt.get(lang).to_owned(),
                kind: q.kind.name().to_owned(),
                required: q.required,
                answered: given.is_some(),
                value_text: given.map_or_else(|| msg::UNANSWERED.get(lang).to_owned(), |v| v.text(q, lang)),
                misuse_found: q.misuse && given == Some(&AnswerValue::YesNo(true)),
            }
        })
        .collect();
    let missing_required: Vec<String> =
        rows.iter().filter(|r| r.required && !r.answered).map(|r| r.key.clone()).collect();
    let missing_labels: Vec<&str> =
        rows.iter().filter(|r| r.required && !r.answered).map(|r| r.label.as_str()).collect();
    let missing_text = (!missing_labels.is_empty())
        .then(|| msg::STILL_MISSING.fill(lang, &[("questions", &missing_labels.join(", "))]));
    let mut title = msg::CHECK_TITLE.fill(lang, &[("code", &c.code)]);
    if c.revision > 1 {
        title = format!("{title} {}", msg::REVISION_SUFFIX.fill(lang, &[("n", &(c.revision - 1).to_string())]));
    }
    Ok(CheckDetail {
        check_id: c.id.clone(),
        code: c.code.clone(),
        revision: c.revision,
        title,
        state: c.state,
        locked: c.state == CheckState::Finished,
        fields: fields(conn, &c, lang)?,
        answers: rows,
        photos: photos(conn, &c, lang)?,
        can_finish: c.state == CheckState::Open && missing_required.is_empty(),
        missing_text,
        missing_required,
    })
}

fn fields(conn: &Connection, c: &SiteCheckRecord, lang: Lang) -> Result<Vec<LabeledValue>> {
    let (borrower, agreement, commune): (Option<String>, Option<String>, Option<String>) = conn.query_row(
        "SELECT (SELECT b.full_name FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.id = ?1),
                (SELECT agreement_no FROM loans WHERE id = ?1),
                (SELECT name FROM communes WHERE list = ?2 AND code = ?3)",
        params![c.loan_id, c.commune_list, c.commune_code],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let item = |label: Text, value: String| LabeledValue { label: label.get(lang).to_owned(), value };
    let mut out = vec![
        item(msg::CODE, c.code.clone()),
        item(l::BORROWER, borrower.unwrap_or_default()),
        item(l::AGREEMENT_NO, agreement.unwrap_or_default()),
        item(l::COMMUNE, commune.unwrap_or_else(|| c.commune_code.clone())),
        item(msg::STATE, state_text(c.state).get(lang).to_owned()),
        item(msg::STARTED_AT, local_text(&c.started_at)),
    ];
    if let Some(done) = &c.finished_at {
        out.push(item(msg::FINISHED_AT, local_text(done)));
    }
    out.push(item(msg::POSITION, format!("{:.6}, {:.6}", c.fix.lat, c.fix.lon)));
    out.push(item(msg::ACCURACY, format!("±{} m", c.fix.accuracy_m.round() as i64)));
    out.push(item(msg::PLACE, place_text(&c.verdict.place, lang)));
    out.push(item(msg::DISTANCE, distance_text(c.verdict.distance_m)));
    out.push(item(msg::IN_COMMUNE, yes_no(c.verdict.in_commune, lang)));
    if c.fix.mocked {
        out.push(item(msg::MOCKED, yes_no(true, lang)));
    }
    // The walk of this revision, else of the one it corrects (a correction keeps the plot walked before it).
    if let Some(w) = super::walk::walk_of_visit(conn, &c.root_id, c.revision)? {
        let text = w.verdict.message(w.area_ha, w.funded_ha, lang);
        out.push(item(crate::messages::plot_walk::PLOT_WALKED, text));
    }
    if c.revision > 1 {
        out.push(item(msg::REVISION, c.revision.to_string()));
        out.push(item(msg::REVISION_REASON, c.revision_reason.clone().unwrap_or_default()));
    }
    Ok(out)
}

fn photos(conn: &Connection, c: &SiteCheckRecord, lang: Lang) -> Result<Vec<PhotoRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.sha256, s.revision, p.taken_at, p.width, p.height, p.flags
         FROM check_photos p JOIN site_checks s ON s.id = p.check_id
         WHERE s.root_id = ?1 AND s.revision <= ?2 ORDER BY p.taken_at, p.id",
    )?;
    let rows = stmt.query_map(params![c.root_id, c.revision], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, u32>(4)?,
            r.get::<_, u32>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, sha256, revision, taken, w, h, flags) = row?;
        let flags: PhotoFlags = serde_json::from_str(&flags).unwrap_or_default();
        out.push(PhotoRow {
            id,
            sha256,
            revision,
            taken_text: local_text(&taken),
            dimensions_text: format!("{w} × {h}"),
            flag_codes: flags.codes().into_iter().map(str::to_owned).collect(),
            flags_text: flags_text(&flags, lang),
        });
    }
    Ok(out)
}

/// The flags of a photo in words.
pub fn flags_text(f: &PhotoFlags, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if f.reused {
        out.push(msg::FLAG_REUSED.get(lang).to_owned());
    }
    if f.gps_disagrees {
        let m = f.gps_gap_m.map(|m| m.round() as i64).unwrap_or_default().to_string();
        out.push(msg::FLAG_GPS_DISAGREES.fill(lang, &[("m", &m)]));
    }
    if f.late {
        out.push(msg::FLAG_LATE.fill(lang, &[("min", &f.delay_min.to_string())]));
    }
    out
}

/// The visits made in `commune_code` (latest revision of each), newest first.
pub fn checks_for_commune(store: &Store, commune_code: &str, lang: Lang) -> Result<Vec<CheckRow>> {
    rows(store, "c.commune_code = ?1", commune_code, lang)
}

/// The checks this device started and has not finished, newest first: what an app reopens after it was closed
/// mid-check, instead of leaving an orphan or starting a second check at the same site.
pub fn open_checks(store: &Store, lang: Lang) -> Result<Vec<CheckRow>> {
    let device = store.device_id()?;
    rows(store, "c.state = 'open' AND c.device_id = ?1", &device, lang)
}

/// The latest revision of each check matching `filter` (SQL over `site_checks c`, one parameter `?1`).
fn rows(store: &Store, filter: &str, param: &str, lang: Lang) -> Result<Vec<CheckRow>> {
    let sql = format!(
        "SELECT c.id, c.code, c.revision, coalesce(b.full_name, ''), coalesce(l.agreement_no, ''), c.started_at,
                c.state,
                (SELECT count(*) FROM check_photos p JOIN site_checks s ON s.id = p.check_id
                 WHERE s.root_id = c.root_id AND (json_extract(p.flags, '$.reused') OR
                       json_extract(p.flags, '$.gps_disagrees') OR json_extract(p.flags, '$.late'))),
                c.site_id
         FROM site_checks c
         LEFT JOIN loans l ON l.id = c.loan_id
         LEFT JOIN borrowers b ON b.id = l.borrower_id
         WHERE {filter}
           AND NOT EXISTS (SELECT 1 FROM site_checks n WHERE n.revises = c.id)
         ORDER BY c.started_at DESC, c.id DESC"
    );
    let mut stmt = store.conn().prepare_cached(&sql)?;
    let rows = stmt.query_map([param], |r| {
        let state: String = r.get(6)?;
        let state = if state == "finished" { CheckState::Finished } else { CheckState::Open };
        Ok(CheckRow {
            check_id: r.get(0)?,
            code: r.get(1)?,
            revision: r.get(2)?,
            site_id: r.get(8)?,
            borrower_name: r.get(3)?,
            agreement_no: r.get(4)?,
            started_text: local_text(&r.get::<_, String>(5)?),
            state_text: state_text(state).get(lang).to_owned(),
            flagged_photos: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
