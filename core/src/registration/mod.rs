//! Returning workers' registrations: who they are (CCCD, phone, commune), where and how long they worked abroad,
//! what they can do, what they want now, and their consent to share, validated field by field in Vietnamese and
//! stored with an outbox entry for sync.
//!
//! [`cccd`] and [`phone`] read the two numbers people type; [`form`] checks a whole form at once; [`store`] writes
//! and reads registrations. Registrations belong to their author and stay unverified until the office acts.

pub mod cccd;
pub mod form;
pub mod phone;
pub mod province;
pub mod store;
pub mod types;

pub use form::{
    FIELDS, RegistrationForm, ValidEnrolment, ValidRegistration, validate, validate_enrolment, validate_field,
};
pub use store::{RegistrationRecord, list, registration, submit};
pub use types::{IdKind, RegistrationStatus, Sex, Want};
