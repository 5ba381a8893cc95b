//! `/v1/auth/*`: sign-in with a password (admin, inspector, worker), a borrower's activation with a one-time code
//! and their ID number, a worker's self-enrolment (rate-limited per address), and logout. Each sign-in registers
//! the device and its public key and issues a token bound to that device.
//!
//! Before any work, a sign-in body's fields are checked against the bounds next to the wire types (400
//! `auth.invalid_field`); password sign-ins and activations then pass the throttle (429 `auth.too_many_attempts`
//! with `Retry-After`), and every Argon2 run takes a permit of the server's [`crate::auth::HashPool`].

use std::net::{IpAddr, SocketAddr};

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use vieclam_core::messages::api;
use vieclam_core::sync::wire::{
    ActivateRequest, BadSignInField, DeviceInfo, EnrolRequest, FieldRule, LoginRequest, Role, Session,
};

use super::body::JsonBody;
use crate::auth::{Caller, hash_password, iso, new_token, normalise_code, now_iso, sha256_hex, verify_password};
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::ratelimit::TooManyAttempts;
use crate::state::AppState;
use crate::store::accounts::{self, Account};
use crate::{params, work};

/// Registers `device` for `account` (refusing a known device id with another key) and issues a token.
async fn open_session(tx: &mut Tx, account: &Account, device: &DeviceInfo, token_days: i64) -> ApiResult<Session> {
    let now = now_iso();
    match accounts::device(tx, &device.device_id).await? {
        Some(known) if known.public_key != device.public_key => {
            return Err(ApiError::new(StatusCode::CONFLICT, "device.key_mismatch", api::DEVICE_KEY_MISMATCH));
        }
        Some(known) if known.revoked => {
            return Err(ApiError::new(StatusCode::FORBIDDEN, "auth.device_revoked", api::DEVICE_REVOKED));
        }
        Some(_) => {
            tx.exec("UPDATE devices SET account_id = $1 WHERE id = $2", params![&account.id, &device.device_id])
                .await?;
        }
        None => {
            tx.exec(
                "INSERT INTO devices (id, account_id, public_key, name, platform, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                params![&device.device_id, &account.id, &device.public_key, &device.name, &device.platform, &now],
            )
            .await?;
        }
    }
    let token = new_token();
    let expires_at = iso(chrono::Utc::now() + Duration::days(token_days));
    tx.exec(
        "INSERT INTO tokens (hash, device_id, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        params![sha256_hex(&token), &device.device_id, &account.id, &now, &expires_at],
    )
    .await?;
    tracing::info!(account = %account.id, device = %device.device_id, role = account.role.as_str(), "session opened");
    Ok(Session {
        token,
        expires_at,
        account_id: account.id.clone(),
        role: account.role,
        display_name: account.display_name.clone(),
        username: account.username.clone(),
    })
}

/// 400 `auth.invalid_field`: a sign-in body's field over its bound (named, never echoed).
pub fn invalid_field(bad: BadSignInField) -> ApiError {
    let (text, max) = match bad.rule {
        FieldRule::MaxBytes(n) => (api::FIELD_TOO_LONG, n.to_string()),
        FieldRule::Hex64 => (api::FIELD_NOT_HEX64, String::new()),
        FieldRule::ControlCharacter => (api::FIELD_CONTROL_CHARACTER, String::new()),
    };
    ApiError::with(StatusCode::BAD_REQUEST, "auth.invalid_field", text, &[("field", bad.field), ("max", &max)])
}

fn check_device(device: &DeviceInfo) -> ApiResult<()> {
    device.check_bounds().map_err(invalid_field)?;
    if !vieclam_core::ids::is_id(&device.device_id) {
        return Err(ApiError::malformed("device"));
    }
    Ok(())
}

/// A refused sign-in: an error answer, or the throttle's 429 with its `Retry-After`.
#[derive(Debug)]
pub enum SignInError {
    /// Any other refusal.
    Api(ApiError),
    /// Too many failed attempts for the account or the address.
    Throttled(TooManyAttempts),
}

