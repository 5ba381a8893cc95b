//! The `/v1` HTTP API (docs/sync-protocol.md): routes, gzip both ways, the body size limit, and the OpenAPI
//! document built from the core's wire types.

mod auth;
pub mod body;
mod field;
mod links;
pub mod pull;
mod push;
pub mod reads;
pub mod scope;

use axum::Json;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use serde_json::{Value, json};
use tower_http::compression::CompressionLayer;
use tower_http::decompression::RequestDecompressionLayer;
use utoipa::OpenApi;
use vieclam_core::sync::wire;

use crate::state::AppState;

/// The largest request body accepted, after decompression (500 mutations with their signed links fit easily).
pub const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// The OpenAPI document: the protocol's bodies as schemas.
#[derive(OpenApi)]
#[openapi(
    info(title = "Vieclam sync API", version = "1"),
    components(schemas(
        wire::Role, wire::DeviceInfo, wire::LoginRequest, wire::ActivateRequest, wire::EnrolRequest, wire::Session,
        wire::MutationOp, wire::Mutation, wire::PushRequest, wire::MutationStatus, wire::MutationResult,
        wire::PushResponse, wire::ChainProblem, wire::ChangeOp, wire::Change, wire::PullResponse, wire::ErrorBody,
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
    doc["paths"] = json!({
        "/v1/auth/login": { "post": op("Sign in with a password", Some("LoginRequest"), "Session") },
        "/v1/auth/activate": { "post": op("Activate a borrower's device", Some("ActivateRequest"), "Session") },
        "/v1/auth/enrol": { "post": op("Enrol a returning worker", Some("EnrolRequest"), "Session") },
        "/v1/auth/logout": { "post": { "summary": "Revoke this token", "responses": { "204": { "description": "revoked" } } } },
        "/v1/push": { "post": op("Push outbox mutations and chain links", Some("PushRequest"), "PushResponse") },
        "/v1/pull": { "get": op("Pull the next page of changes", None, "PullResponse") },
    });
    doc
}

/// The router for `/v1` (the caller adds `into_make_service_with_connect_info`).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/health", get(|| async { Json(json!({ "status": "ok" })) }))
        .route("/v1/openapi.json", get(|| async { Json(openapi()) }))
        .route("/v1/auth/login", post(auth::login))
        .route("/v1/auth/activate", post(auth::activate))
        .route("/v1/auth/enrol", post(auth::enrol))
        .route("/v1/auth/logout", post(auth::logout))
        .route("/v1/push", post(push::push))
        .route("/v1/pull", get(pull::pull))
        .route("/v1/loans/{id}", get(reads::loan))
        .route("/v1/checks/{id}", get(reads::check))
        .route("/v1/registrations/{id}", get(reads::registration))
        .route("/v1/registrations/{id}/verify", post(reads::verify))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestDecompressionLayer::new())
        .layer(CompressionLayer::new())
        .with_state(state)
}
