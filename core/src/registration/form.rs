//! The registration form as a screen collects it, and its validation: every failing field at once, each with a
//! stable code and a message in Vietnamese and English, so the screen can mark all of them in one pass.
//!
//! Codes are `<field>.<reason>` (`phone.prefix_unknown`) and never change once shipped. Text is cleaned before it is
//! checked and kept: Unicode NFC (some keyboards send decomposed Vietnamese, which would defeat duplicate checks),
//! control characters dropped, runs of spaces collapsed.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use super::cccd::{self, IdError};
use super::phone::{self, PhoneError};
use super::types::{IdKind, Sex, Want};
use crate::error::FieldError;
use crate::messages::Text;
use crate::messages::registration as msg;

/// The youngest age at which a person may register for job programmes.
pub const MIN_AGE: u32 = 15;
/// Limits on typed text, in characters: long enough for any real value, short enough to stop pasted junk.
const NAME_MAX: usize = 100;
const ADDRESS_MAX: usize = 200;
const COUNTRY_MAX: usize = 60;
const ITEM_MAX: usize = 100;
const LIST_MAX: usize = 20;
const YEARS_ABROAD_MAX: u32 = 50;

/// The form's field names, as [`FieldError::field`] and [`validate_field`] use them.
pub const FIELDS: [&str; 15] = [
    "full_name",
    "id_number",
    "birth_date",
    "sex",
    "phone",
    "commune_code",
    "address",
    "country_abroad",
    "years_abroad",
    "occupation",
    "skills",
    "languages",
    "certificates",
    "wants",
    "consent",
];

/// A registration as the screen holds it: text exactly as typed, nothing checked yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegistrationForm {
    /// Họ và tên.
    pub full_name: String,
    /// Số CCCD (12 digits) or an old CMND (9 digits); spaces and dots allowed.
    pub id_number: String,
    /// Ngày sinh, `dd/MM/yyyy` or ISO `yyyy-MM-dd`.
    pub birth_date: String,
    /// `male` / `female` (also "Nam" / "Nữ").
    pub sex: String,
    /// Mobile number in any usual form (`0912 345 678`, `+84 912 345 678`).
    pub phone: String,
    /// 5-digit code of a Lạng Sơn commune or ward in the 2025 list.
    pub commune_code: String,
    /// Village, hamlet, house number.
    pub address: String,
    /// Country last worked in, if the person worked abroad.
    pub country_abroad: Option<String>,
    /// Years worked abroad, as typed.
    pub years_abroad: Option<String>,
    /// Occupation (nghề nghiệp).
    pub occupation: String,
    /// Skills, one per entry.
    pub skills: Vec<String>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Certificates held.
    pub certificates: Vec<String>,
    /// Codes of what the person wants now: `domestic_job`, `training`, `self_employment_loan`, `work_abroad`.
    pub wants: Vec<String>,
    /// Đồng ý chia sẻ thông tin: must be ticked.
    pub consent: bool,
}

/// A form that passed validation, with every value cleaned and normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidRegistration {
    /// Full name, NFC, single spaces.
    pub full_name: String,
    /// CCCD or CMND.
    pub id_kind: IdKind,
    /// Digits only.
    pub id_number: String,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Sex.
    pub sex: Sex,
    /// Mobile number as `0XXXXXXXXX`.
    pub phone: String,
    /// Commune code in the 2025 list.
    pub commune_code: String,
    /// Address.
    pub address: String,
    /// Country last worked in.
    pub country_abroad: Option<String>,
    /// Whole years worked abroad.
    pub years_abroad: Option<u32>,
    /// Occupation.
    pub occupation: String,
    /// Skills, blanks and repeats removed.
    pub skills: Vec<String>,
    /// Languages, blanks and repeats removed.
    pub languages: Vec<String>,
    /// Certificates, blanks and repeats removed.
    pub certificates: Vec<String>,
    /// What the person wants, at least one, in [`Want::ALL`] order.
    pub wants: Vec<Want>,
}

