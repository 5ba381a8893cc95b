//! The `/v1` sync protocol's bodies: what a device and the server send each other, as serde types shared by the
//! core's client and the server, so the two can never disagree on a field. `docs/sync-protocol.md` describes the
//! endpoints that carry them; the server publishes the same shapes as OpenAPI at `/v1/openapi.json`.
//!
//! Every body is JSON, gzip-compressed on the wire in both directions. Field names are `snake_case`; enums are
//! lower-case strings; ids are UUIDv7 text; times are UTC ISO 8601.

use serde::{Deserialize, Serialize};

pub use super::payload::Payload;
use crate::evidence::signing::SignedLink;

/// The protocol version in every path (`/v1/...`).
pub const PROTOCOL: &str = "v1";

/// The most mutations one push may carry; a longer batch is refused whole with `push.too_large`.
pub const MAX_PUSH_MUTATIONS: usize = 500;

/// The most chain links one push may carry; a device with more unacknowledged links sends them over several
/// pushes, oldest first (the server answers the head it reached each time).
pub const MAX_PUSH_LINKS: usize = 1_000;

/// The most changes one pull page carries, whatever the device asks for.
pub const MAX_PULL_LIMIT: u32 = 5_000;

/// The office's kinds of record. In a pull their bodies leave out their own `id`, which is the change's `id`: on a
/// first download that repeat was a twelfth of the bytes. The device puts it back before applying the record.
pub const OFFICE_KINDS: &[&str] = &[
    "savings_group",
    "loan_programme",
    "borrower",
    "loan",
    "schedule",
    "payment",
    "funded_model",
    "site",
    "enterprise",
    "job_programme",
    "inspection_plan",
    "rule_set",
    "transaction_point",
];

/// Whether `kind` is one of [`OFFICE_KINDS`].
pub fn is_office_kind(kind: &str) -> bool {
    OFFICE_KINDS.contains(&kind)
}

/// A role on the server: who an account is (docs/design.md, scope and roles).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Role {
    /// Office staff: everything in the province.
    Admin,
    /// An inspector: the communes of their plans, for the plans' dates, and their own checks.
    Inspector,
    /// A borrower: their own loans and the checks that concern them.
    Borrower,
    /// A returning worker: their own registrations and the public catalogue.
    Worker,
}

impl Role {
    /// The stable name, e.g. `inspector`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Inspector => "inspector",
            Role::Borrower => "borrower",
            Role::Worker => "worker",
        }
    }

    /// The role with this stable name.
    pub fn parse(name: &str) -> Option<Role> {
        [Role::Admin, Role::Inspector, Role::Borrower, Role::Worker].into_iter().find(|r| r.as_str() == name)
    }
}

/// The longest user name a sign-in may carry, in bytes (checked before any password hashing).
pub const MAX_USERNAME_BYTES: usize = 256;

/// The longest password a sign-in or enrolment may carry, in bytes (Argon2 takes any length; a guesser's
/// megabyte-long one must not reach it).
pub const MAX_PASSWORD_BYTES: usize = 256;

/// The longest device name, in bytes.
pub const MAX_DEVICE_NAME_BYTES: usize = 100;

/// The longest device platform name (`android`, `ios`, `desktop`), in bytes.
pub const MAX_PLATFORM_BYTES: usize = 20;

/// The longest id-like field of a sign-in body (device id, activation code, ID number, phone), in bytes.
pub const MAX_ID_BYTES: usize = 64;

/// The length of a device's public key: 32 bytes as hex.
pub const PUBLIC_KEY_HEX_LEN: usize = 64;

/// The longest full name an enrolment may carry, in bytes (120 Vietnamese characters of up to 4 bytes each).
pub const MAX_FULL_NAME_BYTES: usize = 480;

/// The rule a sign-in field breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRule {
    /// Longer than this many bytes.
    MaxBytes(usize),
    /// Not exactly 64 hex digits (the public key).
    Hex64,
    /// A control character (NUL, a line break…): no name, code or number has one, and a database cannot keep some.
    ControlCharacter,
}

/// A sign-in body's field that breaks its bound: which field and its rule, never the value sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadSignInField {
    /// The field's path in the body, e.g. `device.name`.
    pub field: &'static str,
    /// What is wrong with it.
    pub rule: FieldRule,
}

/// A text field that is stored or looked up: at most `max` bytes, no control character.
fn at_most(field: &'static str, value: &str, max: usize) -> Result<(), BadSignInField> {
    if value.len() > max {
        return Err(BadSignInField { field, rule: FieldRule::MaxBytes(max) });
    }
    if value.chars().any(char::is_control) {
        return Err(BadSignInField { field, rule: FieldRule::ControlCharacter });
    }
    Ok(())
}

