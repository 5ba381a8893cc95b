//! `GET /office/plans/{id}/report` (printable HTML), `…/report.docx` (Word) and `…/report.xlsx` (the annex tables
//! as a workbook): the report to the province for one plan; `…/communes/{code}/minutes` and `….docx`: the minutes of
//! the team's meeting in one of its communes. Made from the database as it stands, once per state of the data (see
//! [`super::report_cache`]); the files are made off the async workers.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use vieclam_core::messages::dashboard as d;

use super::data::DbDashboard;
use super::report_cache::Made;
use crate::dashboard::render::notice;
use crate::report::{docx, html, minutes, xlsx};

/// The routes.
pub fn router(dashboard: Arc<DbDashboard>) -> Router {
    Router::new()
        .route("/office/plans/{id}/report", get(report_html))
        .route("/office/plans/{id}/report.docx", get(report_docx))
        .route("/office/plans/{id}/report.xlsx", get(report_xlsx))
        .route("/office/plans/{id}/communes/{code}/minutes", get(minutes_html))
        .route("/office/plans/{id}/communes/{code}/minutes.docx", get(minutes_docx))
        .with_state(dashboard)
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, Html(notice(d::PLAN_NOT_FOUND))).into_response()
}

fn failed(e: &str) -> Response {
    tracing::warn!(len = e.len(), "report failed");
    (StatusCode::SERVICE_UNAVAILABLE, Html(notice(d::SERVER_ERROR_TRY_LATER))).into_response()
}

/// The plan's report as the data stands.
async fn made(d: &DbDashboard, id: &str) -> Result<Arc<Made>, Response> {
    match d.report(id).await {
        Ok(Some(made)) => Ok(made),
        Ok(None) => Err(not_found()),
        Err(e) => Err(failed(&e)),
    }
}

/// Runs `make` on a blocking thread: a Word file of 5,000 checks is seconds of work a Tokio worker must not do.
async fn off_the_workers<T: Send + 'static>(make: impl FnOnce() -> T + Send + 'static) -> Result<T, Response> {
    tokio::task::spawn_blocking(make).await.map_err(|e| failed(&e.to_string()))
}

/// A file name for the plan's report: its number with anything a file name cannot hold replaced.
fn file_name(code: &str, ext: &str) -> String {
    let safe: String = code.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    format!("bao-cao-{safe}.{ext}")
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn download(bytes: Result<Vec<u8>, String>, mime: &'static str, name: String) -> Response {
    match bytes {
        Ok(bytes) => {
            let disposition = format!("attachment; filename=\"{name}\"");
            ([(header::CONTENT_TYPE, mime.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
                .into_response()
        }
        Err(e) => failed(&e),
    }
}

async fn report_html(State(d): State<Arc<DbDashboard>>, Path(id): Path<String>) -> Response {
    let made = match made(&d, &id).await {
        Ok(made) => made,
        Err(r) => return r,
    };
    let page = off_the_workers(move || {
        let back = d::BACK_TO_PLANS.joined(&[]);
        let links = [
            (d::DOWNLOAD_WORD.vi, format!("/office/plans/{id}/report.docx")),
            (d::DOWNLOAD_EXCEL_ANNEXES.vi, format!("/office/plans/{id}/report.xlsx")),
            (back.as_str(), "/office/plans".to_owned()),
        ];
        made.html(|doc| html::document(doc, &links)).to_owned()
    })
    .await;
    page.map_or_else(|r| r, |p| Html(p).into_response())
}

async fn report_docx(State(d): State<Arc<DbDashboard>>, Path(id): Path<String>) -> Response {
    let made = match made(&d, &id).await {
        Ok(made) => made,
        Err(r) => return r,
    };
    let name = file_name(&made.input.plan.code, "docx");
    match off_the_workers(move || made.docx(docx::document).clone()).await {
        Ok(bytes) => download(bytes, DOCX, name),
        Err(r) => r,
    }
}

async fn report_xlsx(State(d): State<Arc<DbDashboard>>, Path(id): Path<String>) -> Response {
    let made = match made(&d, &id).await {
        Ok(made) => made,
        Err(r) => return r,
    };
    let name = file_name(&made.input.plan.code, "xlsx");
    match off_the_workers(move || made.xlsx(xlsx::workbook).clone()).await {
        Ok(bytes) => download(bytes, XLSX, name),
        Err(r) => r,
    }
}

/// The minutes of commune `code` of plan `id`, and a file name for them.
async fn minutes_of(d: &DbDashboard, id: &str, code: &str) -> Result<(crate::report::doc::Document, String), Response> {
    let made = made(d, id).await?;
    match minutes::minutes(&made.input, code) {
        Some(doc) => {
            let name = file_name(&format!("{}-{code}", made.input.plan.code), "docx").replace("bao-cao", "bien-ban");
            Ok((doc, name))
        }
        None => Err(not_found()),
    }
}

async fn minutes_html(State(d): State<Arc<DbDashboard>>, Path((id, code)): Path<(String, String)>) -> Response {
    match minutes_of(&d, &id, &code).await {
        Ok((doc, _)) => {
            let (review, back) = (d::THE_TEAMS_REVIEW.joined(&[]), d::BACK_TO_PLANS.joined(&[]));
            let links = [
                (d::DOWNLOAD_WORD.vi, format!("/office/plans/{id}/communes/{code}/minutes.docx")),
                (review.as_str(), format!("/office/plans/{id}/communes/{code}/review")),
                (back.as_str(), "/office/plans".to_owned()),
            ];
            Html(html::document(&doc, &links)).into_response()
        }
        Err(r) => r,
    }
}

async fn minutes_docx(State(d): State<Arc<DbDashboard>>, Path((id, code)): Path<(String, String)>) -> Response {
    let (doc, name) = match minutes_of(&d, &id, &code).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    match off_the_workers(move || docx::document(&doc)).await {
        Ok(bytes) => download(bytes, DOCX, name),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_hold_only_safe_characters() {
        assert_eq!(file_name("452/KH-SNV", "docx"), "bao-cao-452_KH-SNV.docx");
        assert_eq!(file_name("a\"b\r\nc", "xlsx"), "bao-cao-a_b__c.xlsx");
    }
}
