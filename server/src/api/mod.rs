//! The `/v1` HTTP API (docs/sync-protocol.md): routes, gzip both ways, the body size limit, and the OpenAPI
//! document built from the core's wire types.

pub mod auth;
mod bodies;
pub mod body;
pub mod evidence;
mod field;
mod links;
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
use serde_json::{Value, json};
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use utoipa::OpenApi;
use vieclam_core::sync::wire;

use crate::auth::require_caller;
use crate::state::AppState;
use crate::store::photos::DbGate;
use crate::uploads::{self, UploadState};

/// The largest push body accepted, after decompression: a full batch of [`wire::MAX_PUSH_MUTATIONS`] registrations
/// with 1,000 signed links measures 1.56 MB (`mem_bench` prints it), so 4 MB leaves room for longer notes while a
/// gzip bomb stops at 4 MB.
pub const PUSH_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// The largest body of every other request, after decompression (sign-in, activation, enrolment, logout, verify).
pub const SMALL_BODY_LIMIT: usize = 16 * 1024;

/// The OpenAPI document: the protocol's bodies as schemas.
#[derive(OpenApi)]
#[openapi(
    info(title = "Vieclam sync API", version = "1"),
    components(schemas(
        wire::Role,
        wire::DeviceInfo,
        wire::LoginRequest,
        wire::ActivateRequest,
        wire::EnrolRequest,
        wire::Session,
        wire::MutationOp,
        wire::Mutation,
        wire::PushRequest,
        wire::MutationStatus,
        wire::MutationResult,
        wire::PushResponse,
        wire::ChainProblem,
        wire::ChangeOp,
        wire::Change,
        wire::PullResponse,
        wire::ErrorBody,
        wire::ErrorDetail
    ))
)]
pub struct ApiDoc;

/// The OpenAPI document with the protocol's paths listed.
pub fn openapi() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_else(|_| json!({}));
    let op = |summary: &str, req: Option<&str>, resp: &str| {
        let mut o = json!({ "summary": summary, "responses": { "200": { "description": "OK",
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{resp}") } } } },
            "default": { "description": "error", "content": { "application/json": {
                "schema": { "$ref": "#/components/schemas/ErrorBody" } } } } } });
        if let Some(req) = req {
            o["requestBody"] = json!({ "content": { "application/json": {
                "schema": { "$ref": format!("#/components/schemas/{req}") } } } });
        }
        o
    };
    let err = json!({ "description": "error", "content": { "application/json": {
        "schema": { "$ref": "#/components/schemas/ErrorBody" } } } });
    doc["paths"] = json!({
        "/v1/auth/login": { "post": op("Sign in with a password", Some("LoginRequest"), "Session") },
        "/v1/auth/activate": { "post": op("Activate a borrower's device", Some("ActivateRequest"), "Session") },
        "/v1/auth/enrol": { "post": op("Enrol a returning worker", Some("EnrolRequest"), "Session") },
        "/v1/auth/logout": { "post": { "summary": "Revoke this token", "responses": { "204": { "description": "revoked" } } } },
        "/v1/push": { "post": op("Push outbox mutations and chain links", Some("PushRequest"), "PushResponse") },
        "/v1/pull": { "get": op("Pull the next page of changes", None, "PullResponse") },
        "/v1/uploads": {
            "options": { "summary": "tus capabilities", "responses": { "204": { "description": "Tus-Version, Tus-Extension, Tus-Max-Size" } } },
            "post": { "summary": "Create a tus upload (Upload-Length, Upload-Metadata: sha256, photo_id)",
                "responses": { "201": { "description": "created; Location" }, "422": err.clone() } },
        },
        "/v1/uploads/{id}": {
            "head": { "summary": "The upload's offset", "responses": { "200": { "description": "Upload-Offset, Upload-Length" } } },
            "patch": { "summary": "Append a chunk (application/offset+octet-stream)",
                "responses": { "204": { "description": "new Upload-Offset" }, "409": err.clone(), "422": err.clone() } },
        },
        "/v1/photos/{sha256}": {
            "head": { "summary": "Whether the photo is held, in scope", "responses": { "200": { "description": "held" } } },
            "get": { "summary": "The JPEG, in scope", "responses": { "200": { "description": "image/jpeg",
                "content": { "image/jpeg": {} } }, "404": err } },
        },
    });
    doc
}

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
