//! The tus 1.0 wire details: headers, `Upload-Metadata` and `Upload-Checksum` parsing, and error answers in the
//! protocol's `ErrorBody` shape with their stable codes.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha1::Digest as _;
use vieclam_core::messages::{Text, uploads as m};
use vieclam_core::sync::wire::{ErrorBody, ErrorDetail};

/// The tus version spoken.
pub const TUS_VERSION: &str = "1.0.0";

/// An error answer: status, stable code and the message in both languages.
pub struct TusError {
    status: StatusCode,
    code: &'static str,
    text: Text,
}

impl TusError {
    fn new(status: u16, code: &'static str, text: Text) -> TusError {
        TusError { status: StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST), code, text }
    }
}

impl IntoResponse for TusError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.into(),
                message_vi: self.text.vi.into(),
                message_en: self.text.en.into(),
            },
        };
        let mut r = (self.status, axum::Json(body)).into_response();
        tus_headers(r.headers_mut());
        r
    }
}

/// Adds `Tus-Resumable` (every answer but `OPTIONS` carries it) and forbids caching of offsets.
pub fn tus_headers(h: &mut HeaderMap) {
    h.insert("tus-resumable", HeaderValue::from_static(TUS_VERSION));
    h.insert("cache-control", HeaderValue::from_static("no-store"));
}

/// Each error the uploads answer with.
pub mod errors {
    use super::*;

    /// 412: a request without `Tus-Resumable: 1.0.0`.
    pub fn version() -> TusError {
        TusError::new(412, "upload.unsupported_version", m::UNSUPPORTED_VERSION)
    }
    /// 400: a header missing or unreadable.
    pub fn bad_header(code: &'static str) -> TusError {
        TusError::new(400, code, m::BAD_REQUEST)
    }
    /// 400: the body ended before its announced length (a dropped connection); nothing of it is kept.
    pub fn incomplete() -> TusError {
        TusError::new(400, "upload.incomplete_body", m::INCOMPLETE_BODY)
    }
    /// 413: more than the size limit, or past the announced length.
    pub fn too_large() -> TusError {
        TusError::new(413, "upload.too_large", m::TOO_LARGE)
    }
    /// 415: a PATCH body of another type.
    pub fn content_type() -> TusError {
        TusError::new(415, "upload.content_type", m::CONTENT_TYPE)
    }
    /// 409: a PATCH at the wrong offset.
    pub fn offset() -> TusError {
        TusError::new(409, "upload.offset_mismatch", m::OFFSET_MISMATCH)
    }
    /// 460: a chunk whose checksum does not match.
    pub fn checksum() -> TusError {
        TusError::new(460, "upload.checksum_mismatch", m::CHECKSUM_MISMATCH)
    }
    /// 404.
    pub fn not_found() -> TusError {
        TusError::new(404, "not_found", vieclam_core::messages::api::NOT_FOUND)
    }
    /// 403.
    pub fn forbidden() -> TusError {
        TusError::new(403, "scope.forbidden", m::FORBIDDEN)
    }
    /// 401: no caller in the request.
    pub fn no_caller() -> TusError {
        TusError::new(401, "auth.missing_token", m::SIGN_IN_REQUIRED)
    }
    /// 422 `photo.hash_mismatch`.
    pub fn hash_mismatch() -> TusError {
        TusError::new(422, "photo.hash_mismatch", m::HASH_MISMATCH)
    }
    /// 422 `photo.unknown_record`.
    pub fn unknown_record() -> TusError {
        TusError::new(422, "photo.unknown_record", m::UNKNOWN_RECORD)
    }
    /// 422 `photo.bad_signature`.
    pub fn bad_signature() -> TusError {
        TusError::new(422, "photo.bad_signature", m::BAD_SIGNATURE)
    }
    /// 503: the object store or the database failed; the client retries.
    pub fn storage() -> TusError {
        TusError::new(503, "storage.unavailable", m::STORAGE_UNAVAILABLE)
    }
}

/// The value of a header as text, if present and readable.
pub fn header<'h>(h: &'h HeaderMap, name: &str) -> Option<&'h str> {
    h.get(name).and_then(|v| v.to_str().ok()).map(str::trim)
}

/// A non-negative decimal header (`Upload-Length`, `Upload-Offset`).
pub fn number(h: &HeaderMap, name: &str) -> Option<u64> {
    let v = header(h, name)?;
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// Whether the request speaks our tus version.
pub fn resumable_ok(h: &HeaderMap) -> bool {
    header(h, "tus-resumable") == Some(TUS_VERSION)
}

/// `Upload-Metadata`: `key base64value` pairs separated by commas; a key may have no value. `None` when malformed.
pub fn parse_metadata(text: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let mut it = pair.split(' ').filter(|s| !s.is_empty());
        let key = it.next()?;
        let value = match it.next() {
            Some(b64) => String::from_utf8(STANDARD.decode(b64).ok()?).ok()?,
            None => String::new(),
        };
        if it.next().is_some() {
            return None;
        }
        out.push((key.to_owned(), value));
    }
    Some(out)
}

/// Whether `text` is a SHA-256 in lowercase hex.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks a chunk against `Upload-Checksum: <algorithm> <base64 digest>`: `Ok(())` when absent or matching.
pub fn check_chunk(h: &HeaderMap, chunk: &[u8]) -> Result<(), TusError> {
    let Some(value) = header(h, "upload-checksum") else { return Ok(()) };
    let (algorithm, b64) = value.split_once(' ').ok_or_else(|| errors::bad_header("upload.bad_checksum_header"))?;
    let expected = STANDARD.decode(b64.trim()).map_err(|_| errors::bad_header("upload.bad_checksum_header"))?;
    let actual: Vec<u8> = match algorithm {
        "sha256" => sha2::Sha256::digest_bytes(chunk),
        "sha1" => sha1::Sha1::digest(chunk).to_vec(),
        _ => return Err(errors::bad_header("upload.checksum_algorithm")),
    };
    if actual == expected { Ok(()) } else { Err(errors::checksum()) }
}

/// SHA-256 of bytes, as a plain vector (sha2 and sha1 sit on different `digest` versions).
trait DigestBytes {
    fn digest_bytes(data: &[u8]) -> Vec<u8>;
}

impl DigestBytes for sha2::Sha256 {
    fn digest_bytes(data: &[u8]) -> Vec<u8> {
        use sha2::Digest;
        sha2::Sha256::digest(data).to_vec()
    }
}

/// SHA-256 of `data` in lowercase hex.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&sha2::Sha256::digest_bytes(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_pairs_decode() {
        let m = parse_metadata("sha256 YWJj,photo_id eHl6,flag").unwrap();
        assert_eq!(
            m,
            vec![("sha256".into(), "abc".into()), ("photo_id".into(), "xyz".into()), ("flag".into(), String::new())]
        );
        assert!(parse_metadata("sha256 !!!").is_none());
        assert!(parse_metadata("a b c").is_none());
    }

    #[test]
    fn sha256_hex_of_known_input() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(is_sha256_hex(&sha256_hex(b"")));
        assert!(!is_sha256_hex("BA7816BF"));
    }
}
