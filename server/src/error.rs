//! The error every handler and transaction returns, and its answer on the wire: the `ErrorBody` envelope with a
//! stable code and one sentence in Vietnamese and English. Database failures are logged and answered `internal`
//! without detail (the detail may hold values from the request).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use vieclam_core::messages::{Lang, Text, api};
use vieclam_core::sync::wire::{ErrorBody, ErrorDetail};

use crate::db::DbError;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable code (docs/sync-protocol.md).
    pub code: &'static str,
    /// Vietnamese, filled from the entry it was made with.
    pub vi: String,
    /// English, filled from the same entry.
    pub en: String,
}

/// Result of a handler or of transaction work.
pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// An error with its status, code and catalogue entry (`vieclam_core::messages`).
    pub fn new(status: StatusCode, code: &'static str, text: Text) -> ApiError {
        ApiError::with(status, code, text, &[])
    }

    /// An error whose entry has placeholders, each `{name}` filled with its value in both languages.
    pub fn with(status: StatusCode, code: &'static str, text: Text, args: &[(&str, &str)]) -> ApiError {
        ApiError::with_entries(status, code, text, args, &[])
    }

    /// As [`ApiError::with`], with placeholders whose values are themselves entries (a field's label, say), each
    /// filled in the error's language.
    pub fn with_entries(
        status: StatusCode,
        code: &'static str,
        text: Text,
        args: &[(&str, &str)],
        entries: &[(&str, Text)],
    ) -> ApiError {
        let fill = |lang: Lang| {
            let mut all: Vec<(&str, &str)> = args.to_vec();
            all.extend(entries.iter().map(|(name, t)| (*name, t.get(lang))));
            text.fill(lang, &all)
        };
        ApiError { status, code, vi: fill(Lang::Vi), en: fill(Lang::En) }
    }

    /// 400 `push.malformed`: a body that is not what the endpoint takes.
    pub fn malformed(detail: &str) -> ApiError {
        ApiError::with(StatusCode::BAD_REQUEST, "push.malformed", api::MALFORMED, &[("detail", detail)])
    }

    /// 403 `scope.forbidden`.
    pub fn forbidden() -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "scope.forbidden", api::FORBIDDEN)
    }

    /// 404 `not_found`.
    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", api::NOT_FOUND)
    }

    /// 401 with one of the `auth.*` codes.
    pub fn unauthorized(code: &'static str) -> ApiError {
        let text = match code {
            "auth.missing_token" => api::MISSING_TOKEN,
            "auth.expired_token" => api::EXPIRED_TOKEN,
            "auth.revoked_token" => api::REVOKED_TOKEN,
            "auth.bad_credentials" => api::BAD_CREDENTIALS,
            "auth.bad_activation_code" => api::BAD_ACTIVATION_CODE,
            _ => api::INVALID_TOKEN,
        };
        ApiError::new(StatusCode::UNAUTHORIZED, code, text)
    }

    /// 500 `internal`, for failures the caller cannot act on.
    pub fn internal() -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", api::INTERNAL)
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
