//! `GET /office/plans/{id}/report` (printable HTML), `…/report.docx` (Word) and `…/report.xlsx` (the annex tables
//! as a workbook): the report to the province for one plan; `…/communes/{code}/minutes` and `….docx`: the minutes of
//! the team's meeting in one of its communes. Made fresh from the database on each request.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use super::data::DbDashboard;
use crate::report::{compose, docx, html, minutes, xlsx};

/// The three routes.
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
    (StatusCode::NOT_FOUND, Html("<p>Không tìm thấy kế hoạch.<br>No such plan.</p>")).into_response()
}

fn failed(e: &str) -> Response {
    tracing::warn!(len = e.len(), "report failed");
    (StatusCode::SERVICE_UNAVAILABLE, Html("<p>Lỗi máy chủ, thử lại sau.<br>Server error, try again later.</p>"))
        .into_response()
}

/// The plan's report and its number.
async fn document(d: &DbDashboard, id: &str) -> Result<(crate::report::doc::Document, String), Response> {
    match d.report_input(id).await {
        Ok(Some(input)) => Ok((compose::report(&input), input.plan.code)),
        Ok(None) => Err(not_found()),
        Err(e) => Err(failed(&e)),
    }
}

/// A file name for the plan's report: its number with anything a file name cannot hold replaced.
fn file_name(code: &str, ext: &str) -> String {
    let safe: String = code.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    format!("bao-cao-{safe}.{ext}")
}

fn download(bytes: Vec<u8>, mime: &'static str, name: String) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    ([(header::CONTENT_TYPE, mime.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response()
}

async fn report_html(State(d): State<Arc<DbDashboard>>, Path(id): Path<String>) -> Response {
    match document(&d, &id).await {
        Ok((doc, _)) => {
            let links = [
                ("Tải về Word (.docx)", format!("/office/plans/{id}/report.docx")),
                ("Tải về Excel phụ lục (.xlsx)", format!("/office/plans/{id}/report.xlsx")),
                ("Về kế hoạch / Back to plans", "/office/plans".to_owned()),
            ];
            Html(html::document(&doc, &links)).into_response()
        }
        Err(r) => r,
    }
}

async fn report_docx(State(d): State<Arc<DbDashboard>>, Path(id): Path<String>) -> Response {
    let (doc, code) = match document(&d, &id).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    match docx::document(&doc) {
        Ok(bytes) => download(
            bytes,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            file_name(&code, "docx"),
        ),
        Err(e) => failed(&e),
    }
}

async fn report_xlsx(State(d): State<Arc<DbDashboard>>, Path(id): Path<String>) -> Response {
    let (doc, code) = match document(&d, &id).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    match xlsx::workbook(&doc) {
        Ok(bytes) => download(
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            file_name(&code, "xlsx"),
        ),
        Err(e) => failed(&e),
    }
}

/// The minutes of commune `code` of plan `id`, and a file name for them.
async fn minutes_of(d: &DbDashboard, id: &str, code: &str) -> Result<(crate::report::doc::Document, String), Response> {
    match d.report_input(id).await {
        Ok(Some(input)) => match minutes::minutes(&input, code) {
            Some(doc) => {
                Ok((doc, file_name(&format!("{}-{code}", input.plan.code), "docx").replace("bao-cao", "bien-ban")))
            }
            None => Err(not_found()),
        },
        Ok(None) => Err(not_found()),
        Err(e) => Err(failed(&e)),
    }
}

async fn minutes_html(State(d): State<Arc<DbDashboard>>, Path((id, code)): Path<(String, String)>) -> Response {
    match minutes_of(&d, &id, &code).await {
        Ok((doc, _)) => {
            let links = [
                ("Tải về Word (.docx)", format!("/office/plans/{id}/communes/{code}/minutes.docx")),
                ("Đánh giá của đoàn / The team's review", format!("/office/plans/{id}/communes/{code}/review")),
                ("Về kế hoạch / Back to plans", "/office/plans".to_owned()),
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
    match docx::document(&doc) {
        Ok(bytes) => download(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name),
        Err(e) => failed(&e),
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
