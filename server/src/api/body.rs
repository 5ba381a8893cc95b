//! Request bodies: [`bounded`], the middleware that reads a body (gzip or plain) into memory while counting its
//! decompressed bytes and stops at the route's bound, and a JSON body extractor whose refusals use the protocol's
//! envelope: 400 `push.malformed` for a body that is not the JSON the endpoint takes, 413 `push.too_large` for one
//! over the size limit.
//!
//! The bound is on what the body inflates to, checked as each compressed chunk is inflated: a 16 KB gzip bomb that
//! would become 16 MB costs the server no more than the route's bound before it is answered 413. The core's client
//! sends gzip only, so gzip is the one encoding taken (415 for others).

use std::io::Write;

use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// What gzip may add to a body that does not compress: its header, trailer and block headers (5 bytes per 64 KB
/// stored block) stay well under this for every bound used here.
const GZIP_OVERHEAD: usize = 64 * 1024;

/// 415 `push.unsupported_encoding`.
fn unsupported_encoding() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "push.unsupported_encoding",
        vieclam_core::messages::api::UNSUPPORTED_ENCODING,
    )
}

/// Bytes gathered up to a bound; a write past it fails and marks the buffer over.
struct Capped {
    bytes: Vec<u8>,
    cap: usize,
    over: bool,
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.cap {
            self.over = true;
            return Err(std::io::Error::other("body over its bound"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where the body's chunks go: straight into the buffer, or through a gzip decoder into it.
enum Sink {
    Plain(Capped),
    Gzip(Box<flate2::write::MultiGzDecoder<Capped>>),
}

impl Sink {
    fn over(&self) -> bool {
        match self {
            Sink::Plain(c) => c.over,
            Sink::Gzip(d) => d.get_ref().over,
        }
    }
}

/// Middleware: reads the request's body, inflating gzip, and answers 413 `push.too_large` as soon as the
/// decompressed bytes pass `limit` (or the bytes on the wire pass it, plus gzip's overhead), 400 for a broken gzip
/// stream, 415 for another encoding. The handler gets the plain body, at most `limit` bytes, already in memory.
pub async fn bounded(limit: usize, request: Request, next: Next) -> Response {
    match read_bounded(limit, request).await {
        Ok(request) => next.run(request).await,
        Err(e) => e.into_response(),
    }
}

async fn read_bounded(limit: usize, request: Request) -> Result<Request, ApiError> {
    let (mut parts, body) = request.into_parts();
    let encoding = parts.headers.get(header::CONTENT_ENCODING).map(|v| v.as_bytes().trim_ascii().to_ascii_lowercase());
    let capped = Capped { bytes: Vec::new(), cap: limit, over: false };
    let mut sink = match encoding.as_deref() {
        None | Some(b"identity") => Sink::Plain(capped),
        Some(b"gzip" | b"x-gzip") => Sink::Gzip(Box::new(flate2::write::MultiGzDecoder::new(capped))),
        Some(_) => return Err(unsupported_encoding()),
    };
    let wire_limit = if matches!(sink, Sink::Gzip(_)) { limit + GZIP_OVERHEAD } else { limit };
    let declared = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > wire_limit as u64) {
        return Err(too_large());
    }
    let mut on_wire = 0usize;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ApiError::malformed("body"))?;
        on_wire += chunk.len();
        if on_wire > wire_limit {
            return Err(too_large());
        }
        let written = match &mut sink {
            Sink::Plain(c) => c.write_all(&chunk),
            Sink::Gzip(d) => d.write_all(&chunk),
        };
        if written.is_err() {
            return Err(if sink.over() { too_large() } else { ApiError::malformed("gzip") });
        }
    }
    let bytes = match sink {
        Sink::Plain(c) => c.bytes,
        Sink::Gzip(mut d) => {
            // The end of the stream may still flush bytes, past the bound too.
            if d.try_finish().is_err() {
                return Err(if d.get_ref().over { too_large() } else { ApiError::malformed("gzip") });
            }
            d.finish().map_err(|_| ApiError::malformed("gzip"))?.bytes
        }
    };
    parts.headers.remove(header::CONTENT_ENCODING);
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// `Json<T>` with protocol errors.
pub struct JsonBody<T>(pub T);

/// 413 `push.too_large`.
pub fn too_large() -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "push.too_large", vieclam_core::messages::api::TOO_LARGE)
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
