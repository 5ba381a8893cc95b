//! A small `/v1` server for the sync client's tests: it speaks the documented protocol (gzip JSON, bearer tokens,
//! push results, pull pages, tus uploads) over real HTTP on loopback, and can be told to misbehave: drop the
//! connection of the next N pushes, cut a photo chunk short, answer 401 for an expired token.

// An error answer is an axum `Response`, large by nature; boxing it would only obscure the test server.
#![allow(clippy::result_large_err)]

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, head, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use sha2::{Digest, Sha256};
use vieclam_core::sync::wire::*;

/// What the server holds and how it should misbehave.
#[derive(Default)]
pub struct Fake {
    pub token: String,
    pub expired_token: Option<String>,
    /// Mutation ids applied, in order.
    pub applied: Vec<String>,
    pub applied_set: HashSet<String>,
    /// Push requests received (including dropped ones).
    pub push_requests: u32,
    /// Drop the connection of this many pushes before answering.
    pub drop_pushes: u32,
    /// Mutation entity ids to reject.
    pub reject_entity_ids: HashSet<String>,
    pub chain_head: i64,
    pub links_seen: Vec<i64>,
    /// Pull pages by index; the cursor is the next index.
    pub pages: Vec<(Vec<Change>, bool)>,
    pub pull_requests: u32,
    /// Photos held by hash.
    pub photos: HashMap<String, Vec<u8>>,
    /// Uploads: id → (sha, length, bytes so far).
    pub uploads: HashMap<String, (String, u64, Vec<u8>)>,
    /// Cut the next PATCH after this many bytes and drop its connection.
    pub cut_patch_after: Option<usize>,
    pub patch_requests: u32,
    pub last_device: Option<DeviceInfo>,
    /// Name uploads under this origin (`http://host:port`) instead of a path: a Location on another host.
    pub upload_origin: Option<String>,
    /// Answer every pull with a 307 to this URL.
    pub redirect_pull_to: Option<String>,
}

pub type Shared = Arc<Mutex<Fake>>;

/// Starts the server on a free loopback port: (base URL, state).
pub async fn start(fake: Fake) -> (String, Shared) {
    let state = Arc::new(Mutex::new(fake));
    let app = Router::new()
        .route("/v1/auth/login", post(login))
        .route("/v1/auth/logout", post(|| async { StatusCode::NO_CONTENT }))
        .route("/v1/push", post(push))
        .route("/v1/pull", get(pull))
        .route("/v1/photos/{sha}", head(photo_head))
        .route("/v1/uploads", post(create_upload))
        .route("/v1/uploads/{id}", head(upload_head).patch(upload_patch))
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), state)
}

fn error(status: StatusCode, code: &str) -> Response {
    let body = ErrorBody {
        error: ErrorDetail {
            code: code.into(),
            message_vi: format!("lỗi {code}"),
            message_en: format!("error {code}"),
        },
    };
    (status, axum::Json(body)).into_response()
}

fn gunzip(headers: &HeaderMap, body: &[u8]) -> Vec<u8> {
    if headers.get("content-encoding").is_some_and(|v| v == "gzip") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(body).read_to_end(&mut out).expect("gzip body");
        out
    } else {
        body.to_vec()
    }
}

fn authorised(state: &Shared, headers: &HeaderMap) -> Result<(), Response> {
    let given = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    let fake = state.lock().unwrap();
    if fake.expired_token.as_deref().is_some_and(|t| given == format!("Bearer {t}")) {
        return Err(error(StatusCode::UNAUTHORIZED, "auth.expired_token"));
    }
    if given != format!("Bearer {}", fake.token) {
        return Err(error(StatusCode::UNAUTHORIZED, "auth.invalid_token"));
    }
    Ok(())
}

async fn login(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let req: LoginRequest = match serde_json::from_slice(&gunzip(&headers, &body)) {
        Ok(r) => r,
        Err(_) => return error(StatusCode::BAD_REQUEST, "push.malformed"),
    };
    if req.password != "mat-khau-dung" {
        return error(StatusCode::UNAUTHORIZED, "auth.bad_credentials");
    }
    let mut fake = state.lock().unwrap();
    fake.last_device = Some(req.device);
    axum::Json(Session {
        token: fake.token.clone(),
        expires_at: "2030-01-01T00:00:00.000Z".into(),
        account_id: "acc-1".into(),
        role: Role::Inspector,
        display_name: "Nguyễn Văn An".into(),
        username: None,
    })
    .into_response()
}

