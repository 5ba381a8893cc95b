//! Job-creation loans: the versioned rule sets, instalment schedules and a loan's status on a date.

pub mod accrual;
pub mod overdue_band;
pub mod rules;
pub mod schedule;
pub mod status;
pub mod types;

pub use rules::{RuleSet, RuleValues, default_rule_sets};
pub use status::{DueInstalment, LoanState, LoanStatus, loan_status};
pub use types::{Instalment, LoanTerms, Payment, Relief, ReliefKind};
