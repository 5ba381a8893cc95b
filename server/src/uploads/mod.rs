//! Resumable photo uploads: tus 1.0 (core + creation + checksum) over any `object_store`, as
//! `docs/sync-protocol.md` describes them.
//!
//! The upload's state lives in the object store itself (`uploads/<id>/info.json` and one object per received
//! chunk, like tusd's S3 store), so server processes stay stateless and any store works: a local folder by default,
//! S3-compatible in deployment. When the last byte arrives the chunks are joined, their SHA-256 compared with the
//! one announced, and the [`PhotoGate`] (the storage layer: does a signed `check_photo` record of this caller name
//! this hash, and did its evidence link verify?) is asked before the photo is written at `photos/<sha256>.jpg`.
//! The object is written before the gate records it, so a failed write never leaves a photo marked held without
//! its bytes. Uploads left unfinished expire (the tus expiration extension) and [`sweep`] removes them.

mod handlers;
mod parts;
pub mod sweep;
pub mod tus;

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use object_store::ObjectStore;
use vieclam_core::sync::wire::Role;

pub use parts::{UploadInfo, photo_path};
pub use tus::{TUS_VERSION, parse_metadata};

/// Largest photo accepted, in bytes (a stamped photo is ≤ 400 KB; originals kept by mistake stay well under).
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1024 * 1024;

/// How long an upload may sit without a PATCH before it expires and the sweeper removes it.
pub const DEFAULT_EXPIRY: Duration = Duration::from_secs(24 * 3600);

/// The expiry new [`UploadState`]s take, in seconds. A process setting rather than a field of the app state because
/// the upload routes are built by `api::router` from the shared state; `serve` sets it once before building them.
static EXPIRY_SECS: AtomicU64 = AtomicU64::new(DEFAULT_EXPIRY.as_secs());

/// Sets the expiry of uploads for the routes built from now on (`serve --upload-expiry-secs`).
pub fn set_expiry(expiry: Duration) {
    EXPIRY_SECS.store(expiry.as_secs().max(1), Ordering::Relaxed);
}

/// The expiry set by [`set_expiry`] (24 h unless set).
pub fn expiry() -> Duration {
    Duration::from_secs(EXPIRY_SECS.load(Ordering::Relaxed))
}

/// Who is calling, put into the request's extensions by the auth middleware.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The account.
    pub account_id: String,
    /// The device the token belongs to.
    pub device_id: String,
    /// The account's role.
    pub role: Role,
}

/// Why the gate refused a photo; each maps to a stable code on the wire.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GateError {
    /// The bytes do not hash to what the record says (`photo.hash_mismatch`).
    #[error("photo.hash_mismatch")]
    HashMismatch,
    /// No `check_photo` record of this caller names this hash (`photo.unknown_record`).
    #[error("photo.unknown_record")]
    UnknownRecord,
    /// The record's evidence link failed verification (`photo.bad_signature`).
    #[error("photo.bad_signature")]
    BadSignature,
    /// Outside the caller's role or scope (`scope.forbidden`).
    #[error("scope.forbidden")]
    Forbidden,
    /// Nothing of this hash in the caller's scope (`not_found`).
    #[error("not_found")]
    NotFound,
    /// The storage layer failed; the client retries later.
    #[error("storage: {0}")]
    Storage(String),
}

/// What the uploads need from the storage layer. The server's database implements it; tests implement it over a map.
pub trait PhotoGate: Send + Sync + 'static {
    /// Whether `caller` may start uploading `len` bytes of the photo `photo_id` with this hash (lowercase hex).
    fn authorize_upload(
        &self,
        caller: &Caller,
        sha256: &str,
        photo_id: &str,
        len: u64,
    ) -> impl Future<Output = Result<(), GateError>> + Send;

    /// Called once the bytes are whole and hash to `sha256`, before they are written at `path`: the last chance to
    /// refuse (the record's signature). On `Ok` the storage layer records where the photo is.
    fn accept(
        &self,
        caller: &Caller,
        sha256: &str,
        photo_id: &str,
        path: &object_store::path::Path,
    ) -> impl Future<Output = Result<(), GateError>> + Send;

    /// Whether the server already holds a photo with this hash (a repeated upload is then a no-op).
    fn exists(&self, sha256: &str) -> impl Future<Output = bool> + Send;

    /// Whether `caller` may see the photo with this hash (`HEAD`/`GET /v1/photos/{sha256}`).
    fn may_read(&self, caller: &Caller, sha256: &str) -> impl Future<Output = Result<(), GateError>> + Send;
}

/// What the upload routes share.
pub struct UploadState<G> {
    /// Where uploads and photos are kept.
    pub store: Arc<dyn ObjectStore>,
    /// The storage layer's checks.
    pub gate: Arc<G>,
    /// Largest `Upload-Length` accepted.
    pub max_size: u64,
    /// How long an upload lives after its last PATCH (announced as `Upload-Expires`).
    pub expiry: Duration,
}

impl<G> Clone for UploadState<G> {
    fn clone(&self) -> Self {
        UploadState { store: self.store.clone(), gate: self.gate.clone(), max_size: self.max_size, expiry: self.expiry }
    }
}

impl<G: PhotoGate> UploadState<G> {
    /// State over `store` and `gate` with the default size limit and the expiry [`set_expiry`] chose.
    pub fn new(store: Arc<dyn ObjectStore>, gate: Arc<G>) -> Self {
        UploadState { store, gate, max_size: DEFAULT_MAX_SIZE, expiry: expiry() }
    }
}

/// The routes: `OPTIONS`/`POST /v1/uploads`, `HEAD`/`PATCH /v1/uploads/{id}`, `HEAD`/`GET /v1/photos/{sha256}`.
/// Each needs a [`Caller`] in the request's extensions (the auth middleware puts it there).
pub fn router<G: PhotoGate>(state: UploadState<G>) -> Router {
    // A chunk may be the whole photo; the body limit follows the size limit rather than axum's 2 MB default. A PATCH
    // reads its body itself, only after the upload is found to be the caller's, and never past the upload's length.
    let limit = usize::try_from(state.max_size).unwrap_or(usize::MAX).saturating_add(64 * 1024);
    Router::new()
        .route("/v1/uploads", post(handlers::create::<G>).options(handlers::options::<G>))
        .route("/v1/uploads/{id}", axum::routing::head(handlers::offset::<G>).patch(handlers::append::<G>))
        .route("/v1/photos/{sha256}", get(handlers::photo::<G>).head(handlers::photo_head::<G>))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}