/// A password: at most `max` bytes, anything else allowed (it is only ever hashed).
fn secret_at_most(field: &'static str, value: &str, max: usize) -> Result<(), BadSignInField> {
    if value.len() > max { Err(BadSignInField { field, rule: FieldRule::MaxBytes(max) }) } else { Ok(()) }
}

impl DeviceInfo {
    /// Checks every field's length (and the key's form) before the server does anything else with the body.
    pub fn check_bounds(&self) -> Result<(), BadSignInField> {
        at_most("device.device_id", &self.device_id, MAX_ID_BYTES)?;
        at_most("device.name", &self.name, MAX_DEVICE_NAME_BYTES)?;
        at_most("device.platform", &self.platform, MAX_PLATFORM_BYTES)?;
        let key_ok =
            self.public_key.len() == PUBLIC_KEY_HEX_LEN && self.public_key.bytes().all(|b| b.is_ascii_hexdigit());
        if key_ok { Ok(()) } else { Err(BadSignInField { field: "device.public_key", rule: FieldRule::Hex64 }) }
    }
}

impl LoginRequest {
    /// Checks every field's length before any password hashing.
    pub fn check_bounds(&self) -> Result<(), BadSignInField> {
        at_most("username", &self.username, MAX_USERNAME_BYTES)?;
        secret_at_most("password", &self.password, MAX_PASSWORD_BYTES)?;
        self.device.check_bounds()
    }
}

impl ActivateRequest {
    /// Checks every field's length before the code is looked up.
    pub fn check_bounds(&self) -> Result<(), BadSignInField> {
        at_most("code", &self.code, MAX_ID_BYTES)?;
        at_most("id_number", &self.id_number, MAX_ID_BYTES)?;
        self.device.check_bounds()
    }
}

impl EnrolRequest {
    /// Checks every field's length before any password hashing.
    pub fn check_bounds(&self) -> Result<(), BadSignInField> {
        at_most("full_name", &self.full_name, MAX_FULL_NAME_BYTES)?;
        at_most("phone", &self.phone, MAX_ID_BYTES)?;
        secret_at_most("password", &self.password, MAX_PASSWORD_BYTES)?;
        self.device.check_bounds()
    }
}

/// The device a sign-in binds the token to: its id and the Ed25519 public key its evidence is signed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceInfo {
    /// The device id of the store's evidence identity (UUIDv7).
    pub device_id: String,
    /// Hex of the 32-byte Ed25519 public key.
    pub public_key: String,
    /// A name a clerk recognises, e.g. `Pixel 6a (Nguyễn Văn An)`; never used for decisions.
    pub name: String,
    /// `android`, `ios` or `desktop`.
    pub platform: String,
}

/// `POST /v1/auth/login`: office staff and inspectors sign in with a user name and password.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// The user name the office gave.
    pub username: String,
    /// The password (checked against an Argon2 hash; never stored or logged).
    pub password: String,
    /// The device being enrolled.
    pub device: DeviceInfo,
}

/// `POST /v1/auth/activate`: a borrower enrols a device with the one-time code the office printed for them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivateRequest {
    /// The one-time activation code, e.g. `7KQ4-MX2P-9TDA`.
    pub code: String,
    /// The borrower's ID number (CCCD/CMND), checked against the loan file as a second factor.
    pub id_number: String,
    /// The device being enrolled.
    pub device: DeviceInfo,
}

/// `POST /v1/auth/enrol`: a returning worker creates an account on their own (rate-limited per address).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolRequest {
    /// Full name as on the ID card.
    pub full_name: String,
    /// Mobile number in any accepted form (`0912…`, `+84912…`).
    pub phone: String,
    /// A password of at least 8 characters, for signing in again on another device.
    pub password: String,
    /// The device being enrolled.
    pub device: DeviceInfo,
}

/// The answer to a successful sign-in, activation or enrolment.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    /// The bearer token (`Authorization: Bearer …`): random, shown once, kept hashed by the server.
    pub token: String,
    /// When the token stops working (UTC).
    pub expires_at: String,
    /// The account's id.
    pub account_id: String,
    /// The account's role.
    pub role: Role,
    /// The name to greet the user with.
    pub display_name: String,
    /// For a worker who enrolled, the user name to sign in with next time (their normalised phone).
    pub username: Option<String>,
}

