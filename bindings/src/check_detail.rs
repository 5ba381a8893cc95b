//! The check screen as records: the check's fields, every question with its answer, the photos with their flags
//! explained, and what still stops the check from finishing. They are the core's own (`checks::lifecycle`), which
//! carry the FFI traits themselves (the core's `uniffi` feature).

pub use vieclam_core::checks::lifecycle::{AnswerRow, CheckDetail, CheckState, PhotoRow};
