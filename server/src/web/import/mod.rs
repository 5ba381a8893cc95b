//! `/office/import`: the office imports the bank's loan book from its browser, as `vieclam-server import loans`
//! does from a terminal, with a look before anything is written.
//!
//! 1. `GET /office/import`: the upload form (the loan list, or the whole workbook; the payment history and the
//!    relief events when they come as files of their own).
//! 2. `POST /office/import` (multipart): the files are read and every row checked by the CLI's own reader
//!    ([`crate::import::read_loan_uploads`], the office's rule sets, today in the province); the preview lists every
//!    bad row (row, column, reason in Vietnamese and English), every finding, and what would be written kind by kind
//!    (new, changed, unchanged). Nothing is written. A book with no bad row is staged ([`stage`]) under a random
//!    token bound to this browser session, and the preview carries a confirm button posting it.
//! 3. `POST /office/import/confirm`: the staged files are read again as of the preview's day, and, if they still
//!    read as previewed, written in one transaction (`Db::apply_office_batch`, the CLI's write); the result page
//!    counts what was written and links to the book by commune. A token confirmed already, of another session,
//!    expired or forged is refused with its reason and nothing is written.
//!
//! Bad rows: the page refuses the import until the file is fixed, which is what `import loans` does unless its
//! operator adds `--skip-bad-rows`. The browser offers no such switch on purpose: a skipped payment row leaves a
//! borrower reading overdue on their phone, a skipped loan row orphans its payments, and a clerk cannot see those
//! consequences on a preview; the office's technical staff keep the switch on the command line.

mod page;
pub mod stage;
pub mod tally;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use vieclam_core::messages::{Lang, Text, import_page as m};

use crate::api::SMALL_BODY_LIMIT;
use crate::auth::Caller;
use crate::import::{self, LoanImport};
use crate::state::AppState;
use stage::{Meta, StagedFile, Summary};
use tally::KindTally;

/// The largest upload by default: 128 MiB. The import bench's book of 100,000 loans (a province) with its 1.3
/// million payments and relief events is 78 MB of CSV (27.6 MB of loans, 49.9 MB of payments, 0.5 MB of relief);
/// the same as a workbook is smaller (XLSX is zipped). `serve --import-max-mb` raises it for a larger province.
pub const DEFAULT_MAX_BYTES: usize = 128 * 1024 * 1024;

/// The bound the routes are built with (a process setting, like the photo uploads' expiry: `serve` sets it once
/// before building the routes).
static MAX_BYTES: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_BYTES);

/// Sets the largest upload for the routes built from now on (`serve --import-max-mb`).
pub fn set_max_bytes(bytes: usize) {
    MAX_BYTES.store(bytes.max(1), Ordering::Relaxed);
}

/// The bound set by [`set_max_bytes`] ([`DEFAULT_MAX_BYTES`] unless set).
pub fn max_bytes() -> usize {
    MAX_BYTES.load(Ordering::Relaxed)
}

/// One import read or written at a time: a province's book takes a few hundred MB while read, and two clerks
/// importing at once would only slow each other. It also makes a token's check-then-claim one step in this process.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The file inputs of the form, in the order their files are read.
const INPUTS: [&str; 3] = ["loans", "payments", "relief"];

/// The routes: `GET`/`POST /office/import`, `POST /office/import/confirm`. Behind the admin middleware, which puts
/// the [`Caller`] in the request. Starts the sweeper of staged imports.
pub fn router(state: AppState) -> Router {
    stage::spawn_sweeper(state.photos.clone());
    // Past the bound the upload is still read to its end (and dropped), so the browser gets the page that says
    // "too large" rather than a connection cut mid-send; twice the bound is where reading stops regardless.
    let drained = max_bytes().saturating_mul(2);
    Router::new()
        .route("/office/import", get(form).post(preview).layer(DefaultBodyLimit::max(drained)))
        .route("/office/import/confirm", post(confirm).layer(DefaultBodyLimit::max(SMALL_BODY_LIMIT)))
        .with_state(state)
}

