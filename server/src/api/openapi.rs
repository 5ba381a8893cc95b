//! The OpenAPI document at `/v1/openapi.json`: the bodies are the core's wire types (derived with utoipa), and the
//! paths come from one table, [`OPERATIONS`], that lists for each operation its parameters and headers (with their
//! schema, format and pattern), whether it needs the bearer token, and every status it can answer.
//!
//! The document must say what the server does: a generated client or test tool that follows it must never send a
//! "valid" request that the server refuses for a reason the document does not give.

use serde_json::{Map, Value, json};
use utoipa::OpenApi;
use vieclam_core::sync::wire;

/// A UUID in canonical text form, as `vieclam_core::ids::is_id` takes it (office records may carry v4 ids; devices
/// make v7).
pub const ID_PATTERN: &str = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// A SHA-256 in lowercase hex (photos, body and link hashes).
pub const SHA256_PATTERN: &str = "^[0-9a-f]{64}$";

/// An Ed25519 public key: 32 bytes as hex.
pub const PUBLIC_KEY_PATTERN: &str = "^[0-9a-fA-F]{64}$";

/// A tus upload id: 16 random bytes as hex.
pub const UPLOAD_ID_PATTERN: &str = "^[0-9a-fA-F]{32}$";

/// The protocol's bodies as schemas.
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

mod operations;

use operations::{Body, In, OPERATIONS, Operation, Param, Status};

fn param(p: &Param) -> Value {
    let place = match p.place {
        In::Path => "path",
        In::Query => "query",
        In::Header => "header",
    };
    let schema: Value = serde_json::from_str(p.schema).unwrap_or_else(|_| json!({}));
    json!({ "name": p.name, "in": place, "required": p.required, "description": p.description, "schema": schema })
}

fn response(s: &Status, path: &str) -> Value {
    let mut r = json!({ "description": s.description });
    match s.body {
        Some("") => r["content"] = json!({ "application/json": { "schema": { "type": "object" } } }),
        Some(name) => {
            r["content"] =
                json!({ "application/json": { "schema": { "$ref": format!("#/components/schemas/{name}") } } })
        }
        None if path.starts_with("/v1/photos/") && s.code == 200 => {
            r["content"] = json!({ "image/jpeg": { "schema": { "type": "string", "format": "binary" } } })
        }
        None => {}
    }
    if !s.headers.is_empty() {
        let headers: Map<String, Value> = s
            .headers
            .iter()
            .map(|(name, desc)| ((*name).to_owned(), json!({ "description": desc, "schema": { "type": "string" } })))
            .collect();
        r["headers"] = Value::Object(headers);
    }
    r
}

fn operation(op: &Operation) -> Value {
    let mut o = json!({ "operationId": op.id, "summary": op.summary });
    if !op.params.is_empty() {
        o["parameters"] = Value::Array(op.params.iter().map(param).collect());
    }
    o["security"] = if op.bearer { json!([{ "bearer": [] }]) } else { json!([]) };
    match op.body {
        Some(Body::Json(name)) => {
            o["requestBody"] = json!({ "required": true, "content": { "application/json": {
                "schema": { "$ref": format!("#/components/schemas/{name}") } } } });
        }
        Some(Body::Bytes(media)) => {
            o["requestBody"] = json!({ "required": true, "content": { media: { "schema": { "type": "string", "format": "binary" } } } });
        }
        None => {}
    }
    let responses: Map<String, Value> =
        op.statuses.iter().map(|s| (s.code.to_string(), response(s, op.path))).collect();
    o["responses"] = Value::Object(responses);
    o
}

/// Sets `key: value` on the property `prop` of the component schema `schema`, when both exist.
fn constrain(doc: &mut Value, schema: &str, prop: &str, extra: Value) {
    if let (Some(p), Some(extra)) =
        (doc["components"]["schemas"][schema]["properties"][prop].as_object_mut(), extra.as_object())
    {
        for (k, v) in extra {
            p.insert(k.clone(), v.clone());
        }
    }
}

