//! What the dashboard pages show, as plain view structs the storage layer fills: figures as numbers and dates, so
//! the pages format them the one way the core does (`1.234.567 ₫`, dd/MM/yyyy).

use chrono::NaiveDate;
use vieclam_core::format::Dong;

/// The front page's figures.
#[derive(Clone, Debug, Default)]
pub struct DashboardOverview {
    /// Loans held.
    pub loans: u64,
    /// Principal outstanding, đồng.
    pub outstanding: Dong,
    /// Loans with overdue principal.
    pub overdue: u64,
    /// Overdue principal, đồng.
    pub overdue_amount: Dong,
    /// Site checks received today.
    pub checks_today: u64,
    /// Checks with at least one flag.
    pub flagged_checks: u64,
    /// Registrations not yet verified by the office.
    pub unverified_registrations: u64,
    /// Devices enrolled.
    pub devices: u64,
    /// When a device last synced, if ever.
    pub last_sync: Option<NaiveDate>,
}

/// One site check in the list.
#[derive(Clone, Debug)]
pub struct CheckRow {
    /// Check id.
    pub id: String,
    /// Check code (KT-…).
    pub code: String,
    /// Borrower's name.
    pub borrower_name: String,
    /// Commune.
    pub commune_name: String,
    /// Day of the check.
    pub checked_on: NaiveDate,
    /// The verdict as the core words it ("Đang ở tại mô hình", …).
    pub verdict: String,
    /// Flags as the core words them (away from site, reused photo, bad signature).
    pub flags: Vec<String>,
}

/// One photo of a check, with what the phone stamped on it.
#[derive(Clone, Debug, Default)]
pub struct PhotoView {
    /// SHA-256, the photo's address (`/office/photos/{sha256}`).
    pub sha256: String,
    /// Whether the server holds the bytes yet.
    pub received: bool,
    /// When it was taken, Vietnam time (`14/10/2025 08:30`).
    pub taken_at: String,
    /// Width × height in pixels.
    pub size_px: (u32, u32),
    /// The phone's fix when it was taken: latitude, longitude, accuracy in metres.
    pub fix: Option<(f64, f64, f64)>,
    /// The camera's own GPS from the photo's EXIF, if it had any.
    pub camera_gps: Option<(f64, f64)>,
    /// Metres between the camera's GPS and the fix.
    pub gps_gap_m: Option<f64>,
    /// Minutes between the start of the check and the photo.
    pub delay_min: Option<i64>,
    /// The photo's flags in words (reused, camera GPS disagrees, taken late).
    pub flags: Vec<String>,
}

/// One answer of a check in words: the question as the checklist asks it, the answer as the inspector gave it.
#[derive(Clone, Debug, Default)]
pub struct AnswerView {
    /// The question, Vietnamese.
    pub question_vi: String,
    /// The question, English.
    pub question_en: String,
    /// The answer, Vietnamese.
    pub answer_vi: String,
    /// The answer, English.
    pub answer_en: String,
    /// A sign of misuse answered "yes": a finding against the loan.
    pub misuse_found: bool,
}

/// One check with its evidence.
#[derive(Clone, Debug)]
pub struct CheckDetail {
    /// The check as in the list.
    pub check: CheckRow,
    /// Inspector's name.
    pub inspector: String,
    /// Where the phone put the inspector: latitude, longitude, accuracy in metres.
    pub fix: Option<(f64, f64, f64)>,
    /// Answers in the checklist's order, in words.
    pub answers: Vec<AnswerView>,
    /// Photos.
    pub photos: Vec<PhotoView>,
    /// Whether the check, its answers and photos are each exactly what the author's device signed.
    pub evidence_verified: bool,
    /// The records whose evidence does not verify, and why.
    pub evidence: Vec<EvidenceFinding>,
    /// The plot walked on the check, if one was.
    pub walk: Option<super::walk::WalkView>,
}

/// One record of a check whose evidence does not verify.
#[derive(Clone, Debug)]
pub struct EvidenceFinding {
    /// Its kind (`site_check`, `check_answer`, `check_photo`).
    pub kind: String,
    /// Its id.
    pub record_id: String,
    /// The stable code, e.g. `evidence.changed_after_signing`.
    pub code: String,
    /// What it means, Vietnamese / English.
    pub text: String,
    /// For a record changed after signing: `(field, value signed, value stored)` for each field that differs.
    pub changed: Vec<(String, String, String)>,
}

/// A returning worker's registration awaiting verification.
#[derive(Clone, Debug)]
pub struct RegistrationRow {
    /// Registration id.
    pub id: String,
    /// Full name.
    pub full_name: String,
    /// Commune.
    pub commune_name: String,
    /// Country worked in.
    pub country: String,
    /// Day submitted.
    pub submitted_on: NaiveDate,
}

/// An import's outcome.
#[derive(Clone, Debug)]
pub struct ImportResultView {
    /// File name as uploaded.
    pub file_name: String,
    /// Rows accepted.
    pub accepted_rows: usize,
    /// Whether the batch was written.
    pub applied: bool,
    /// Bad rows: `(row, column, Vietnamese reason, English reason)`.
    pub rejected: Vec<(u64, String, String, String)>,
}