impl From<ApiError> for SignInError {
    fn from(e: ApiError) -> SignInError {
        SignInError::Api(e)
    }
}

impl From<TooManyAttempts> for SignInError {
    fn from(t: TooManyAttempts) -> SignInError {
        SignInError::Throttled(t)
    }
}

impl IntoResponse for SignInError {
    fn into_response(self) -> Response {
        match self {
            SignInError::Api(e) => e.into_response(),
            SignInError::Throttled(t) => t.into_response(),
        }
    }
}

/// `POST /v1/auth/login`.
pub async fn login(
    State(st): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    JsonBody(req): JsonBody<LoginRequest>,
) -> Result<Json<Session>, SignInError> {
    req.check_bounds().map_err(invalid_field)?;
    check_device(&req.device)?;
    Ok(Json(password_session(&st, peer.ip(), &req.username, &req.password, req.device, false).await?))
}

/// 403 `auth.account_disabled`: the office disabled the account (answered only to the right password).
fn account_disabled() -> ApiError {
    ApiError::new(StatusCode::FORBIDDEN, "auth.account_disabled", api::ACCOUNT_DISABLED)
}

/// Checks a password sign-in from `peer` (admin, inspector, worker; only admin when `admin_only`) and opens a
/// session for `device`: the one rule behind `/v1/auth/login` and the office's web sign-in. The caller has checked
/// the fields' bounds.
pub async fn password_session(
    st: &AppState,
    peer: IpAddr,
    username: &str,
    password: &str,
    device: DeviceInfo,
    admin_only: bool,
) -> Result<Session, SignInError> {
    let db = st.db.clone();
    let username = username.trim().to_owned();
    // Counted before the hash: parallel guesses cannot overtake the limit.
    let attempt = st.sign_in_throttle.begin(&format!("user:{}", username.to_lowercase()), peer)?;
    let account = db
        .read::<Option<Account>>(work!(|tx| async move { Ok(accounts::by_username(tx, &username).await?) }))
        .await?
        .filter(|a| a.role != Role::Borrower && (!admin_only || a.role == Role::Admin));
    // Verify even without an account, so a wrong user name takes as long as a wrong password.
    let hash = account.as_ref().and_then(|a| a.password_hash.clone());
    let password = password.to_owned();
    let ok = st.hash_pool.run(move || verify_password(&password, &hash.unwrap_or_else(dummy_hash))).await;
    let ok = match ok {
        Ok(ok) => ok,
        Err(e) => {
            st.sign_in_throttle.forget(attempt);
            return Err(e.into());
        }
    };
    // A failed attempt stays counted (the attempt is dropped here).
    let account = account.filter(|_| ok).ok_or_else(|| ApiError::unauthorized("auth.bad_credentials"))?;
    st.sign_in_throttle.succeeded(attempt);
    if account.disabled {
        return Err(account_disabled().into());
    }
    let days = st.token_days;
    Ok(st.db.write(work!(|tx| async move { open_session(tx, &account, &device, days).await })).await?)
}

/// An Argon2 hash of a random password nobody knows, made once, so an unknown user name costs a real verification.
fn dummy_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password(&new_token()).unwrap_or_default()).clone()
}