/// Checks the whole form against `today` and returns the cleaned registration, or every failing field.
///
/// Never panics, whatever the strings hold.
pub fn validate(form: &RegistrationForm, today: NaiveDate) -> Result<ValidRegistration, Vec<FieldError>> {
    let mut e = Errors::default();
    let full_name = full_name(&form.full_name, &mut e);
    let birth_date = birth_date(&form.birth_date, today, &mut e);
    let sex = sex(&form.sex, &mut e);
    let id = id_number(&form.id_number, birth_date, sex, &mut e);
    let phone = phone(&form.phone, &mut e);
    let commune_code = commune_code(&form.commune_code, &mut e);
    let address =
        required_text("address", &form.address, ADDRESS_MAX, msg::ADDRESS_REQUIRED, msg::ADDRESS_TOO_LONG, &mut e);
    let age = birth_date.and_then(|b| today.years_since(b));
    let years_abroad = years_abroad(form.years_abroad.as_deref(), age, &mut e);
    let country_abroad = country_abroad(form.country_abroad.as_deref(), years_abroad, &mut e);
    let occupation = required_text(
        "occupation",
        &form.occupation,
        NAME_MAX,
        msg::OCCUPATION_REQUIRED,
        msg::OCCUPATION_TOO_LONG,
        &mut e,
    );
    let skills = list("skills", &form.skills, &mut e);
    let languages = list("languages", &form.languages, &mut e);
    let certificates = list("certificates", &form.certificates, &mut e);
    let wants = wants(&form.wants, &mut e);
    if !form.consent {
        e.fail("consent", "consent.required", msg::CONSENT_REQUIRED);
    }

    let (Some(full_name), Some(birth_date), Some(sex), Some(id), Some(phone), Some(commune_code), Some(address)) =
        (full_name, birth_date, sex, id, phone, commune_code, address)
    else {
        return Err(e.0);
    };
    let (Some(years_abroad), Some(country_abroad), Some(occupation), Some(wants)) =
        (years_abroad, country_abroad, occupation, wants)
    else {
        return Err(e.0);
    };
    if !e.0.is_empty() {
        return Err(e.0);
    }
    Ok(ValidRegistration {
        full_name,
        id_kind: id.kind,
        id_number: id.digits,
        birth_date,
        sex,
        phone,
        commune_code,
        address,
        country_abroad,
        years_abroad,
        occupation,
        skills,
        languages,
        certificates,
        wants,
    })
}

/// The errors of one field only (a name from [`FIELDS`]), for checking as the person types. Cross-checks are
/// included: typing a birth date that disagrees with the CCCD shows up under `id_number`.
pub fn validate_field(field: &str, form: &RegistrationForm, today: NaiveDate) -> Vec<FieldError> {
    match validate(form, today) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().filter(|e| e.field == field).collect(),
    }
}

/// The shortest password a worker may choose when enrolling (the server refuses shorter ones too).
pub const PASSWORD_MIN: usize = 8;

/// A worker's enrolment, cleaned: the name as kept, the phone normalised (it becomes the user name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidEnrolment {
    /// Full name, cleaned like the registration form's.
    pub full_name: String,
    /// Mobile number as `0XXXXXXXXX`.
    pub phone: String,
}

/// Checks what a returning worker types to create an account (name, phone, password) with the registration form's
/// own rules, so the person reads the same reason beside the same field, before anything goes to the server.
pub fn validate_enrolment(
    full_name_text: &str,
    phone_text: &str,
    password: &str,
) -> Result<ValidEnrolment, Vec<FieldError>> {
    let mut e = Errors::default();
    let name = full_name(full_name_text, &mut e);
    let phone = phone(phone_text, &mut e);
    if password.chars().count() < PASSWORD_MIN {
        e.fail("password", "password.too_short", msg::PASSWORD_TOO_SHORT);
    }
    match (name, phone) {
        (Some(full_name), Some(phone)) if e.0.is_empty() => Ok(ValidEnrolment { full_name, phone }),
        _ => Err(e.0),
    }
}

