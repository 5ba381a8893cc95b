//! The `/v1` HTTP API (docs/sync-protocol.md): routes, gzip both ways, the body size limit, and the OpenAPI
//! document built from the core's wire types.

pub mod auth;
mod bodies;
pub mod body;
pub mod evidence;
mod field;
mod links;
pub mod openapi;
pub mod pull;
mod push;
pub mod reads;
pub mod scope;

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};
use serde_json::json;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

use crate::auth::require_caller;
use crate::state::AppState;
use crate::store::photos::DbGate;
use crate::uploads::{self, UploadState};

pub use openapi::openapi;

/// The largest push body accepted, after decompression: a full batch of
/// [`vieclam_core::sync::wire::MAX_PUSH_MUTATIONS`] registrations with 1,000 signed links measures 1.56 MB
/// (`mem_bench` prints it), so 4 MB leaves room for longer notes while a gzip bomb stops at 4 MB.
pub const PUSH_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// The largest body of every other request, after decompression (sign-in, activation, enrolment, logout, verify).
pub const SMALL_BODY_LIMIT: usize = 16 * 1024;

/// The router for `/v1` (the caller adds `into_make_service_with_connect_info`).
pub fn router(state: AppState) -> Router {
    // Each route reads its body through the bounded decompression of its size (`body::bounded`).
    let push = Router::new()
        .route("/v1/push", post(push::push))
        .layer(middleware::from_fn(|r, n| body::bounded(PUSH_BODY_LIMIT, r, n)));
    let v1 = Router::new()
        .route("/v1/health", get(|| async { Json(json!({ "status": "ok" })) }))
        .route("/v1/openapi.json", get(|| async { Json(openapi()) }))
        .route("/v1/auth/login", post(auth::login))
        .route("/v1/auth/activate", post(auth::activate))
        .route("/v1/auth/enrol", post(auth::enrol))
        .route("/v1/auth/logout", post(auth::logout))
        .route("/v1/pull", get(pull::pull))
        .route("/v1/loans/{id}", get(reads::loan))
        .route("/v1/checks/{id}", get(reads::check))
        .route("/v1/registrations/{id}", get(reads::registration))
        .route("/v1/registrations/{id}/verify", post(reads::verify))
        .layer(middleware::from_fn(|r, n| body::bounded(SMALL_BODY_LIMIT, r, n)))
        .merge(push)
        .layer(DefaultBodyLimit::max(PUSH_BODY_LIMIT))
        // zstd when the client takes it (the core's client does), gzip otherwise. Level 9: a first download's pull
        // pages shrink by about a quarter against gzip's default, for a few milliseconds of server CPU per page.
        // Answers under 1 KB ("nothing new", push results) go as they are: setting up a level-9 compressor costs
        // more server CPU than the few bytes it would save.
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Precise(9))
                .compress_when(DefaultPredicate::new().and(SizeAbove::new(1024))),
        )
        .with_state(state.clone());
    // The uploads carry their own body limit and take the caller from the extensions the middleware fills.
    let gate = Arc::new(DbGate::new(state.db.clone()));
    let uploads = uploads::router(UploadState::new(state.photos.clone(), gate))
        .layer(middleware::from_fn_with_state(state, require_caller));
    v1.merge(uploads)
}