/// `POST /v1/auth/activate`.
pub async fn activate(
    State(st): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    JsonBody(req): JsonBody<ActivateRequest>,
) -> Result<Json<Session>, SignInError> {
    req.check_bounds().map_err(invalid_field)?;
    check_device(&req.device)?;
    let code = normalise_code(&req.code);
    let attempt = st.sign_in_throttle.begin(&format!("code:{code}"), peer.ip())?;
    let code_hash = sha256_hex(&code);
    let id_number: String = req.id_number.chars().filter(char::is_ascii_digit).collect();
    let days = st.token_days;
    let session = st
        .db
        .write(work!(|tx| async move {
            let bad = || ApiError::unauthorized("auth.bad_activation_code");
            let now = now_iso();
            let row = tx
                .one(
                    "SELECT borrower_id, expires_at, used_at FROM activation_codes WHERE code_hash = $1",
                    params![&code_hash],
                )
                .await?
                .ok_or_else(bad)?;
            if row.opt_text(2).is_some() || row.text(1) <= now {
                return Err(bad());
            }
            let borrower_id = row.text(0);
            let borrower = crate::store::records::get(tx, "borrower", &borrower_id).await?.ok_or_else(bad)?;
            let body: serde_json::Value = serde_json::from_str(&borrower.row.body).map_err(|_| bad())?;
            if body["id_number"].as_str() != Some(id_number.as_str()) {
                return Err(bad());
            }
            tx.exec("UPDATE activation_codes SET used_at = $1 WHERE code_hash = $2", params![&now, &code_hash]).await?;
            let account = match accounts::by_borrower(tx, &borrower_id).await? {
                Some(a) => a,
                None => {
                    let a = Account {
                        id: vieclam_core::ids::new_id(),
                        role: Role::Borrower,
                        username: None,
                        display_name: body["full_name"].as_str().unwrap_or_default().to_owned(),
                        password_hash: None,
                        borrower_id: Some(borrower_id.clone()),
                        disabled: false,
                    };
                    accounts::insert(tx, &a, None, &now).await?;
                    a
                }
            };
            if account.disabled {
                return Err(account_disabled());
            }
            open_session(tx, &account, &req.device, days).await
        }))
        .await;
    // A wrong code or ID number stays counted; anything else is no guess.
    match &session {
        Err(e) if e.code == "auth.bad_activation_code" => drop(attempt),
        Err(_) => st.sign_in_throttle.forget(attempt),
        Ok(_) => st.sign_in_throttle.succeeded(attempt),
    }
    Ok(Json(session?))
}

/// `POST /v1/auth/enrol`.
pub async fn enrol(
    State(st): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    JsonBody(req): JsonBody<EnrolRequest>,
) -> ApiResult<Json<Session>> {
    if !st.enrol_limiter.allow(peer.ip()) {
        return Err(ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", api::ENROL_RATE_LIMITED));
    }
    req.check_bounds().map_err(invalid_field)?;
    check_device(&req.device)?;
    let phone = vieclam_core::registration::phone::normalise(&req.phone).map_err(|_| ApiError::malformed("phone"))?;
    let name = req.full_name.trim().to_owned();
    // Control characters (a NUL that PostgreSQL's text refuses) are no part of a name.
    if name.is_empty()
        || name.chars().count() > 120
        || name.chars().any(char::is_control)
        || req.password.chars().count() < 8
    {
        return Err(ApiError::malformed("full_name/password"));
    }
    let password = req.password.clone();
    let hash = st.hash_pool.hash(password).await?;
    let days = st.token_days;
    let session = st
        .db
        .write(work!(|tx| async move {
            if accounts::by_username(tx, &phone).await?.is_some() {
                return Err(ApiError::new(StatusCode::CONFLICT, "auth.username_taken", api::PHONE_TAKEN));
            }
            let a = Account {
                id: vieclam_core::ids::new_id(),
                role: Role::Worker,
                username: Some(phone.clone()),
                display_name: name,
                password_hash: Some(hash),
                borrower_id: None,
                disabled: false,
            };
            accounts::insert(tx, &a, Some(&phone), &now_iso()).await?;
            open_session(tx, &a, &req.device, days).await
        }))
        .await?;
    Ok(Json(session))
}

/// `POST /v1/auth/logout`: revokes the token that made the call.
pub async fn logout(State(st): State<AppState>, caller: Caller) -> ApiResult<StatusCode> {
    let hash = caller.token_hash;
    st.db
        .write::<()>(work!(|tx| async move {
            tx.exec("UPDATE tokens SET revoked_at = $1 WHERE hash = $2", params![now_iso(), &hash]).await?;
            Ok(())
        }))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