/// Text as it is kept: NFC, control characters treated as spaces, whitespace runs collapsed, trimmed.
pub fn clean(text: &str) -> String {
    let spaced: String = text.nfc().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The failures found so far.
#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn fail(&mut self, field: &str, code: &str, message: Text) {
        self.0.push(FieldError { field: field.to_owned(), code: code.to_owned(), message });
    }
}

// Each check below returns the cleaned value, or `None` after recording at least one error. Some return the value
// together with an error (a birth date in the future is still a date): `validate` only succeeds with no errors.

fn full_name(text: &str, e: &mut Errors) -> Option<String> {
    let name = required_text("full_name", text, NAME_MAX, msg::FULL_NAME_REQUIRED, msg::FULL_NAME_TOO_LONG, e)?;
    if name.chars().any(|c| c.is_numeric()) {
        e.fail("full_name", "full_name.format", msg::FULL_NAME_FORMAT);
        return None;
    }
    Some(name)
}

fn required_text(
    field: &str,
    text: &str,
    max: usize,
    required: Text,
    too_long: Text,
    e: &mut Errors,
) -> Option<String> {
    let cleaned = clean(text);
    if cleaned.is_empty() {
        e.fail(field, &format!("{field}.required"), required);
        return None;
    }
    if cleaned.chars().count() > max {
        e.fail(field, &format!("{field}.too_long"), too_long);
        return None;
    }
    Some(cleaned)
}

/// The typed date, even when it fails a rule, so the CCCD can still be checked against it.
fn birth_date(text: &str, today: NaiveDate, e: &mut Errors) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        e.fail("birth_date", "birth_date.required", msg::BIRTH_DATE_REQUIRED);
        return None;
    }
    let Some(date) = crate::format::parse_date(text) else {
        e.fail("birth_date", "birth_date.format", msg::BIRTH_DATE_FORMAT);
        return None;
    };
    if date > today {
        e.fail("birth_date", "birth_date.future", msg::BIRTH_DATE_FUTURE);
    } else if today.years_since(date).unwrap_or(0) < MIN_AGE {
        e.fail("birth_date", "birth_date.too_young", msg::BIRTH_DATE_TOO_YOUNG);
    }
    Some(date)
}

fn sex(text: &str, e: &mut Errors) -> Option<Sex> {
    if text.trim().is_empty() {
        e.fail("sex", "sex.required", msg::SEX_REQUIRED);
        return None;
    }
    let sex = Sex::parse(text);
    if sex.is_none() {
        e.fail("sex", "sex.unknown", msg::SEX_UNKNOWN);
    }
    sex
}

/// The number, checked against the birth date and sex where both are known (a CMND carries neither).
fn id_number(text: &str, birth: Option<NaiveDate>, sex: Option<Sex>, e: &mut Errors) -> Option<cccd::IdNumber> {
    if text.trim().is_empty() {
        e.fail("id_number", "id_number.required", msg::ID_NUMBER_REQUIRED);
        return None;
    }
    let id = match cccd::parse(text) {
        Ok(id) => id,
        Err(IdError::Format) => {
            e.fail("id_number", "id_number.format", msg::ID_NUMBER_FORMAT);
            return None;
        }
        Err(IdError::ProvinceUnknown) => {
            e.fail("id_number", "id_number.province_unknown", msg::ID_NUMBER_PROVINCE_UNKNOWN);
            return None;
        }
    };
    if let Some(facts) = id.facts {
        if birth.is_some_and(|b| b.year() != facts.birth_year) {
            e.fail("id_number", "id_number.birth_year_mismatch", msg::ID_NUMBER_BIRTH_YEAR_MISMATCH);
        }
        if sex.is_some_and(|s| s != facts.sex) {
            e.fail("id_number", "id_number.sex_mismatch", msg::ID_NUMBER_SEX_MISMATCH);
        }
    }
    Some(id)
}