/// A refusal: the status, its stable code, why in Vietnamese and English.
struct Refusal(StatusCode, &'static str, String, String);

impl Refusal {
    fn new(status: StatusCode, code: &'static str, text: Text) -> Refusal {
        Refusal::with(status, code, text, &[])
    }

    fn with(status: StatusCode, code: &'static str, text: Text, args: &[(&str, &str)]) -> Refusal {
        Refusal(status, code, text.fill(Lang::Vi, args), text.fill(Lang::En, args))
    }

    /// The upload form again, the refusal above it.
    fn on_form(self) -> Response {
        (self.0, Html(page::form(Some((self.1, &self.2, &self.3)), max_bytes()))).into_response()
    }

    /// The refusal alone, with the way back.
    fn alone(self) -> Response {
        (self.0, Html(page::refused(self.1, &self.2, &self.3))).into_response()
    }
}

fn failed(what: &str, e: impl std::fmt::Display) -> Response {
    tracing::warn!(error = %e, "{what}");
    Refusal::new(StatusCode::SERVICE_UNAVAILABLE, "server.unavailable", m::SERVER_ERROR).alone()
}

async fn form() -> Html<String> {
    Html(page::form(None, max_bytes()))
}

/// A browser's file name as shown on the pages: no folders (old browsers send the whole path), no control
/// characters, at most 100 characters; the input's name when none is left.
fn clean_name(raw: Option<&str>, input: &str) -> String {
    let base = raw.unwrap_or_default().rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = base.chars().filter(|c| !c.is_control()).take(100).collect();
    let name = name.trim();
    if name.is_empty() { input.to_owned() } else { name.to_owned() }
}

fn too_large(max: usize) -> Refusal {
    let mb = max / (1024 * 1024);
    Refusal::with(
        StatusCode::PAYLOAD_TOO_LARGE,
        "import.upload_too_large",
        m::UPLOAD_TOO_LARGE,
        &[("mb", &mb.to_string())],
    )
}

/// The files of the form, `(name, bytes)` in the order of [`INPUTS`], those left empty skipped. Reading stops
/// keeping bytes past `max` but goes on to the end of the body, so the answer reaches the browser.
async fn read_form(mut form: Multipart, max: usize) -> Result<Vec<(String, Vec<u8>)>, Refusal> {
    let broken = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large(max)
        } else {
            Refusal::new(StatusCode::BAD_REQUEST, "import.bad_form", m::UPLOAD_MALFORMED)
        }
    };
    let mut got: [Option<(String, Vec<u8>)>; 3] = [None, None, None];
    let mut total = 0usize;
    while let Some(mut field) = form.next_field().await.map_err(broken)? {
        let slot = INPUTS.iter().position(|i| Some(*i) == field.name());
        let name = slot.map(|s| clean_name(field.file_name(), INPUTS[s]));
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(broken)? {
            total = total.saturating_add(chunk.len());
            if slot.is_some() && total <= max {
                bytes.extend_from_slice(&chunk);
            }
        }
        if let (Some(s), Some(name)) = (slot, name) {
            if got[s].is_some() {
                return Err(Refusal::new(StatusCode::BAD_REQUEST, "import.bad_form", m::ONE_FILE_PER_BOX));
            }
            got[s] = Some((name, bytes));
        }
    }
    if total > max {
        return Err(too_large(max));
    }
    if got[0].as_ref().is_none_or(|(_, b)| b.is_empty()) {
        return Err(Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, "import.no_file", m::NO_LOAN_LIST_FILE_CHOSEN));
    }
    Ok(got.into_iter().flatten().filter(|(_, b)| !b.is_empty()).collect())
}

