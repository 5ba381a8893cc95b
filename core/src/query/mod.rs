//! Screen-shaped queries: what each screen shows, already formatted for the chosen language.

pub mod detail;
pub mod facts;
pub mod form;
pub mod loans;
pub mod programmes;
pub mod search;
pub mod sites;

pub use form::{FieldState, FormState, form_state};
pub use loans::{LabeledValue, LoanDetail, LoanList, LoanRow, borrower_loans, find_loan, loan_detail, loan_list};
pub use programmes::{Catalogue, ProgrammeRow, catalogue};
pub use search::{Hit, HitPage, SearchKind, search};
pub use sites::{SiteRow, SiteScope, sites_near};
