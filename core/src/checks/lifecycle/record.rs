//! A check's row as a record: reading it back, its JSON for the outbox and the signer, the guards every step
//! applies (the check exists, it is still open), and the time format the check tables use.

use chrono::{DateTime, FixedOffset, Offset, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

use super::{CheckFix, CheckVerdict};
use crate::error::{Error, FieldError, Result};
use crate::messages::{Text, checks as msg};

/// Whether a check still takes changes: open for answers and photos, or finished and locked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CheckState {
    /// Being filled in: answers and photos may be added.
    Open,
    /// Finished and locked against changes; a correction is a new revision.
    Finished,
}

impl CheckState {
    fn parse(text: &str) -> CheckState {
        if text == "finished" { CheckState::Finished } else { CheckState::Open }
    }

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckState::Open => "open",
            CheckState::Finished => "finished",
        }
    }
}

/// One revision of a site check as stored, and as it travels in the outbox.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteCheckRecord {
    /// UUIDv7 of this revision.
    pub id: String,
    /// Code for people, shared by every revision: `KT-06613-0001`.
    pub code: String,
    /// Id of the first revision.
    pub root_id: String,
    /// 1 for the original, n + 1 for a correction of revision n.
    pub revision: u32,
    /// The revision this one corrects.
    pub revises: Option<String>,
    /// Why it was corrected.
    pub revision_reason: Option<String>,
    /// The site visited.
    pub site_id: String,
    /// The loan that funded it.
    pub loan_id: String,
    /// The list `commune_code` belongs to.
    pub commune_list: String,
    /// The site's commune.
    pub commune_code: String,
    /// The device that made the check.
    pub device_id: String,
    /// When the visit started (UTC ISO 8601).
    pub started_at: String,
    /// The fix at the start.
    pub fix: CheckFix,
    /// The verdict at the start.
    pub verdict: CheckVerdict,
    /// Open or finished.
    pub state: CheckState,
    /// When it was finished.
    pub finished_at: Option<String>,
    /// Chain link of the start (or of the correction).
    pub signature: Option<String>,
    /// Chain link of the finish.
    pub finish_signature: Option<String>,
    /// When this row was written.
    pub created_at: String,
    /// Clock of the last change.
    pub hlc: String,
}

/// The columns [`read`] expects, in order.
pub(super) const COLUMNS: &str = "id, code, root_id, revision, revises, revision_reason, site_id, loan_id, \
    commune_list, commune_code, device_id, started_at, fix_lat, fix_lon, fix_accuracy_m, fix_altitude_m, fix_time, \
    fix_provider, fix_satellites, fix_mocked, verdict_place, verdict_distance_m, verdict_accuracy_m, in_commune, \
    state, finished_at, signature, finish_signature, created_at, hlc";

fn read(r: &Row) -> rusqlite::Result<SiteCheckRecord> {
    Ok(SiteCheckRecord {
        id: r.get(0)?,
        code: r.get(1)?,
        root_id: r.get(2)?,
        revision: r.get(3)?,
        revises: r.get(4)?,
        revision_reason: r.get(5)?,
        site_id: r.get(6)?,
        loan_id: r.get(7)?,
        commune_list: r.get(8)?,
        commune_code: r.get(9)?,
        device_id: r.get(10)?,
        started_at: r.get(11)?,
        fix: CheckFix {
            lat: r.get(12)?,
            lon: r.get(13)?,
            accuracy_m: r.get(14)?,
            altitude_m: r.get(15)?,
            time: parse_time(&r.get::<_, String>(16)?).unwrap_or_default(),
            provider: r.get(17)?,
            satellites: r.get(18)?,
            mocked: r.get(19)?,
        },
        verdict: CheckVerdict {
            place: r.get(20)?,
            distance_m: r.get::<_, Option<f64>>(21)?.unwrap_or_default(),
            accuracy_m: r.get::<_, Option<f64>>(22)?.unwrap_or_default(),
            in_commune: r.get(23)?,
        },
        state: CheckState::parse(&r.get::<_, String>(24)?),
        finished_at: r.get(25)?,
        signature: r.get(26)?,
        finish_signature: r.get(27)?,
        created_at: r.get(28)?,
        hlc: r.get(29)?,
    })
}

/// The check with this id.
pub(super) fn load(conn: &Connection, id: &str) -> Result<SiteCheckRecord> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM site_checks WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: super::ENTITY_CHECK, id: id.to_owned() })
}

/// The check with this id, refused with `check.locked` unless it is open.
pub(super) fn load_open(conn: &Connection, id: &str) -> Result<SiteCheckRecord> {
    let check = load(conn, id)?;
    if check.state != CheckState::Open {
        return Err(refusal("check", "check.locked", msg::LOCKED));
    }
    Ok(check)
}

/// A one-field [`Error::Invalid`].
pub(super) fn refusal(field: &str, code: &str, message: Text) -> Error {
    Error::Invalid(vec![FieldError { field: field.to_owned(), code: code.to_owned(), message }])
}

/// A record as JSON for the signer; a record that cannot be serialised is a bug, reported rather than panicking.
pub(super) fn json<T: Serialize>(value: &T) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| Error::BadArgument(e.to_string()))
}

/// UTC time as the check tables store it: millisecond ISO 8601 with `Z`, so text order is time order.
pub(crate) fn iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Reads a stored time back.
pub(crate) fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// Vietnam's time (UTC+7, no daylight saving), for what people read.
fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| Utc.fix())
}

/// A stored time as people in Lạng Sơn read it: `14/10/2025 08:30`.
pub fn local_text(text: &str) -> String {
    match parse_time(text) {
        Some(t) => t.with_timezone(&vietnam()).format("%d/%m/%Y %H:%M").to_string(),
        None => text.to_owned(),
    }
}

/// The local (Vietnam) date of a stored time.
pub fn local_date(text: &str) -> Option<chrono::NaiveDate> {
    parse_time(text).map(|t| t.with_timezone(&vietnam()).date_naive())
}
