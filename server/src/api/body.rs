//! A JSON body extractor whose refusals use the protocol's envelope: 400 `push.malformed` for a body that is not
//! the JSON the endpoint takes, 413 `push.too_large` for one over the size limit.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// `Json<T>` with protocol errors.
pub struct JsonBody<T>(pub T);

/// 413 `push.too_large`.
pub fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "push.too_large",
        "Gói dữ liệu quá lớn; hãy gửi thành nhiều lần.",
        "The batch is too large; send it in parts.",
    )
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(JsonBody(v)),
            Err(JsonRejection::BytesRejection(r)) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
            // The serde message names the field and position, never the values sent.
            Err(JsonRejection::JsonDataError(e)) => Err(ApiError::malformed(&e.body_text())),
            Err(_) => Err(ApiError::malformed("JSON")),
        }
    }
}
