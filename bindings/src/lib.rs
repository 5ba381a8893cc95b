//! The uniffi surface of the Vieclam core: what the Android (Kotlin) and iOS (Swift) apps can call.
//!
//! This crate is the only one that knows uniffi; all logic lives in `vieclam-core`. Each file here wraps one domain
//! of the core and converts its types at the boundary, so a new export goes in the file of its domain (or a new
//! one) and the core never changes for the sake of FFI:
//! - [`error`]: [`VieclamError`], the errors the apps can act on;
//! - [`store`]: [`VieclamStore`], the encrypted on-device store.
//!
//! Nothing here may panic across the FFI: every fallible call returns `Result<_, VieclamError>`.

mod error;
mod store;

pub use error::{FieldProblem, VieclamError};
pub use store::VieclamStore;

uniffi::setup_scaffolding!();
