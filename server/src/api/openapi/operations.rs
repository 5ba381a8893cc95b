//! The table of operations the OpenAPI document describes: for each path and method its parameters and headers
//! (with their schema, format and pattern), whether it needs the bearer token, its body, and every status it can
//! answer with the error codes behind it. [`super`] turns it into the document.

/// Where a parameter goes.
#[derive(Clone, Copy)]
pub(super) enum In {
    Path,
    Query,
    Header,
}

/// One parameter or request header of an operation.
#[derive(Clone, Copy)]
pub(super) struct Param {
    pub(super) name: &'static str,
    pub(super) place: In,
    pub(super) required: bool,
    /// The parameter's schema, as JSON text (so the table stays `const`).
    pub(super) schema: &'static str,
    pub(super) description: &'static str,
}

/// One status an operation answers, with the error codes it carries (empty for a success).
#[derive(Clone, Copy)]
pub(super) struct Status {
    pub(super) code: u16,
    pub(super) description: &'static str,
    /// The response body: a component schema's name, `None` for no body, or `Some("")` for free-form JSON.
    pub(super) body: Option<&'static str>,
    /// Response headers the answer carries (each a `name: description`).
    pub(super) headers: &'static [(&'static str, &'static str)],
}

/// One operation of the table.
pub(super) struct Operation {
    pub(super) method: &'static str,
    pub(super) path: &'static str,
    pub(super) id: &'static str,
    pub(super) summary: &'static str,
    /// Whether it needs `Authorization: Bearer <token>`.
    pub(super) bearer: bool,
    pub(super) params: &'static [Param],
    /// The request body: a component schema's name, or a media type for raw bytes.
    pub(super) body: Option<Body>,
    pub(super) statuses: &'static [Status],
}

#[derive(Clone, Copy)]
pub(super) enum Body {
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
pub(super) const OPERATIONS: &[Operation] = &[
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