fn phone(text: &str, e: &mut Errors) -> Option<String> {
    if text.trim().is_empty() {
        e.fail("phone", "phone.required", msg::PHONE_REQUIRED);
        return None;
    }
    match phone::normalise(text) {
        Ok(n) => Some(n),
        Err(PhoneError::Format) => {
            e.fail("phone", "phone.format", msg::PHONE_FORMAT);
            None
        }
        Err(PhoneError::PrefixUnknown) => {
            e.fail("phone", "phone.prefix_unknown", msg::PHONE_PREFIX_UNKNOWN);
            None
        }
    }
}

fn commune_code(text: &str, e: &mut Errors) -> Option<String> {
    let code = text.trim();
    if code.is_empty() {
        e.fail("commune_code", "commune_code.required", msg::COMMUNE_REQUIRED);
        return None;
    }
    match crate::places::commune(code) {
        Some(c) => Some(c.code.clone()),
        None => {
            e.fail("commune_code", "commune_code.unknown", msg::COMMUNE_UNKNOWN);
            None
        }
    }
}

/// `Some(None)` when left blank; `None` after an error.
fn years_abroad(text: Option<&str>, age: Option<u32>, e: &mut Errors) -> Option<Option<u32>> {
    let text = text.map(str::trim).unwrap_or("");
    if text.is_empty() {
        return Some(None);
    }
    let Ok(years) = text.parse::<u32>() else {
        e.fail("years_abroad", "years_abroad.format", msg::YEARS_ABROAD_FORMAT);
        return None;
    };
    if years > YEARS_ABROAD_MAX || age.is_some_and(|age| years > age) {
        e.fail("years_abroad", "years_abroad.range", msg::YEARS_ABROAD_RANGE);
        return None;
    }
    Some(Some(years))
}

/// `Some(None)` when left blank and allowed; a country is needed once some years abroad are given.
fn country_abroad(text: Option<&str>, years: Option<Option<u32>>, e: &mut Errors) -> Option<Option<String>> {
    let country = clean(text.unwrap_or(""));
    if country.is_empty() {
        if matches!(years, Some(Some(y)) if y > 0) {
            e.fail("country_abroad", "country_abroad.required", msg::COUNTRY_REQUIRED);
            return None;
        }
        return Some(None);
    }
    if country.chars().count() > COUNTRY_MAX {
        e.fail("country_abroad", "country_abroad.too_long", msg::COUNTRY_TOO_LONG);
        return None;
    }
    Some(Some(country))
}

/// Cleaned entries, blanks and repeats (ignoring case and diacritics) dropped. Too many or too long entries are
/// recorded as an error and the cleaned list is still returned (nothing else depends on it).
fn list(field: &str, items: &[String], e: &mut Errors) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for item in items {
        let cleaned = clean(item);
        let key = crate::fold::fold(&cleaned);
        if cleaned.is_empty() || keys.contains(&key) {
            continue;
        }
        keys.push(key);
        out.push(cleaned);
    }
    if out.len() > LIST_MAX || out.iter().any(|i| i.chars().count() > ITEM_MAX) {
        e.fail(field, &format!("{field}.too_long"), msg::LIST_TOO_LONG);
    }
    out
}

fn wants(codes: &[String], e: &mut Errors) -> Option<Vec<Want>> {
    let given: Vec<&String> = codes.iter().filter(|c| !c.trim().is_empty()).collect();
    if given.is_empty() {
        e.fail("wants", "wants.required", msg::WANTS_REQUIRED);
        return None;
    }
    let parsed: Vec<Option<Want>> = given.iter().map(|c| Want::parse(c)).collect();
    if parsed.iter().any(Option::is_none) {
        e.fail("wants", "wants.unknown", msg::WANTS_UNKNOWN);
        return None;
    }
    Some(Want::ALL.into_iter().filter(|w| parsed.contains(&Some(*w))).collect())
}
