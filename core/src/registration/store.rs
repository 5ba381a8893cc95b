//! Storing registrations: a valid form becomes one row of `worker_registrations` and one outbox entry, in one
//! transaction, so a registration is never on the device without the means to send it; an invalid one writes
//! nothing at all (not even a clock tick).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Serialize, Serializer};

use super::cccd;
use super::form::{RegistrationForm, ValidRegistration, validate};
use super::types::{IdKind, RegistrationStatus, Sex, Want};
use crate::error::{Error, FieldError, Result};
use crate::messages::registration as msg;
use crate::places::COMMUNE_LIST;
use crate::store::Store;
use crate::store::outbox::{self, Op};

/// The outbox entity name of a registration.
pub const ENTITY: &str = "worker_registration";

/// A stored registration, as screens list it and as it travels to the server (the outbox payload is this record
/// in JSON, dates in ISO 8601).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegistrationRecord {
    /// UUIDv7 made on the device.
    pub id: String,
    /// Full name.
    pub full_name: String,
    /// CCCD or CMND.
    pub id_kind: IdKind,
    /// Digits only.
    pub id_number: String,
    /// Date of birth.
    #[serde(serialize_with = "iso_date")]
    pub birth_date: NaiveDate,
    /// Sex.
    pub sex: Sex,
    /// Mobile number as `0XXXXXXXXX`.
    pub phone: String,
    /// Commune code, in list [`Self::commune_list`].
    pub commune_code: String,
    /// The list the commune code belongs to (a new unit kept an old unit's code, so a code alone is ambiguous).
    pub commune_list: String,
    /// Address.
    pub address: String,
    /// Country last worked in.
    pub country_abroad: Option<String>,
    /// Whole years worked abroad.
    pub years_abroad: Option<u32>,
    /// Occupation.
    pub occupation: String,
    /// Skills.
    pub skills: Vec<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// Certificates.
    pub certificates: Vec<String>,
    /// What the person wants now.
    pub wants: Vec<Want>,
    /// Always true: nothing is stored without consent.
    pub consent: bool,
    /// When consent was given (UTC, ISO 8601): the moment of submission.
    pub consent_at: String,
    /// Where the office stands on it.
    pub status: RegistrationStatus,
    /// The office's reason for a rejection, as the worker reads it (set by the office only).
    pub status_reason: Option<String>,
    /// When it was written (UTC, ISO 8601).
    pub created_at: String,
    /// Hybrid logical clock of the last change.
    pub hlc: String,
}

fn iso_date<S: Serializer>(date: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(&date.format("%Y-%m-%d"))
}

/// Validates `form` and stores it with its outbox entry; returns the new registration's id.
///
/// Fails with [`Error::Invalid`] listing every failing field (including `id_number.duplicate` when a registration
/// with the same number is already on this device) and then writes nothing.
pub fn submit(store: &mut Store, form: &RegistrationForm, today: NaiveDate) -> Result<String> {
    let node = store.node();
    // Checking for a duplicate inside the write transaction means no other write can slip in between.
    let tx = store.transaction()?;
    let validated = validate(form, today);
    let duplicate = duplicate_error(&tx, &form.id_number)?;
    let valid = match (validated, duplicate) {
        (Ok(valid), None) => valid,
        (Ok(_), Some(dup)) => return Err(Error::Invalid(vec![dup])),
        (Err(mut errors), dup) => {
            errors.extend(dup);
            return Err(Error::Invalid(errors));
        }
    };
    let hlc = Store::tick(&tx, node)?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    let record = new_record(crate::ids::new_id(), valid, now, hlc.to_string());
    insert(&tx, &record)?;
    outbox::record(&tx, ENTITY, &record.id, Op::Insert, hlc, &record)?;
    tx.commit()?;
    Ok(record.id)
}

/// The registration with this id.
pub fn registration(store: &Store, id: &str) -> Result<RegistrationRecord> {
    let row = store
        .conn()
        .query_row(&format!("SELECT {COLUMNS} FROM worker_registrations WHERE id = ?1"), [id], StoredRow::read)
        .optional()?;
    match row {
        Some(row) => row.into_record(),
        None => Err(Error::NotFound { entity: ENTITY, id: id.to_owned() }),
    }
}

/// Every registration on the device, newest first.
pub fn list(store: &Store) -> Result<Vec<RegistrationRecord>> {
    let mut stmt = store
        .conn()
        .prepare(&format!("SELECT {COLUMNS} FROM worker_registrations ORDER BY created_at DESC, id DESC"))?;
    let rows = stmt.query_map([], StoredRow::read)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(StoredRow::into_record).collect()
}

/// `id_number.duplicate` if the typed number (once normalised) is already registered on this device, whatever the
/// office has since said about that registration: a second one would only compete with it.
fn duplicate_error(conn: &Connection, typed: &str) -> Result<Option<FieldError>> {
    let Ok(id) = cccd::parse(typed) else {
        return Ok(None); // a malformed number has its own error and cannot match a stored one
    };
    let exists = conn
        .query_row("SELECT 1 FROM worker_registrations WHERE id_number = ?1 LIMIT 1", [&id.digits], |_| Ok(()))
        .optional()?
        .is_some();
    Ok(exists.then(|| FieldError {
        field: "id_number".to_owned(),
        code: "id_number.duplicate".to_owned(),
        message: msg::ID_NUMBER_DUPLICATE,
    }))
}

