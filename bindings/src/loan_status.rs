//! A loan's figures on a date as records: where it stands, what is owed and overdue, what falls due next. These are
//! the numbers behind the loan detail's text, for an app that draws a chart or schedules a reminder itself. Money
//! is whole đồng (`i64`); dates are ISO `yyyy-MM-dd` text. The records are the core's own (`loans::status`), which
//! carry the FFI traits themselves (the core's `uniffi` feature).

pub use vieclam_core::loans::status::{DueInstalment, LoanState, LoanStatus};
pub use vieclam_core::loans::{Relief, ReliefKind};