/// What a change did to its record (the outbox's `op`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MutationOp {
    /// A new record.
    Insert,
    /// A changed record.
    Update,
    /// A removed record.
    Delete,
}

/// One outbox entry going up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mutation {
    /// The mutation id (UUIDv7): the idempotency key. The same id sent twice is applied once.
    pub id: String,
    /// Kind of record: `worker_registration`, `site_check`, `check_answer`, `check_photo`, `plot_walk`,
    /// `commune_findings`, `commune_review`, `device_key`.
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// What the change did.
    pub op: MutationOp,
    /// The record after the change, as the device stored it.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub payload: Payload,
    /// The change's hybrid logical clock (see `crate::ids::Hlc`).
    pub hlc: String,
}

/// `POST /v1/push`: a batch of mutations and the evidence-chain links that sign them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushRequest {
    /// Oldest first; at most [`MAX_PUSH_MUTATIONS`].
    pub mutations: Vec<Mutation>,
    /// The device's chain links after the last one the server acknowledged (`PushResponse::chain_head`), in
    /// `seq` order. Links the server already holds are compared and skipped.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub links: Vec<SignedLink>,
}

/// How the server took one mutation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MutationStatus {
    /// Applied now.
    Applied,
    /// Applied by an earlier push of the same id: nothing changed now.
    AlreadyApplied,
    /// Refused, with a code; the device sets it aside and goes on with the rest.
    Rejected,
}

/// The server's answer for one mutation, in the order of the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MutationResult {
    /// The mutation id.
    pub id: String,
    /// Applied, already applied, or rejected.
    pub status: MutationStatus,
    /// For a rejection: a stable code, e.g. `mutation.out_of_scope`.
    pub code: Option<String>,
    /// For a rejection: why, in Vietnamese then English.
    pub message: Option<String>,
}

/// `POST /v1/push`'s answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResponse {
    /// One result per mutation, in request order.
    pub results: Vec<MutationResult>,
    /// The `seq` of the last link of this device's chain that the server now holds (0 for none); the device sends
    /// links after it next time.
    pub chain_head: i64,
    /// Problems the server found in the links (stable codes from the verifier, e.g. `bad_signature`); the records
    /// they sign are kept and flagged for the office, never dropped.
    pub chain_problems: Vec<ChainProblem>,
}

/// One problem the server found in a device's chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChainProblem {
    /// The link's `seq`.
    pub seq: i64,
    /// The verifier's stable code, e.g. `body_hash_mismatch`.
    pub code: String,
}

/// What happened to a record in a pull.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ChangeOp {
    /// Create or replace the record with `body`.
    Upsert,
    /// Remove the record.
    Delete,
}

/// One record coming down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    /// Kind of record. Office kinds: `savings_group`, `loan_programme`, `borrower`, `loan`, `schedule` (a loan's
    /// whole schedule; id = the loan id), `payment`, `funded_model`, `site`, `enterprise`, `job_programme`,
    /// `inspection_plan`, `rule_set`, `transaction_point`. Field kinds (from devices, with the server's verdict): `site_check`, `check_answer`,
    /// `check_photo`, `plot_walk`, `commune_findings`, `commune_review`, `worker_registration`.
    pub kind: String,
    /// The record's id. Left out (empty) only in a page asked for with `derive_ids=true`, when the device can make it
    /// from the body and the changes before it (`sync::compact`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Upsert or delete.
    pub op: ChangeOp,
    /// The record (the core's serde form of it: `crate::records::*`, `worker_registration` with the office's
    /// `status`), absent for a delete.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub body: Option<serde_json::Value>,
}

/// `GET /v1/pull?cursor=…&limit=…`'s answer: the next page of changes in the device's scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullResponse {
    /// Changes in server order; apply them in one transaction, then store `cursor`.
    pub changes: Vec<Change>,
    /// The cursor to send next time (opaque). Store it only after the page is committed locally.
    pub cursor: String,
    /// Whether more changes wait after this page (pull again at once).
    pub more: bool,
    /// The device's scope changed since the cursor (a plan began or ended, an account was moved): drop every office
    /// record held and apply this page and the following ones from nothing. The device's own records are kept.
    pub reset: bool,
}

/// The body of every error answer: a stable code for machines and one sentence for people in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// An error's code and message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Stable code, e.g. `auth.expired_token` (the list is in `docs/sync-protocol.md`).
    pub code: String,
    /// What a person reads, Vietnamese.
    pub message_vi: String,
    /// What a person reads, English.
    pub message_en: String,
}
