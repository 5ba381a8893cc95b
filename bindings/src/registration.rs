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
    /// The value as typed (lists joined with ", ").
    pub value: String,
    /// The stable code of the error to show, if any (`phone.prefix_unknown`).
    pub error_code: Option<String>,
    /// The error to show under the field.
    pub error: Option<String>,
}

impl From<q::FieldState> for FieldState {
    fn from(f: q::FieldState) -> Self {
        FieldState { field: f.field, label: f.label, value: f.value, error_code: f.error_code, error: f.error }
    }
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