fn new_record(id: String, v: ValidRegistration, now: String, hlc: String) -> RegistrationRecord {
    RegistrationRecord {
        id,
        full_name: v.full_name,
        id_kind: v.id_kind,
        id_number: v.id_number,
        birth_date: v.birth_date,
        sex: v.sex,
        phone: v.phone,
        commune_code: v.commune_code,
        commune_list: COMMUNE_LIST.to_owned(),
        address: v.address,
        country_abroad: v.country_abroad,
        years_abroad: v.years_abroad,
        occupation: v.occupation,
        skills: v.skills,
        languages: v.languages,
        certificates: v.certificates,
        wants: v.wants,
        consent: true,
        consent_at: now.clone(),
        status: RegistrationStatus::Unverified,
        status_reason: None,
        created_at: now,
        hlc,
    }
}

fn insert(conn: &Connection, r: &RegistrationRecord) -> Result<()> {
    let wants: Vec<&str> = r.wants.iter().map(|w| w.as_str()).collect();
    conn.execute(
        "INSERT INTO worker_registrations (id, full_name, id_kind, id_number, birth_date, sex, phone, commune_code,
             address, country_abroad, years_abroad, occupation, skills, languages, certificates, wants, consent,
             consent_at, status, created_at, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 1, ?17, ?18, ?19, ?20)",
        params![
            r.id,
            r.full_name,
            r.id_kind.as_str(),
            r.id_number,
            r.birth_date.format("%Y-%m-%d").to_string(),
            r.sex.as_str(),
            r.phone,
            r.commune_code,
            r.address,
            r.country_abroad,
            r.years_abroad,
            r.occupation,
            to_json(&r.skills)?,
            to_json(&r.languages)?,
            to_json(&r.certificates)?,
            to_json(&wants)?,
            r.consent_at,
            r.status.as_str(),
            r.created_at,
            r.hlc,
        ],
    )?;
    Ok(())
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::BadArgument(e.to_string()))
}

const COLUMNS: &str = "id, full_name, id_kind, id_number, birth_date, sex, phone, commune_code, address,
    country_abroad, years_abroad, occupation, skills, languages, certificates, wants, consent_at, status,
    created_at, hlc, status_reason";

/// A row as SQLite holds it, before its text codes, date and JSON lists are read back.
struct StoredRow {
    id: String,
    full_name: String,
    id_kind: String,
    id_number: String,
    birth_date: String,
    sex: String,
    phone: String,
    commune_code: String,
    address: String,
    country_abroad: Option<String>,
    years_abroad: Option<u32>,
    occupation: String,
    skills: String,
    languages: String,
    certificates: String,
    wants: String,
    consent_at: String,
    status: String,
    created_at: String,
    hlc: String,
    status_reason: Option<String>,
}

impl StoredRow {
    /// Reads the columns in [`COLUMNS`] order.
    fn read(r: &Row) -> rusqlite::Result<StoredRow> {
        Ok(StoredRow {
            id: r.get(0)?,
            full_name: r.get(1)?,
            id_kind: r.get(2)?,
            id_number: r.get(3)?,
            birth_date: r.get(4)?,
            sex: r.get(5)?,
            phone: r.get(6)?,
            commune_code: r.get(7)?,
            address: r.get(8)?,
            country_abroad: r.get(9)?,
            years_abroad: r.get(10)?,
            occupation: r.get(11)?,
            skills: r.get(12)?,
            languages: r.get(13)?,
            certificates: r.get(14)?,
            wants: r.get(15)?,
            consent_at: r.get(16)?,
            status: r.get(17)?,
            created_at: r.get(18)?,
            hlc: r.get(19)?,
            status_reason: r.get(20)?,
        })
    }

    /// The record, or [`Error::Corrupt`] if a stored value is not one this code writes (the schema's CHECKs cover
    /// the codes but not the date or the JSON).
    fn into_record(self) -> Result<RegistrationRecord> {
        let id = self.id;
        let bad = |what: &str| Error::Corrupt(format!("{ENTITY} {id}: unreadable {what}"));
        let id_kind = IdKind::parse(&self.id_kind).ok_or_else(|| bad("id_kind"))?;
        let birth_date = NaiveDate::parse_from_str(&self.birth_date, "%Y-%m-%d").map_err(|_| bad("birth_date"))?;
        let sex = Sex::parse(&self.sex).ok_or_else(|| bad("sex"))?;
        let status = RegistrationStatus::parse(&self.status).ok_or_else(|| bad("status"))?;
        let list = |json: &str, what: &str| serde_json::from_str::<Vec<String>>(json).map_err(|_| bad(what));
        let skills = list(&self.skills, "skills")?;
        let languages = list(&self.languages, "languages")?;
        let certificates = list(&self.certificates, "certificates")?;
        let wants = list(&self.wants, "wants")?
            .iter()
            .map(|w| Want::parse(w).ok_or_else(|| bad("wants")))
            .collect::<Result<Vec<_>>>()?;
        Ok(RegistrationRecord {
            id: id.clone(),
            full_name: self.full_name,
            id_kind,
            id_number: self.id_number,
            birth_date,
            sex,
            phone: self.phone,
            commune_code: self.commune_code,
            commune_list: COMMUNE_LIST.to_owned(),
            address: self.address,
            country_abroad: self.country_abroad,
            years_abroad: self.years_abroad,
            occupation: self.occupation,
            skills,
            languages,
            certificates,
            wants,
            consent: true, // the schema refuses a row without it
            consent_at: self.consent_at,
            status,
            // Only a rejection carries the office's reason.
            status_reason: self.status_reason.filter(|_| status == RegistrationStatus::Rejected),
            created_at: self.created_at,
            hlc: self.hlc,
        })
    }
}
