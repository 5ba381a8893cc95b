//! The shared core of Vieclam: everything the Android and iOS apps and the `vieclam` shell do offline.
//!
//! An encrypted store ([`store`]), the loan book and a loan's status on a date ([`loans`]), returning workers'
//! registrations ([`registration`]), Lạng Sơn's communes and their boundaries ([`places`]), search without
//! diacritics and screen-shaped queries ([`query`]), a demo province ([`demo`]), and one message catalogue
//! ([`messages`]). The core returns text already formatted for people; the shells only draw it.

pub mod checks;
pub mod demo;
pub mod error;
pub mod evidence;
pub mod fold;
pub mod format;
pub mod ids;
pub mod loans;
pub mod messages;
pub mod places;
pub mod query;
pub mod records;
pub mod registration;
pub mod review;
pub mod store;
pub mod sync;

pub use error::{Error, FieldError, Result};
pub use messages::Lang;
pub use store::{DbKey, Store};

// The core's own uniffi component (namespace `vieclam_core`, names in core/uniffi.toml): the records and enums that
// derive the FFI traits under the `uniffi` feature, which only `vieclam-ffi` turns on.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

#[cfg(feature = "uniffi")]
mod ffi;
