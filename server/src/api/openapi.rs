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

/// Where a parameter goes.
#[derive(Clone, Copy)]
enum In {
    Path,
    Query,
    Header,
}

/// One parameter or request header of an operation.
#[derive(Clone, Copy)]
struct Param {
    name: &'static str,
    place: In,
    required: bool,
    /// The parameter's schema, as JSON text (so the table stays `const`).
    schema: &'static str,
    description: &'static str,
}

/// One status an operation answers, with the error codes it carries (empty for a success).
#[derive(Clone, Copy)]
struct Status {
    code: u16,
    description: &'static str,
    /// The response body: a component schema's name, `None` for no body, or `Some("")` for free-form JSON.
    body: Option<&'static str>,
    /// Response headers the answer carries (each a `name: description`).
    headers: &'static [(&'static str, &'static str)],
}

/// One operation of the table.
struct Operation {
    method: &'static str,
    path: &'static str,
    id: &'static str,
    summary: &'static str,
    /// Whether it needs `Authorization: Bearer <token>`.
    bearer: bool,
    params: &'static [Param],
    /// The request body: a component schema's name, or a media type for raw bytes.
    body: Option<Body>,
    statuses: &'static [Status],
}

#[derive(Clone, Copy)]
enum Body {
    Json(&'static str),
    Bytes(&'static str),
}

const ID_SCHEMA: &str = r#"{"type":"string","format":"uuid","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"}"#;

const ID: Param =
    Param { name: "id", place: In::Path, required: true, schema: ID_SCHEMA, description: "The record's id" };
const SHA256: Param = Param {
    name: "sha256",
    place: In::Path,
    required: true,
    schema: r#"{"type":"string","pattern":"^[0-9a-f]{64}$"}"#,
    description: "The photo's SHA-256, lowercase hex",
};
const UPLOAD_ID: Param = Param {
    name: "id",
    place: In::Path,
    required: true,
    schema: r#"{"type":"string","pattern":"^[0-9a-fA-F]{32}$"}"#,
    description: "The upload's id (the last part of the Location of its creation)",
};
const TUS_RESUMABLE: Param = Param {
    name: "Tus-Resumable",
    place: In::Header,
    required: true,
    schema: r#"{"type":"string","enum":["1.0.0"]}"#,
    description: "The tus version; any other answers 412 upload.unsupported_version",
};

const fn e(code: u16, description: &'static str) -> Status {
    Status { code, description, body: Some("ErrorBody"), headers: &[] }
}

const TUS_HEADERS: &[(&str, &str)] = &[("Tus-Resumable", "1.0.0")];
const OFFSETS: &[(&str, &str)] = &[
    ("Tus-Resumable", "1.0.0"),
    ("Upload-Offset", "Bytes received so far"),
    ("Upload-Length", "The upload's whole length"),
];
const CREATED: &[(&str, &str)] = &[
    ("Tus-Resumable", "1.0.0"),
    ("Location", "The upload's URL, /v1/uploads/{id}"),
    ("Upload-Offset", "0, or the length when the photo is already held"),
    ("Upload-Length", "The upload's whole length"),
    ("Upload-Expires", "When the upload is removed unless continued (RFC 9110 date)"),
];
const APPENDED: &[(&str, &str)] = &[
    ("Tus-Resumable", "1.0.0"),
    ("Upload-Offset", "Bytes received so far"),
    ("Upload-Length", "The upload's whole length"),
    ("Upload-Expires", "When the upload is removed unless continued; absent once finished"),
];
const RETRY_AFTER: &[(&str, &str)] = &[("Retry-After", "Seconds until another attempt is counted")];

const UNAUTHORIZED: Status = e(
    401,
    "No, unknown, revoked or expired token, or a disabled account: auth.missing_token, auth.invalid_token, auth.revoked_token, auth.expired_token",
);
const MALFORMED: Status = e(400, "Not the JSON the endpoint takes, or a broken gzip stream: push.malformed");
const TOO_LARGE: Status = e(413, "The body (after decompression) is over its limit: push.too_large");
const ENCODING: Status = e(415, "A Content-Encoding other than gzip or identity: push.unsupported_encoding");
const INTERNAL: Status = e(500, "The database failed: internal");
const FORBIDDEN: Status = e(403, "Outside the caller's role or scope: scope.forbidden");
const NOT_FOUND: Status = e(404, "No such record: not_found");
const THROTTLED: Status = Status {
    code: 429,
    description: "Too many failed attempts for the account or the address: auth.too_many_attempts",
    body: Some("ErrorBody"),
    headers: RETRY_AFTER,
};
const BUSY: Status = e(503, "Too many sign-ins being checked at once: auth.busy");
const SIGN_IN_400: Status =
    e(400, "Not the JSON the endpoint takes (push.malformed), or a field over its bound (auth.invalid_field)");
const KEY_MISMATCH: Status = e(409, "The device id is registered with another public key: device.key_mismatch");
const DISABLED: Status =
    e(403, "The office disabled the account (auth.account_disabled) or revoked the device (auth.device_revoked)");
const TUS_412: Status = e(412, "Tus-Resumable missing or not 1.0.0: upload.unsupported_version");
const STORAGE: Status = e(503, "The object store or the database failed; retry: storage.unavailable");
const TUS_UNAUTHORIZED: Status = Status {
    code: 401,
    description: "No, unknown, revoked or expired token: auth.*",
    body: Some("ErrorBody"),
    headers: TUS_HEADERS,
};

const fn ok(code: u16, description: &'static str, body: Option<&'static str>) -> Status {
    Status { code, description, body, headers: &[] }
}

/// Every operation of the `/v1` API.
const OPERATIONS: &[Operation] = &[
    Operation {
        method: "get",
        path: "/v1/health",
        id: "health",
        summary: "Whether the server is up",
        bearer: false,
        params: &[],
        body: None,
        statuses: &[ok(200, "Up: {\"status\":\"ok\"}", Some(""))],
    },
    Operation {
        method: "get",
        path: "/v1/openapi.json",
        id: "openapi",
        summary: "This document",
        bearer: false,
        params: &[],
        body: None,
        statuses: &[ok(200, "The OpenAPI document", Some(""))],
    },
    Operation {
        method: "post",
        path: "/v1/auth/login",
        id: "login",
        summary: "Sign in with a password (admin, inspector, worker)",
        bearer: false,
        params: &[],
        body: Some(Body::Json("LoginRequest")),
        statuses: &[
            ok(200, "Signed in", Some("Session")),
            SIGN_IN_400,
            e(401, "Wrong user name or password: auth.bad_credentials"),
            DISABLED,
            KEY_MISMATCH,
            TOO_LARGE,
            ENCODING,
            THROTTLED,
            INTERNAL,
            BUSY,
        ],
    },
    Operation {
        method: "post",
        path: "/v1/auth/activate",
        id: "activate",
        summary: "Activate a borrower's device with a one-time code and their ID number",
        bearer: false,
        params: &[],
        body: Some(Body::Json("ActivateRequest")),
        statuses: &[
            ok(200, "Signed in", Some("Session")),
            SIGN_IN_400,
            e(401, "Wrong, used or expired code, or wrong ID number: auth.bad_activation_code"),
            DISABLED,
            KEY_MISMATCH,
            TOO_LARGE,
            ENCODING,
            THROTTLED,
            INTERNAL,
        ],
    },
    Operation {
        method: "post",
        path: "/v1/auth/enrol",
        id: "enrol",
        summary: "Enrol a returning worker",
        bearer: false,
        params: &[],
        body: Some(Body::Json("EnrolRequest")),
        statuses: &[
            ok(200, "Enrolled and signed in", Some("Session")),
            SIGN_IN_400,
            e(403, "The office revoked this device: auth.device_revoked"),
            e(
                409,
                "The phone number has an account (auth.username_taken) or the device another key (device.key_mismatch)",
            ),
            TOO_LARGE,
            ENCODING,
            e(429, "Too many enrolments from this address: rate_limited"),
            INTERNAL,
            BUSY,
        ],
    },
    Operation {
        method: "post",
        path: "/v1/auth/logout",
        id: "logout",
        summary: "Revoke the token that made the call",
        bearer: true,
        params: &[],
        body: None,
        statuses: &[ok(204, "Revoked", None), UNAUTHORIZED, MALFORMED, TOO_LARGE, ENCODING, INTERNAL],
    },
    Operation {
        method: "post",
        path: "/v1/push",
        id: "push",
        summary: "Push outbox mutations and chain links",
        bearer: true,
        params: &[],
        body: Some(Body::Json("PushRequest")),
        statuses: &[
            ok(200, "Each mutation's result, the chain head and the chain's problems", Some("PushResponse")),
            e(400, "Not a push body, a mutation id that is no UUID, or links of another device: push.malformed"),
            UNAUTHORIZED,
            e(413, "Over 4 MB after decompression, or too many mutations or links: push.too_large"),
            ENCODING,
            INTERNAL,
        ],
    },
    Operation {
        method: "get",
        path: "/v1/pull",
        id: "pull",
        summary: "Pull the next page of changes in the caller's scope",
        bearer: true,
        params: &[
            Param {
                name: "cursor",
                place: In::Query,
                required: false,
                schema: r#"{"type":"string","pattern":"^[A-Za-z0-9_-]*$","x-vieclam-from":"PullResponse.cursor"}"#,
                description: "The cursor of the last page applied (opaque); empty or absent for the start",
            },
            Param {
                name: "limit",
                place: In::Query,
                required: false,
                schema: r#"{"type":"integer","format":"int32","minimum":0,"maximum":4294967295}"#,
                description: "Page size; clamped to 1..=5000",
            },
            Param {
                name: "derive_ids",
                place: In::Query,
                required: false,
                schema: r#"{"type":"boolean"}"#,
                description: "Leave out the ids and parent fields that follow from the page (docs/sync-protocol.md, \
                              ids that follow from the page); for a device that puts them back",
            },
        ],
        body: None,
        statuses: &[
            ok(200, "A page of changes", Some("PullResponse")),
            e(400, "A cursor this server did not make, or a limit that is no number: push.malformed"),
            UNAUTHORIZED,
            INTERNAL,
        ],
    },
    Operation {
        method: "get",
        path: "/v1/loans/{id}",
        id: "loan",
        summary: "A loan with its schedule and payments",
        bearer: true,
        params: &[ID],
        body: None,
        statuses: &[ok(200, "{loan, schedule, payments}", Some("")), UNAUTHORIZED, FORBIDDEN, NOT_FOUND, INTERNAL],
    },
    Operation {
        method: "get",
        path: "/v1/checks/{id}",
        id: "check",
        summary: "A site check with its answers, photos and evidence status",
        bearer: true,
        params: &[ID],
        body: None,
        statuses: &[
            ok(200, "{check, answers, photos, evidence}", Some("")),
            UNAUTHORIZED,
            FORBIDDEN,
            NOT_FOUND,
            INTERNAL,
        ],
    },
    Operation {
        method: "get",
        path: "/v1/registrations/{id}",
        id: "registration",
        summary: "A worker's registration",
        bearer: true,
        params: &[ID],
        body: None,
        statuses: &[ok(200, "The registration", Some("")), UNAUTHORIZED, FORBIDDEN, NOT_FOUND, INTERNAL],
    },
    Operation {
        method: "post",
        path: "/v1/registrations/{id}/verify",
        id: "verify_registration",
        summary: "Mark a registration verified (admin)",
        bearer: true,
        params: &[ID],
        body: None,
        statuses: &[
            ok(200, "The registration, verified", Some("")),
            MALFORMED,
            UNAUTHORIZED,
            e(403, "Not an admin: scope.forbidden"),
            NOT_FOUND,
            TOO_LARGE,
            ENCODING,
            INTERNAL,
        ],
    },
    Operation {
        method: "options",
        path: "/v1/uploads",
        id: "upload_options",
        summary: "The tus capabilities",
        bearer: true,
        params: &[],
        body: None,
        statuses: &[
            Status {
                code: 204,
                description: "Capabilities",
                body: None,
                headers: &[
                    ("Tus-Version", "1.0.0"),
                    ("Tus-Extension", "creation,checksum,expiration"),
                    ("Tus-Checksum-Algorithm", "sha1,sha256"),
                    ("Tus-Max-Size", "The largest Upload-Length taken"),
                ],
            },
            UNAUTHORIZED,
            INTERNAL,
        ],
    },
    Operation {
        method: "post",
        path: "/v1/uploads",
        id: "upload_create",
        summary: "Create a tus upload for a photo a signed check_photo record of the caller names",
        bearer: true,
        params: &[
            TUS_RESUMABLE,
            Param {
                name: "Upload-Length",
                place: In::Header,
                required: true,
                schema: r#"{"type":"integer","format":"int64","minimum":0}"#,
                description: "The photo's length in bytes (at most Tus-Max-Size)",
            },
            Param {
                name: "Upload-Metadata",
                place: In::Header,
                required: true,
                schema: r#"{"type":"string","pattern":"^sha256 [A-Za-z0-9+/]+={0,2},photo_id [A-Za-z0-9+/]+={0,2}$","x-vieclam-from":"check_photo"}"#,
                description: "tus metadata: `sha256 <base64 of the lowercase hex SHA-256>,photo_id <base64 of the check_photo id>`",
            },
        ],
        body: None,
        statuses: &[
            Status { code: 201, description: "Created", body: None, headers: CREATED },
            e(400, "Upload-Length or Upload-Metadata missing or malformed: upload.bad_length, upload.bad_metadata"),
            UNAUTHORIZED,
            e(403, "Outside the caller's scope: scope.forbidden"),
            TUS_412,
            e(413, "Upload-Length over Tus-Max-Size: upload.too_large"),
            e(
                422,
                "No signed photo record of the caller names this hash (photo.unknown_record), or its signature failed (photo.bad_signature)",
            ),
            STORAGE,
        ],
    },
    Operation {
        method: "head",
        path: "/v1/uploads/{id}",
        id: "upload_offset",
        summary: "How far the upload has got",
        bearer: true,
        params: &[UPLOAD_ID, TUS_RESUMABLE],
        body: None,
        statuses: &[
            Status { code: 200, description: "The offset", body: None, headers: OFFSETS },
            TUS_UNAUTHORIZED,
            e(403, "Another account's upload: scope.forbidden"),
            e(404, "No such upload (or it expired): not_found"),
            TUS_412,
            STORAGE,
        ],
    },
    Operation {
        method: "patch",
        path: "/v1/uploads/{id}",
        id: "upload_append",
        summary: "Append a chunk; the last byte checks and stores the photo",
        bearer: true,
        params: &[
            UPLOAD_ID,
            TUS_RESUMABLE,
            Param {
                name: "Upload-Offset",
                place: In::Header,
                required: true,
                schema: r#"{"type":"integer","format":"int64","minimum":0}"#,
                description: "The offset the chunk starts at (the upload's current offset)",
            },
            Param {
                name: "Content-Type",
                place: In::Header,
                required: true,
                schema: r#"{"type":"string","enum":["application/offset+octet-stream"]}"#,
                description: "tus's chunk type",
            },
            Param {
                name: "Upload-Checksum",
                place: In::Header,
                required: false,
                schema: r#"{"type":"string","pattern":"^(sha1|sha256) [A-Za-z0-9+/]*={0,2}$"}"#,
                description: "`<algorithm> <base64 digest>` of the chunk (tus checksum extension)",
            },
        ],
        body: Some(Body::Bytes("application/offset+octet-stream")),
        statuses: &[
            Status { code: 204, description: "Taken", body: None, headers: APPENDED },
            e(
                400,
                "Upload-Offset or Upload-Checksum malformed, or the body cut off: upload.bad_offset, upload.bad_checksum_header, upload.checksum_algorithm, upload.incomplete_body",
            ),
            TUS_UNAUTHORIZED,
            e(403, "Another account's upload: scope.forbidden"),
            e(404, "No such upload (or it expired): not_found"),
            e(409, "Upload-Offset is not the upload's offset: upload.offset_mismatch"),
            TUS_412,
            e(413, "More bytes than the upload has left: upload.too_large"),
            e(415, "Content-Type is not application/offset+octet-stream: upload.content_type"),
            e(
                422,
                "The whole photo does not hash to its announced SHA-256, or its record is unknown or unsigned: photo.*",
            ),
            e(460, "The chunk does not match Upload-Checksum: upload.checksum_mismatch"),
            STORAGE,
        ],
    },
    Operation {
        method: "head",
        path: "/v1/photos/{sha256}",
        id: "photo_head",
        summary: "Whether the photo is held and in the caller's scope",
        bearer: true,
        params: &[SHA256],
        body: None,
        statuses: &[
            Status { code: 200, description: "Held", body: None, headers: &[("Content-Length", "The JPEG's size")] },
            TUS_UNAUTHORIZED,
            e(403, "Outside the caller's scope: scope.forbidden"),
            e(404, "Not held in the caller's scope: not_found"),
            STORAGE,
        ],
    },
    Operation {
        method: "get",
        path: "/v1/photos/{sha256}",
        id: "photo",
        summary: "The JPEG, when in the caller's scope",
        bearer: true,
        params: &[SHA256],
        body: None,
        statuses: &[
            Status { code: 200, description: "image/jpeg", body: None, headers: &[] },
            TUS_UNAUTHORIZED,
            e(403, "Outside the caller's scope: scope.forbidden"),
            e(404, "Not held in the caller's scope: not_found"),
            STORAGE,
        ],
    },
];

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
