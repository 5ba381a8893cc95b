//! The error every handler and transaction returns, and its answer on the wire: the `ErrorBody` envelope with a
//! stable code and one sentence in Vietnamese and English. Database failures are logged and answered `internal`
//! without detail (the detail may hold values from the request).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use vieclam_core::sync::wire::{ErrorBody, ErrorDetail};

use crate::db::DbError;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable code (docs/sync-protocol.md).
    pub code: &'static str,
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

/// Result of a handler or of transaction work.
pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// An error with its status, code and both sentences.
    pub fn new(status: StatusCode, code: &'static str, vi: impl Into<String>, en: impl Into<String>) -> ApiError {
        ApiError { status, code, vi: vi.into(), en: en.into() }
    }

    /// 400 `push.malformed`: a body that is not what the endpoint takes.
    pub fn malformed(detail: &str) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "push.malformed",
            format!("Dữ liệu gửi lên không đúng định dạng: {detail}"),
            format!("The request body is malformed: {detail}"),
        )
    }

    /// 403 `scope.forbidden`.
    pub fn forbidden() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "scope.forbidden",
            "Bạn không có quyền với dữ liệu này.",
            "This is outside your role or scope.",
        )
    }

    /// 404 `not_found`.
    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", "Không tìm thấy.", "Not found.")
    }

    /// 401 with one of the `auth.*` codes.
    pub fn unauthorized(code: &'static str) -> ApiError {
        let (vi, en) = match code {
            "auth.missing_token" => ("Chưa đăng nhập.", "No token was sent."),
            "auth.expired_token" => {
                ("Phiên đăng nhập đã hết hạn, hãy đăng nhập lại.", "The token has expired; sign in again.")
            }
            "auth.revoked_token" => ("Phiên đăng nhập đã bị thu hồi.", "The token was revoked."),
            "auth.bad_credentials" => ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
            "auth.bad_activation_code" => (
                "Mã kích hoạt hoặc số CCCD không đúng, hoặc mã đã dùng hay hết hạn.",
                "The activation code or ID number is wrong, or the code was used or has expired.",
            ),
            _ => ("Phiên đăng nhập không hợp lệ.", "The token is not valid."),
        };
        ApiError::new(StatusCode::UNAUTHORIZED, code, vi, en)
    }

    /// 500 `internal`, for failures the caller cannot act on.
    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Máy chủ gặp lỗi, hãy thử lại sau.",
            "The server failed; try again later.",
        )
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.code, self.en)
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> ApiError {
        tracing::error!(error = %e, "database failure");
        ApiError::internal()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body =
            ErrorBody { error: ErrorDetail { code: self.code.to_owned(), message_vi: self.vi, message_en: self.en } };
        (self.status, Json(body)).into_response()
    }
}
