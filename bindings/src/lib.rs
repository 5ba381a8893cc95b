//! The uniffi surface of the Vieclam core: what the Android (Kotlin) and iOS (Swift) apps can call.
//!
//! All logic lives in `vieclam-core`. Each file here wraps one domain of the core, so a new export goes in the file
//! of its domain (or a new one). The records and enums a screen draws are the core's own: its `uniffi` feature,
//! which only this crate turns on, derives the FFI traits on them (a second uniffi component in the library,
//! `vieclam_core`, named by core/uniffi.toml), and they are re-exported here, never retyped. What this crate still
//! defines itself differs on purpose: parameters parsed here with a field-named error (dates, fixes), views that add
//! text or hide fields, and the one error type of every call:
//! - [`error`]: [`VieclamError`], the errors the apps can act on;
//! - [`types`]: the language, labels, and how dates (ISO) and timestamps (RFC 3339) cross as text;
//! - [`store`]: [`VieclamStore`], the encrypted on-device store; every domain below adds methods to it;
//! - [`demo`]: a demo province; [`search`]: search without diacritics; [`text`]: free text helpers;
//! - [`loans`] and [`loan_status`]: the loan list and detail with their figures;
//! - [`sites`]: nearest sites; [`programmes`]: the catalogue; [`registration`]: the returning worker's form;
//! - [`geo`], [`checklist`], [`checks`], [`check_detail`]: site checks from fix to locked record;
//! - [`photos`]: the camera's JPEG into a check, and a JPEG's EXIF read back;
//! - [`walk`]: a plot measured on foot; [`evidence`]: the device's signed chain, verified;
//! - [`sync`]: sign-in, sync with progress and cancel, and the sync screen;
//! - [`plans`]: the inspector's current plans; [`minutes`]: a commune's minutes; [`applications`]: a worker's
//!   registrations and where they stand; [`review`]: the commune review, one's own to write and the team's merged;
//!   [`review_form`]: the review form's rules; [`map`]: where a map opens.
//!
//! Nothing here may panic across the FFI: every fallible call returns `Result<_, VieclamError>`.

mod applications;
mod check_detail;
mod checklist;
mod checks;
mod demo;
mod error;
mod evidence;
mod geo;
mod input;
mod loan_status;
mod loans;
mod map;
mod minutes;
mod open_checks;
mod photos;
mod plans;
mod programmes;
mod registration;
mod reminders;
mod review;
mod review_form;
mod search;
mod session;
mod sites;
mod store;
mod sync;
mod text;
mod tone;
mod types;
mod walk;

pub use applications::{ApplicationList, ApplicationRow, ApplicationState};
pub use check_detail::{AnswerRow, CheckDetail, CheckState, PhotoRow};
pub use checklist::{AnswerInput, ChoiceOption, Question, QuestionKind};
pub use demo::DemoCounts;
pub use error::{FieldProblem, VieclamError};
pub use evidence::{EvidenceProblem, VerifyReport};
pub use geo::{AccuracyLevel, LocationFix, Place, Verdict, VerdictView, best_fix, shutter_fix};
pub use input::parse_number;
pub use loan_status::{DueInstalment, LoanState, LoanStatus, Relief, ReliefKind};
pub use loans::{LoanDetail, LoanList, LoanRow, PaymentRow, ScheduleRow};
pub use map::{MapFrame, map_frame};
pub use minutes::{CommuneMinutes, MinutesSection, SignatureBlock};
pub use open_checks::OpenCheckRow;
pub use photos::{AddedPhoto, ExifGps, ExifInfo, read_exif};
pub use plans::{PlanCommuneRow, PlanList, PlanSummary};
pub use programmes::{Catalogue, ProgrammeRow};
pub use registration::{FieldState, FormState, RegistrationForm};
pub use reminders::LoanReminders;
pub use review::{
    MergedReviewView, MyReview, ReviewAttendee, ReviewContribution, ReviewHeading, ReviewHeadingView, ReviewNote,
    ReviewOpinion, ReviewRating, ReviewRatingOption, ReviewRecommendation, review_headings, review_ratings,
};
pub use review_form::{
    ReviewFormProblems, ReviewHeadingProblem, ReviewItemProblems, ReviewListProblems, review_form_problems,
    review_with_rating, review_with_text,
};
pub use search::{Hit, HitPage, SearchKind};
pub use session::{SessionTabs, Tab, TabRow, UserRole, session_tabs, today_in_province};
pub use sites::SiteRow;
pub use store::VieclamStore;
pub use sync::{SessionInfo, SyncCancel, SyncProgressListener, SyncStage, SyncSummary};
pub use text::{core_version, fold_text, format_money};
pub use types::{LabeledValue, Language};
pub use walk::{GeoPoint, WalkedPlot, walk_plot};

uniffi::setup_scaffolding!();