async fn push(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(r) = authorised(&state, &headers) {
        return r;
    }
    let req: PushRequest = match serde_json::from_slice(&gunzip(&headers, &body)) {
        Ok(r) => r,
        Err(_) => return error(StatusCode::BAD_REQUEST, "push.malformed"),
    };
    let mut fake = state.lock().unwrap();
    fake.push_requests += 1;
    if fake.drop_pushes > 0 {
        fake.drop_pushes -= 1;
        drop(fake);
        // A panicking handler makes the server drop the connection without an answer.
        panic!("dropping the connection on purpose");
    }
    if req.mutations.len() > MAX_PUSH_MUTATIONS {
        return error(StatusCode::PAYLOAD_TOO_LARGE, "push.too_large");
    }
    let mut results = Vec::new();
    for m in &req.mutations {
        let (status, code) = if fake.reject_entity_ids.contains(&m.entity_id) {
            (MutationStatus::Rejected, Some("mutation.bad_payload".to_owned()))
        } else if fake.applied_set.contains(&m.id) {
            (MutationStatus::AlreadyApplied, None)
        } else {
            fake.applied_set.insert(m.id.clone());
            fake.applied.push(m.id.clone());
            (MutationStatus::Applied, None)
        };
        let message = code.as_ref().map(|_| "Nội dung không hợp lệ / The payload is not valid".to_owned());
        results.push(MutationResult { id: m.id.clone(), status, code, message });
    }
    for l in &req.links {
        fake.links_seen.push(l.seq);
        fake.chain_head = fake.chain_head.max(l.seq);
    }
    axum::Json(PushResponse { results, chain_head: fake.chain_head, chain_problems: vec![] }).into_response()
}

async fn pull(State(state): State<Shared>, headers: HeaderMap, Query(q): Query<HashMap<String, String>>) -> Response {
    if let Err(r) = authorised(&state, &headers) {
        return r;
    }
    let mut fake = state.lock().unwrap();
    fake.pull_requests += 1;
    if let Some(to) = fake.redirect_pull_to.clone() {
        return (StatusCode::TEMPORARY_REDIRECT, [("location", to)]).into_response();
    }
    let index: usize = q.get("cursor").and_then(|c| c.strip_prefix("p")).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (changes, reset) = fake.pages.get(index).cloned().unwrap_or_default();
    let next = if index < fake.pages.len() { index + 1 } else { index };
    let more = next < fake.pages.len();
    axum::Json(PullResponse { changes, cursor: format!("p{next}"), more, reset }).into_response()
}

async fn photo_head(State(state): State<Shared>, headers: HeaderMap, Path(sha): Path<String>) -> Response {
    if let Err(r) = authorised(&state, &headers) {
        return r;
    }
    if state.lock().unwrap().photos.contains_key(&sha) { StatusCode::OK } else { StatusCode::NOT_FOUND }.into_response()
}

fn metadata(headers: &HeaderMap, key: &str) -> Option<String> {
    let text = headers.get("upload-metadata")?.to_str().ok()?;
    text.split(',').find_map(|pair| {
        let (k, v) = pair.trim().split_once(' ')?;
        (k == key).then(|| String::from_utf8(B64.decode(v).ok()?).ok()).flatten()
    })
}

async fn create_upload(State(state): State<Shared>, headers: HeaderMap) -> Response {
    if let Err(r) = authorised(&state, &headers) {
        return r;
    }
    let len: u64 = headers.get("upload-length").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    let Some(sha) = metadata(&headers, "sha256") else { return error(StatusCode::BAD_REQUEST, "push.malformed") };
    let mut fake = state.lock().unwrap();
    let id = format!("u{}", fake.uploads.len() + 1);
    fake.uploads.insert(id.clone(), (sha, len, Vec::new()));
    let origin = fake.upload_origin.clone().unwrap_or_default();
    (StatusCode::CREATED, [("location", format!("{origin}/v1/uploads/{id}")), ("upload-offset", "0".into())])
        .into_response()
}

async fn upload_head(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(r) = authorised(&state, &headers) {
        return r;
    }
    let fake = state.lock().unwrap();
    match fake.uploads.get(&id) {
        Some((_, len, got)) => {
            (StatusCode::OK, [("upload-offset", got.len().to_string()), ("upload-length", len.to_string())])
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn upload_patch(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(r) = authorised(&state, &headers) {
        return r;
    }
    let offset: usize = headers.get("upload-offset").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(usize::MAX);
    let checksum = headers.get("upload-checksum").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let mut fake = state.lock().unwrap();
    fake.patch_requests += 1;
    let cut = fake.cut_patch_after.take();
    let Some((sha, len, got)) = fake.uploads.get_mut(&id) else { return StatusCode::NOT_FOUND.into_response() };
    if offset != got.len() {
        return error(StatusCode::CONFLICT, "upload.offset_mismatch");
    }
    if let Some(n) = cut {
        // Part of the chunk arrived, then the connection broke.
        got.extend_from_slice(&body[..n.min(body.len())]);
        drop(fake);
        panic!("cutting the upload on purpose");
    }
    let want = format!("sha256 {}", B64.encode(Sha256::digest(&body)));
    if checksum != want {
        return error(StatusCode::from_u16(460).unwrap(), "upload.checksum_mismatch");
    }
    got.extend_from_slice(&body);
    let new_offset = got.len();
    if new_offset as u64 == *len {
        let hex: String = Sha256::digest(&*got).iter().map(|b| format!("{b:02x}")).collect();
        if hex != *sha {
            return error(StatusCode::UNPROCESSABLE_ENTITY, "photo.hash_mismatch");
        }
        let (sha, bytes) = (sha.clone(), got.clone());
        fake.photos.insert(sha, bytes);
    }
    (StatusCode::NO_CONTENT, [("upload-offset", new_offset.to_string())]).into_response()
}
