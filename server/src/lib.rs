//! The Vieclam sync server as a library: the parts the binary wires together, each testable on its own.

pub mod dashboard;
pub mod import;
pub mod uploads;