/// Why `bytes` cannot be a bank export, told before the reader tries: a workbook is a zip (`PK`), a CSV is text; an
/// Excel 97–2003 file, a PDF, a picture or a Word file is neither.
fn not_a_spreadsheet(name: &str, bytes: &[u8]) -> Option<Refusal> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // A zip is the reader's to judge (a Word file is refused as an unreadable workbook); UTF-16 text is refused
        // by the reader with how to save it as UTF-8.
        return None;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some(Refusal::with(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "import.old_xls",
            m::OLD_XLS,
            &[("name", name)],
        ));
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then(|| {
        Refusal::with(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "import.not_spreadsheet",
            m::NOT_SPREADSHEET,
            &[("name", name)],
        )
    })
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads `files` as one export as of `today` with the office's rule sets, off the async threads.
async fn check_book(
    state: &AppState,
    files: Arc<Vec<(String, Vec<u8>)>>,
    today: NaiveDate,
) -> Result<Result<LoanImport, Refusal>, Response> {
    let sets = crate::rules::list(&state.db).await.map_err(|e| failed("reading the rule sets failed", e))?;
    let read = {
        let files = files.clone();
        tokio::task::spawn_blocking(move || {
            let named: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
            import::read_loan_uploads(&named, today, &sets)
        })
        .await
        .map_err(|e| failed("the import reader stopped", e))?
    };
    Ok(read.map_err(|e| {
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        let names = names.join(", ");
        Refusal(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.code(),
            format!("{names}: {}", e.message(Lang::Vi)),
            format!("{names}: {}", e.message(Lang::En)),
        )
    }))
}

async fn preview(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    upload: Result<Multipart, MultipartRejection>,
) -> Response {
    let Ok(upload) = upload else {
        return Refusal::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "import.bad_form", m::USE_THE_UPLOAD_FORM).on_form();
    };
    let files = match read_form(upload, max_bytes()).await {
        Ok(files) => files,
        Err(r) => return r.on_form(),
    };
    if let Some(r) = files.iter().find_map(|(name, bytes)| not_a_spreadsheet(name, bytes)) {
        return r.on_form();
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let today = vieclam_core::query::session::today_in_province();
    let files = Arc::new(files);
    let read = match check_book(&state, files.clone(), today).await {
        Ok(Ok(read)) => read,
        Ok(Err(r)) => return r.on_form(),
        Err(answer) => return answer,
    };
    let LoanImport { batch, rejected, findings, accepted_rows } = read;
    let tallies = match tally::tally(&state.db, Arc::new(batch)).await {
        Ok(t) => t,
        Err(e) => return failed("counting what an import would write failed", e.en),
    };
    let staged: Vec<StagedFile> = files
        .iter()
        .map(|(name, bytes)| StagedFile { name: name.clone(), sha256: sha256_hex(bytes), size: bytes.len() as u64 })
        .collect();
    // Only a book with no bad row is kept to be confirmed: there is nothing to confirm otherwise.
    let token = if rejected.is_empty() {
        let token = stage::new_token();
        let meta = Meta {
            account_id: caller.account.id.clone(),
            device_id: caller.device_id.clone(),
            created_at: Utc::now(),
            today,
            files: staged.clone(),
            summary: Summary { accepted_rows, rejected: 0, findings: findings.len() },
        };
        if let Err(e) = stage::save(state.photos.as_ref(), &token, &files, &meta).await {
            return failed("staging an import failed", e);
        }
        Some(token)
    } else {
        None
    };
    let status = if rejected.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let html = page::preview(&page::Preview {
        token: token.as_deref(),
        files: &staged,
        accepted_rows,
        rejected: &rejected,
        findings: &findings,
        tallies: &tallies,
    });
    (status, Html(html)).into_response()
}

/// The confirm form's field.
#[derive(Deserialize)]
struct ConfirmForm {
    #[serde(default)]
    token: String,
}

fn unknown_token() -> Response {
    Refusal::new(StatusCode::NOT_FOUND, "import.unknown_token", m::NO_PENDING_IMPORT).alone()
}

