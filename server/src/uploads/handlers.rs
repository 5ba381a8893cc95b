//! The tus handlers: create, offset, append (and finish on the last byte), and reading finished photos.

use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::BytesMut;
use futures::StreamExt;

use super::parts::{self, UploadInfo, is_upload_id, photo_path};
use super::tus::{self, TusError, errors, header, number, resumable_ok, tus_headers};
use super::{Caller, GateError, PhotoGate, UploadState};

type Answer = Result<Response, TusError>;

fn caller(ext: Option<Extension<Caller>>) -> Result<Caller, TusError> {
    ext.map(|Extension(c)| c).ok_or_else(errors::no_caller)
}

fn gate_error(e: GateError) -> TusError {
    match e {
        GateError::HashMismatch => errors::hash_mismatch(),
        GateError::UnknownRecord => errors::unknown_record(),
        GateError::BadSignature => errors::bad_signature(),
        GateError::Forbidden => errors::forbidden(),
        GateError::NotFound => errors::not_found(),
        GateError::Storage(_) => errors::storage(),
    }
}

fn storage(e: object_store::Error) -> TusError {
    tracing::warn!(error = %e, "object store failed during an upload");
    errors::storage()
}

fn with_offsets(status: StatusCode, info: &UploadInfo) -> Response {
    let mut r = status.into_response();
    let h = r.headers_mut();
    tus_headers(h);
    h.insert("upload-offset", HeaderValue::from(info.offset));
    h.insert("upload-length", HeaderValue::from(info.length));
    r
}

/// Adds `Upload-Expires` (the tus expiration extension): an upload lives `expiry` after its last PATCH.
fn with_expiry(mut r: Response, expiry: std::time::Duration) -> Response {
    if let Ok(v) = HeaderValue::from_str(&super::sweep::expires_header(expiry, chrono::Utc::now())) {
        r.headers_mut().insert("upload-expires", v);
    }
    r
}

/// `OPTIONS /v1/uploads`: what the server supports.
pub async fn options<G: PhotoGate>(State(state): State<UploadState<G>>) -> Response {
    let mut r = StatusCode::NO_CONTENT.into_response();
    let h = r.headers_mut();
    h.insert("tus-resumable", HeaderValue::from_static(tus::TUS_VERSION));
    h.insert("tus-version", HeaderValue::from_static(tus::TUS_VERSION));
    h.insert("tus-extension", HeaderValue::from_static("creation,checksum,expiration"));
    h.insert("tus-checksum-algorithm", HeaderValue::from_static("sha1,sha256"));
    h.insert("tus-max-size", HeaderValue::from(state.max_size));
    r
}

/// `POST /v1/uploads`: a new upload, or one created complete when the photo is already held.
pub async fn create<G: PhotoGate>(
    State(state): State<UploadState<G>>,
    ext: Option<Extension<Caller>>,
    headers: HeaderMap,
) -> Answer {
    let caller = caller(ext)?;
    if !resumable_ok(&headers) {
        return Err(errors::version());
    }
    let length = number(&headers, "upload-length").ok_or_else(|| errors::bad_header("upload.bad_length"))?;
    if length > state.max_size {
        return Err(errors::too_large());
    }
    let meta = header(&headers, "upload-metadata").and_then(tus::parse_metadata);
    let meta = meta.ok_or_else(|| errors::bad_header("upload.bad_metadata"))?;
    let get = |k: &str| meta.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let sha256 =
        get("sha256").filter(|s| tus::is_sha256_hex(s)).ok_or_else(|| errors::bad_header("upload.bad_metadata"))?;
    let photo_id = get("photo_id")
        .filter(|s| !s.is_empty() && s.len() <= 64)
        .ok_or_else(|| errors::bad_header("upload.bad_metadata"))?;
    // The gate first, held or not: "already held" is told only to a caller whose own record names the hash, so
    // the answer is no oracle of which photos the server holds.
    state.gate.authorize_upload(&caller, &sha256, &photo_id, length).await.map_err(gate_error)?;
    let held = state.gate.exists(&sha256).await;
    let id = tus::hex(&rand::random::<[u8; 16]>());
    let info = UploadInfo {
        id: id.clone(),
        length,
        offset: if held { length } else { 0 },
        sha256,
        photo_id,
        account_id: caller.account_id.clone(),
    };
    parts::save_info(state.store.as_ref(), &info).await.map_err(storage)?;
    let mut r = with_expiry(with_offsets(StatusCode::CREATED, &info), state.expiry);
    let location = HeaderValue::from_str(&format!("/v1/uploads/{id}")).map_err(|_| errors::storage())?;
    r.headers_mut().insert("location", location);
    Ok(r)
}

