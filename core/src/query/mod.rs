//! Screen-shaped queries: what each screen shows, already formatted for the chosen language.

pub mod applications;
pub mod detail;
pub mod facts;
pub mod form;
pub mod form_fields;
pub mod input;
pub mod inspection;
pub mod loans;
pub mod plans;
pub mod programmes;
pub mod reminders;
pub mod search;
pub mod session;
pub mod sites;
pub mod tone;

pub use applications::{ApplicationList, ApplicationRow, ApplicationState, applications, pending_changes};
pub use form::{FieldState, FormState, form_state};
pub use input::parse_number;
pub use loans::{LabeledValue, LoanDetail, LoanList, LoanRow, borrower_loans, find_loan, loan_detail, loan_list};
pub use plans::{PlanCommuneRow, PlanList, PlanSummary, current_plans, plan};
pub use programmes::{Catalogue, ProgrammeRow, catalogue};
pub use reminders::{LoanReminders, REMINDER_WINDOW_DAYS, reminders};
pub use search::{Hit, HitPage, SearchKind, search};
pub use session::{SessionTabs, Tab, TabRow, day_in_province, session_tabs, today_in_province};
pub use sites::{SiteRow, SiteScope, sites_near};