async fn confirm(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(form): Form<ConfirmForm>,
) -> Response {
    // A forged token never reaches the store as a path.
    if !stage::is_token(&form.token) {
        return unknown_token();
    }
    let token = form.token;
    let store = state.photos.as_ref();
    let _one = ONE_AT_A_TIME.lock().await;
    let meta = match stage::load(store, &token).await {
        Ok(Some(meta)) => meta,
        Ok(None) => return unknown_token(),
        Err(e) => return failed("reading a staged import failed", e),
    };
    if meta.device_id != caller.device_id || meta.account_id != caller.account.id {
        return Refusal::new(StatusCode::FORBIDDEN, "import.other_session", m::PREVIEW_OF_ANOTHER_SESSION).alone();
    }
    match stage::progress(store, &token).await {
        Ok(stage::Progress::Waiting) => {}
        Ok(stage::Progress::Done) => return already_confirmed(),
        Ok(stage::Progress::Claimed) => return interrupted(),
        Err(e) => return failed("reading a staged import failed", e),
    }
    let lifetime = chrono::Duration::from_std(stage::LIFETIME).unwrap_or(chrono::Duration::hours(1));
    if Utc::now().signed_duration_since(meta.created_at) > lifetime {
        return Refusal::new(StatusCode::GONE, "import.expired", m::PREVIEW_EXPIRED).alone();
    }
    let bytes = match stage::files(store, &token, &meta).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return unknown_token(),
        Err(e) => return failed("reading a staged import failed", e),
    };
    let changed =
        || Refusal::new(StatusCode::CONFLICT, "import.changed_since_preview", m::FILE_READS_DIFFERENTLY).alone();
    if bytes.iter().zip(&meta.files).any(|(b, f)| sha256_hex(b) != f.sha256) {
        return changed();
    }
    let files: Vec<(String, Vec<u8>)> = meta.files.iter().map(|f| f.name.clone()).zip(bytes).collect();
    let read = match check_book(&state, Arc::new(files), meta.today).await {
        Ok(Ok(read)) => read,
        Ok(Err(r)) => return r.alone(),
        Err(answer) => return answer,
    };
    let now =
        Summary { accepted_rows: read.accepted_rows, rejected: read.rejected.len(), findings: read.findings.len() };
    if now != meta.summary {
        return changed();
    }
    let batch = Arc::new(read.batch);
    let tallies: Vec<KindTally> = match tally::tally(&state.db, batch.clone()).await {
        Ok(t) => t,
        Err(e) => return failed("counting what an import writes failed", e.en),
    };
    match stage::claim(store, &token).await {
        Ok(true) => {}
        Ok(false) => return interrupted(),
        Err(e) => return failed("claiming a staged import failed", e),
    }
    let written = match state.db.apply_office_batch(&batch).await {
        Ok(n) => n,
        Err(e) => {
            // The transaction rolled back: nothing was written, so the clerk may confirm again.
            let _ = stage::unclaim(store, &token).await;
            return failed("writing an import failed", e.en);
        }
    };
    if let Err(e) = stage::finish(store, &token, &meta).await {
        tracing::warn!(error = %e, "marking a written import done failed; the sweeper takes its files");
    }
    Html(page::done(&meta.files, read.accepted_rows, written, &tallies)).into_response()
}

/// A confirmation claimed and not finished: another server process is writing it, or the server stopped while
/// writing (the transaction rolled back). Either way this one writes nothing.
fn interrupted() -> Response {
    Refusal::new(StatusCode::CONFLICT, "import.in_progress", m::IMPORT_IN_PROGRESS).alone()
}

fn already_confirmed() -> Response {
    Refusal::new(StatusCode::CONFLICT, "import.already_confirmed", m::ALREADY_IMPORTED).alone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_folders_and_control_characters() {
        assert_eq!(clean_name(Some("C:\\Users\\ke toan\\du-no.xlsx"), "loans"), "du-no.xlsx");
        assert_eq!(clean_name(Some("/home/a/tra-no.csv"), "payments"), "tra-no.csv");
        assert_eq!(clean_name(Some("a\u{0}b\nc.csv"), "loans"), "abc.csv");
        assert_eq!(clean_name(Some(""), "relief"), "relief");
        assert_eq!(clean_name(None, "loans"), "loans");
        assert_eq!(clean_name(Some(&"x".repeat(300)), "loans").chars().count(), 100);
    }

    #[test]
    fn pictures_and_old_excel_are_not_spreadsheets() {
        let code = |bytes: &[u8]| not_a_spreadsheet("f", bytes).map(|r| r.1);
        assert_eq!(code(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("import.not_spreadsheet"));
        assert_eq!(code(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), Some("import.old_xls"));
        assert_eq!(code(b"%PDF-1.7\n\0binary"), Some("import.not_spreadsheet"));
        assert_eq!(code(b"PK\x03\x04rest of a zip\0"), None);
        assert_eq!(code("Số khế ước;Họ và tên\n1;An\n".as_bytes()), None);
    }
}