async fn own_upload<G: PhotoGate>(state: &UploadState<G>, caller: &Caller, id: &str) -> Result<UploadInfo, TusError> {
    if !is_upload_id(id) {
        return Err(errors::not_found());
    }
    let info = parts::load_info(state.store.as_ref(), id).await.map_err(storage)?.ok_or_else(errors::not_found)?;
    if info.account_id != caller.account_id {
        return Err(errors::forbidden());
    }
    Ok(info)
}

/// `HEAD /v1/uploads/{id}`: how far the upload has got.
pub async fn offset<G: PhotoGate>(
    State(state): State<UploadState<G>>,
    ext: Option<Extension<Caller>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Answer {
    let caller = caller(ext)?;
    if !resumable_ok(&headers) {
        return Err(errors::version());
    }
    let info = own_upload(&state, &caller, &id).await?;
    Ok(with_offsets(StatusCode::OK, &info))
}

/// `PATCH /v1/uploads/{id}`: the next chunk; on the last byte the photo is checked and stored.
///
/// Every check that needs no body (version, type, the upload is the caller's, the offset, the declared length) comes
/// before a byte of the body is read, and the body is never read past the upload's remaining length: a PATCH to
/// someone else's upload, or a body larger than announced, costs the server no memory.
pub async fn append<G: PhotoGate>(
    State(state): State<UploadState<G>>,
    ext: Option<Extension<Caller>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Answer {
    let caller = caller(ext)?;
    if !resumable_ok(&headers) {
        return Err(errors::version());
    }
    if header(&headers, "content-type") != Some("application/offset+octet-stream") {
        return Err(errors::content_type());
    }
    let mut info = own_upload(&state, &caller, &id).await?;
    let at = number(&headers, "upload-offset").ok_or_else(|| errors::bad_header("upload.bad_offset"))?;
    if at != info.offset {
        return Err(errors::offset());
    }
    let room = info.length.saturating_sub(info.offset);
    if number(&headers, "content-length").is_some_and(|n| n > room) {
        return Err(errors::too_large());
    }
    let body = read_body(body, room).await?;
    tus::check_chunk(&headers, &body)?;
    if body.is_empty() {
        return Ok(with_expiry(with_offsets(StatusCode::NO_CONTENT, &info), state.expiry));
    }
    let store = state.store.as_ref();
    parts::save_chunk(store, &info.id, info.offset, body.clone()).await.map_err(storage)?;
    let reached = info.offset + body.len() as u64;
    if reached < info.length {
        info.offset = reached;
        parts::save_info(store, &info).await.map_err(storage)?;
        return Ok(with_expiry(with_offsets(StatusCode::NO_CONTENT, &info), state.expiry));
    }
    // The last byte. The info keeps the previous offset until the photo is stored: when storing fails, `HEAD` tells
    // the client to send the last chunk again, and that PATCH finishes the upload.
    let whole = UploadInfo { offset: reached, ..info };
    if state.gate.exists(&whole.sha256).await {
        let _ = parts::remove(store, &whole.id).await;
    } else {
        finish(&state, &caller, &whole).await?;
    }
    Ok(with_offsets(StatusCode::NO_CONTENT, &whole))
}

/// The body, refused as too large as soon as it passes `room` bytes (nothing more is read).
async fn read_body(body: Body, room: u64) -> Result<Bytes, TusError> {
    let mut stream = body.into_data_stream();
    let mut out = BytesMut::new();
    while let Some(frame) = stream.next().await {
        let frame = frame.map_err(|_| errors::incomplete())?;
        if (out.len() + frame.len()) as u64 > room {
            return Err(errors::too_large());
        }
        out.extend_from_slice(&frame);
    }
    Ok(out.freeze())
}

/// Joins the chunks, checks the hash and the gate, writes `photos/<sha256>.jpg`, and only then lets the gate record
/// the photo as held: a failed write leaves nothing marked held, and the upload stays for a retry. A check that
/// fails for good removes the upload: its bytes can never become valid.
async fn finish<G: PhotoGate>(state: &UploadState<G>, caller: &Caller, info: &UploadInfo) -> Result<(), TusError> {
    let store = state.store.as_ref();
    let bytes = parts::assemble(store, info).await.map_err(storage)?;
    if bytes.len() as u64 != info.length || tus::sha256_hex(&bytes) != info.sha256 {
        return Err(refuse(state, info, GateError::HashMismatch).await);
    }
    // The read-only check first, so the bytes of a refused record are never written.
    if let Err(e) = state.gate.authorize_upload(caller, &info.sha256, &info.photo_id, info.length).await {
        return Err(refuse(state, info, e).await);
    }
    let path = photo_path(&info.sha256);
    store.put(&path, bytes.into()).await.map_err(storage)?;
    match state.gate.accept(caller, &info.sha256, &info.photo_id, &path).await {
        Ok(()) => {
            let _ = parts::remove(store, &info.id).await;
            Ok(())
        }
        Err(e) => {
            // Refused between the check and now (a flag came in): the bytes go, unless another upload holds them.
            if !matches!(e, GateError::Storage(_)) && !state.gate.exists(&info.sha256).await {
                let _ = store.delete(&path).await;
            }
            Err(refuse(state, info, e).await)
        }
    }
}

/// The answer to a refused upload: a storage failure keeps the upload for a retry; any other refusal removes it.
async fn refuse<G: PhotoGate>(state: &UploadState<G>, info: &UploadInfo, e: GateError) -> TusError {
    if let GateError::Storage(detail) = &e {
        tracing::warn!(error = %detail, "photo gate failed; the upload stays for a retry");
    } else {
        let _ = parts::remove(state.store.as_ref(), &info.id).await;
    }
    gate_error(e)
}

/// `HEAD /v1/photos/{sha256}`: 200 when held and in the caller's scope.
pub async fn photo_head<G: PhotoGate>(
    State(state): State<UploadState<G>>,
    ext: Option<Extension<Caller>>,
    Path(sha256): Path<String>,
) -> Answer {
    let caller = caller(ext)?;
    if !tus::is_sha256_hex(&sha256) {
        return Err(errors::not_found());
    }
    state.gate.may_read(&caller, &sha256).await.map_err(gate_error)?;
    let meta = state.store.head(&photo_path(&sha256)).await.map_err(|_| errors::not_found())?;
    let mut r = StatusCode::OK.into_response();
    r.headers_mut().insert("content-type", HeaderValue::from_static("image/jpeg"));
    r.headers_mut().insert("content-length", HeaderValue::from(meta.size));
    Ok(r)
}

/// `GET /v1/photos/{sha256}`: the JPEG, when in the caller's scope.
pub async fn photo<G: PhotoGate>(
    State(state): State<UploadState<G>>,
    ext: Option<Extension<Caller>>,
    Path(sha256): Path<String>,
) -> Answer {
    let caller = caller(ext)?;
    if !tus::is_sha256_hex(&sha256) {
        return Err(errors::not_found());
    }
    state.gate.may_read(&caller, &sha256).await.map_err(gate_error)?;
    let got = state.store.get(&photo_path(&sha256)).await.map_err(|_| errors::not_found())?;
    let bytes = got.bytes().await.map_err(storage)?;
    let mut r = Response::new(Body::from(bytes));
    r.headers_mut().insert("content-type", HeaderValue::from_static("image/jpeg"));
    Ok(r)
}
