//! A returning worker's registration through the FFI: the form as the screen holds it (text exactly as typed),
//! its state for drawing (labels, errors on touched fields, whether it may be sent), and sending it. Validation is
//! the core's; an invalid form comes back as `VieclamError::Invalid` with a stable code per field.

use vieclam_core::query as q;
use vieclam_core::registration as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::{Language, day};

// The form and its state are the core's records (`registration::RegistrationForm`, `query::FormState`, …), which
// carry the FFI traits themselves (the core's `uniffi` feature).
pub use vieclam_core::query::{FieldState, FormState};
pub use vieclam_core::registration::RegistrationForm;

/// `form` with `field` set to `value` as typed; a list is split at its commas by the core (kept as typed between
/// them). Unknown fields change nothing.
#[uniffi::export]
pub fn registration_set_field(form: RegistrationForm, field: String, value: String) -> RegistrationForm {
    q::form_fields::set_field(&form, &field, &value)
}

/// `form` after option `code` of `field` was tapped: several choices gain or lose it, one choice takes it, the
/// consent box flips. Unknown fields or codes change nothing.
#[uniffi::export]
pub fn registration_toggle(form: RegistrationForm, field: String, code: String) -> RegistrationForm {
    q::form_fields::toggle(&form, &field, &code)
}

/// A new registration for someone who tapped "register" on a programme of `kind` (a catalogue row's `kind`):
/// what they want is already ticked.
#[uniffi::export]
pub fn registration_for_programme(kind: String) -> RegistrationForm {
    q::form_fields::for_programme(&kind)
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
        Ok(q::form_state(&form, &touched, today, lang.into()))
    }

    /// Validates and stores a registration with its outbox entry, returning its id. An invalid form (including
    /// an identity number already registered on this device, `id_number.duplicate`) is `Invalid` listing every
    /// failing field, and nothing is written.
    pub fn submit_registration(&self, form: RegistrationForm, today: String) -> Result<String, VieclamError> {
        let today = day("today", &today)?;
        self.with(|s| core::submit(s, &form, today))
    }
}
