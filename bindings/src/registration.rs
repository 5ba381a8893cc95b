//! A returning worker's registration through the FFI: the form as the screen holds it (text exactly as typed),
//! its state for drawing (labels, errors on touched fields, whether it may be sent), and sending it. Validation is
//! the core's; an invalid form comes back as `VieclamError::Invalid` with a stable code per field.

use vieclam_core::query as q;
use vieclam_core::registration as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

/// A registration as the screen holds it: text exactly as typed, nothing checked yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, uniffi::Record)]
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

impl From<RegistrationForm> for core::RegistrationForm {
    fn from(f: RegistrationForm) -> Self {
        core::RegistrationForm {
            full_name: f.full_name,
            id_number: f.id_number,
            birth_date: f.birth_date,
            sex: f.sex,
            phone: f.phone,
            commune_code: f.commune_code,
            address: f.address,
            country_abroad: f.country_abroad,
            years_abroad: f.years_abroad,
            occupation: f.occupation,
            skills: f.skills,
            languages: f.languages,
            certificates: f.certificates,
            wants: f.wants,
            consent: f.consent,
        }
    }
}

/// One field of the form as the screen draws it.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FieldState {
    /// Field name (`full_name`, `phone`, …).
    pub field: String,
    /// Label to show.
    pub label: String,
    /// The value as typed (a list's entries joined with ", ", or as they were typed).
    pub value: String,
    /// The stable code of the error to show, if any (`phone.prefix_unknown`).
    pub error_code: Option<String>,
    /// The error to show under the field.
    pub error: Option<String>,
    /// How the screen takes it: a text box, a comma list, one choice, several, a tick box.
    pub kind: FieldKind,
    /// For a choice, its options (communes, sexes, what a worker wants) with what the form holds marked.
    pub options: Vec<FieldOption>,
}

impl From<q::FieldState> for FieldState {
    fn from(f: q::FieldState) -> Self {
        FieldState {
            field: f.field,
            label: f.label,
            value: f.value,
            error_code: f.error_code,
            error: f.error,
            kind: f.kind.into(),
            options: f
                .options
                .into_iter()
                .map(|o| FieldOption { code: o.code, label: o.label, selected: o.selected })
                .collect(),
        }
    }
}

/// How a screen takes a field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum FieldKind {
    /// Free text on one line.
    Text,
    /// A date typed `dd/MM/yyyy`.
    Date,
    /// A phone number.
    Phone,
    /// A whole number.
    Number,
    /// Several entries on one line, separated by commas: hand the whole line to `registrationSetField`.
    List,
    /// Exactly one of the options: hand the tapped code to `registrationToggle`.
    Choice,
    /// Any number of the options: hand each tapped code to `registrationToggle`.
    MultiChoice,
    /// A tick box: `registrationToggle` flips it.
    Consent,
}

impl From<q::form_fields::FieldKind> for FieldKind {
    fn from(k: q::form_fields::FieldKind) -> Self {
        use q::form_fields::FieldKind as K;
        match k {
            K::Text => FieldKind::Text,
            K::Date => FieldKind::Date,
            K::Phone => FieldKind::Phone,
            K::Number => FieldKind::Number,
            K::List => FieldKind::List,
            K::Choice => FieldKind::Choice,
            K::MultiChoice => FieldKind::MultiChoice,
            K::Consent => FieldKind::Consent,
        }
    }
}

/// One option of a choice field.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FieldOption {
    /// The code the form holds (`female`, `05977`, `training`).
    pub code: String,
    /// What a person reads.
    pub label: String,
    /// Whether the form holds it now.
    pub selected: bool,
}

impl From<core::RegistrationForm> for RegistrationForm {
    fn from(f: core::RegistrationForm) -> Self {
        RegistrationForm {
            full_name: f.full_name,
            id_number: f.id_number,
            birth_date: f.birth_date,
            sex: f.sex,
            phone: f.phone,
            commune_code: f.commune_code,
            address: f.address,
            country_abroad: f.country_abroad,
            years_abroad: f.years_abroad,
            occupation: f.occupation,
            skills: f.skills,
            languages: f.languages,
            certificates: f.certificates,
            wants: f.wants,
            consent: f.consent,
        }
    }
}

/// `form` with `field` set to `value` as typed; a list is split at its commas by the core (kept as typed between
/// them). Unknown fields change nothing.
#[uniffi::export]
pub fn registration_set_field(form: RegistrationForm, field: String, value: String) -> RegistrationForm {
    q::form_fields::set_field(&form.into(), &field, &value).into()
}

/// `form` after option `code` of `field` was tapped: several choices gain or lose it, one choice takes it, the
/// consent box flips. Unknown fields or codes change nothing.
#[uniffi::export]
pub fn registration_toggle(form: RegistrationForm, field: String, code: String) -> RegistrationForm {
    q::form_fields::toggle(&form.into(), &field, &code).into()
}

/// A new registration for someone who tapped "register" on a programme of `kind` (a catalogue row's `kind`):
/// what they want is already ticked.
#[uniffi::export]
pub fn registration_for_programme(kind: String) -> RegistrationForm {
    q::form_fields::for_programme(&kind).into()
}

/// The whole form as the screen draws it.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FormState {
    /// Heading.
    pub title: String,
    /// Fields in display order.
    pub fields: Vec<FieldState>,
    /// Label of the submit button.
    pub submit_label: String,
    /// Whether every field is valid.
    pub can_submit: bool,
}

impl From<q::FormState> for FormState {
    fn from(s: q::FormState) -> Self {
        FormState {
            title: s.title,
            fields: s.fields.into_iter().map(Into::into).collect(),
            submit_label: s.submit_label,
            can_submit: s.can_submit,
        }
    }
}

#[uniffi::export]
impl VieclamStore {
    /// The form's state for drawing: errors only on the fields named in `touched` (nobody is scolded for a field
    /// they have not reached), while `can_submit` considers every field. `today` is an ISO date (ages are counted
    /// to it). Reads nothing from the store, so it never waits for the lock.
    pub fn registration_form_state(
        &self,
        form: RegistrationForm,
        touched: Vec<String>,
        today: String,
        lang: Language,
    ) -> Result<FormState, VieclamError> {
        let today = day("today", &today)?;
        Ok(q::form_state(&form.into(), &touched, today, lang.into()).into())
    }

    /// Validates and stores a registration with its outbox entry, returning its id. An invalid form (including
    /// an identity number already registered on this device, `id_number.duplicate`) is `Invalid` listing every
    /// failing field, and nothing is written.
    pub fn submit_registration(&self, form: RegistrationForm, today: String) -> Result<String, VieclamError> {
        let today = day("today", &today)?;
        let form = form.into();
        self.with(|s| core::submit(s, &form, today))
    }
}