/// The formats and patterns of the wire types' ids, hashes and keys, and the byte bounds of the sign-in fields
/// (as character counts a quarter of the byte bound, so any UTF-8 text within them is within the bound).
fn constrain_components(doc: &mut Value) {
    let id = json!({ "format": "uuid", "pattern": ID_PATTERN });
    constrain(doc, "DeviceInfo", "device_id", id.clone());
    constrain(doc, "DeviceInfo", "public_key", json!({ "pattern": PUBLIC_KEY_PATTERN }));
    constrain(doc, "DeviceInfo", "name", json!({ "maxLength": wire::MAX_DEVICE_NAME_BYTES / 4 }));
    constrain(doc, "DeviceInfo", "platform", json!({ "enum": ["android", "ios", "desktop"] }));
    constrain(doc, "LoginRequest", "username", json!({ "maxLength": wire::MAX_USERNAME_BYTES / 4 }));
    constrain(doc, "LoginRequest", "password", json!({ "maxLength": wire::MAX_PASSWORD_BYTES / 4 }));
    constrain(doc, "ActivateRequest", "code", json!({ "maxLength": wire::MAX_ID_BYTES / 4 }));
    constrain(doc, "ActivateRequest", "id_number", json!({ "maxLength": wire::MAX_ID_BYTES / 4 }));
    constrain(
        doc,
        "EnrolRequest",
        "full_name",
        json!({ "pattern": r"^[^\s\p{Cc}][^\p{Cc}]{0,119}$", "maxLength": 120 }),
    );
    constrain(
        doc,
        "EnrolRequest",
        "phone",
        json!({ "pattern": "^(0|84|\\+84)(3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$" }),
    );
    constrain(doc, "EnrolRequest", "password", json!({ "minLength": 8, "maxLength": wire::MAX_PASSWORD_BYTES / 4 }));
    constrain(doc, "Session", "account_id", id.clone());
    constrain(doc, "Session", "expires_at", json!({ "format": "date-time" }));
    constrain(doc, "Mutation", "id", id.clone());
    constrain(doc, "Mutation", "entity", json!({ "minLength": 1 }));
    constrain(doc, "Mutation", "entity_id", json!({ "minLength": 1, "maxLength": 75 }));
    constrain(doc, "MutationResult", "id", id.clone());
    constrain(
        doc,
        "PushRequest",
        "mutations",
        json!({ "maxItems": wire::MAX_PUSH_MUTATIONS, "items": { "$ref": "#/components/schemas/Mutation" } }),
    );
    constrain(
        doc,
        "PushRequest",
        "links",
        json!({ "maxItems": wire::MAX_PUSH_LINKS, "items": { "$ref": "#/components/schemas/SignedLink" } }),
    );
    let hash = json!({ "type": "string", "pattern": SHA256_PATTERN });
    doc["components"]["schemas"]["SignedLink"] = json!({
        "type": "object",
        "description": "One link of a device's evidence chain (docs/evidence.md).",
        "required": ["seq", "device_id", "kind", "record_id", "body", "body_hash", "prev_hash", "link_hash",
            "signature", "created_at"],
        "properties": {
            "seq": { "type": "integer", "format": "int64", "minimum": 1 },
            "device_id": { "type": "string", "format": "uuid", "pattern": ID_PATTERN,
                "description": "The signed-in device's own id (400 push.malformed otherwise)",
                "x-vieclam-equals": "session.device_id" },
            "kind": { "type": "string" },
            "record_id": { "type": "string" },
            "body": { "type": "string", "description": "The record as canonical JSON text" },
            "body_hash": hash,
            "prev_hash": hash,
            "link_hash": hash,
            "signature": { "type": "string", "pattern": "^[0-9a-f]{128}$" },
            "created_at": { "type": "string" }
        }
    });
}

/// The whole document: the wire types' schemas, every path of [`OPERATIONS`], and the bearer scheme.
pub fn openapi() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_else(|_| json!({}));
    constrain_components(&mut doc);
    doc["components"]["securitySchemes"] =
        json!({ "bearer": { "type": "http", "scheme": "bearer", "description": "The token of a Session" } });
    let mut paths = Map::new();
    for op in OPERATIONS {
        let entry = paths.entry(op.path.to_owned()).or_insert_with(|| json!({}));
        entry[op.method] = operation(op);
    }
    doc["paths"] = Value::Object(paths);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_parameter_is_declared() {
        let doc = openapi();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                for part in path.split('/').filter(|p| p.starts_with('{')) {
                    let name = part.trim_matches(['{', '}']);
                    let declared = op["parameters"]
                        .as_array()
                        .is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
                    assert!(declared, "{method} {path}: {name} undeclared");
                }
                assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()), "{method} {path}");
            }
        }
        assert_eq!(doc["components"]["schemas"]["Mutation"]["properties"]["id"]["pattern"], ID_PATTERN);
    }
}
