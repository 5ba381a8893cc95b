//! `/v1/auth/*`: sign-in with a password (admin, inspector, worker), a borrower's activation with a one-time code
//! and their ID number, a worker's self-enrolment (rate-limited per address), and logout. Each sign-in registers
//! the device and its public key and issues a token bound to that device.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use chrono::Duration;
use vieclam_core::sync::wire::{ActivateRequest, DeviceInfo, EnrolRequest, LoginRequest, Role, Session};

use super::body::JsonBody;
use crate::auth::{Caller, hash_password, iso, new_token, normalise_code, now_iso, sha256_hex, verify_password};
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::accounts::{self, Account};
use crate::{params, work};

/// Registers `device` for `account` (refusing a known device id with another key) and issues a token.
async fn open_session(tx: &mut Tx, account: &Account, device: &DeviceInfo, token_days: i64) -> ApiResult<Session> {
    let now = now_iso();
    match accounts::device(tx, &device.device_id).await? {
        Some(known) if known.public_key != device.public_key => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "device.key_mismatch",
                "Thiết bị này đã đăng ký với một khoá khác.",
                "This device id is registered with another public key.",
            ));
        }
        Some(known) if known.revoked => return Err(ApiError::unauthorized("auth.revoked_token")),
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

fn check_device(device: &DeviceInfo) -> ApiResult<()> {
    let key_ok = device.public_key.len() == 64 && device.public_key.bytes().all(|b| b.is_ascii_hexdigit());
    if !vieclam_core::ids::is_id(&device.device_id) || !key_ok || device.name.len() > 200 || device.platform.len() > 20
    {
        return Err(ApiError::malformed("device"));
    }
    Ok(())
}

/// `POST /v1/auth/login`.
pub async fn login(State(st): State<AppState>, JsonBody(req): JsonBody<LoginRequest>) -> ApiResult<Json<Session>> {
    check_device(&req.device)?;
    Ok(Json(password_session(&st, &req.username, &req.password, req.device, false).await?))
}

/// Checks a password sign-in (admin, inspector, worker; only admin when `admin_only`) and opens a session for
/// `device`: the one rule behind `/v1/auth/login` and the office's web sign-in.
pub async fn password_session(
    st: &AppState,
    username: &str,
    password: &str,
    device: DeviceInfo,
    admin_only: bool,
) -> ApiResult<Session> {
    let db = st.db.clone();
    let username = username.trim().to_owned();
    let account = db
        .read::<Option<Account>>(work!(|tx| async move { Ok(accounts::by_username(tx, &username).await?) }))
        .await?
        .filter(|a| !a.disabled && a.role != Role::Borrower && (!admin_only || a.role == Role::Admin));
    // Verify even without an account, so a wrong user name takes as long as a wrong password.
    let hash = account.as_ref().and_then(|a| a.password_hash.clone());
    let password = password.to_owned();
    let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash.unwrap_or_else(dummy_hash)))
        .await
        .unwrap_or(false);
    let account = account.filter(|_| ok).ok_or_else(|| ApiError::unauthorized("auth.bad_credentials"))?;
    let days = st.token_days;
    st.db.write(work!(|tx| async move { open_session(tx, &account, &device, days).await })).await
}

/// An Argon2 hash of a random password nobody knows, made once, so an unknown user name costs a real verification.
fn dummy_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password(&new_token()).unwrap_or_default()).clone()
}

/// `POST /v1/auth/activate`.
pub async fn activate(
    State(st): State<AppState>,
    JsonBody(req): JsonBody<ActivateRequest>,
) -> ApiResult<Json<Session>> {
    check_device(&req.device)?;
    let code_hash = sha256_hex(&normalise_code(&req.code));
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
            open_session(tx, &account, &req.device, days).await
        }))
        .await?;
    Ok(Json(session))
}

/// `POST /v1/auth/enrol`.
pub async fn enrol(
    State(st): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    JsonBody(req): JsonBody<EnrolRequest>,
) -> ApiResult<Json<Session>> {
    if !st.enrol_limiter.allow(peer.ip()) {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Quá nhiều lượt đăng ký từ địa chỉ này, hãy thử lại sau.",
            "Too many enrolments from this address; try again later.",
        ));
    }
    check_device(&req.device)?;
    let phone = vieclam_core::registration::phone::normalise(&req.phone).map_err(|_| ApiError::malformed("phone"))?;
    let name = req.full_name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 120 || req.password.chars().count() < 8 {
        return Err(ApiError::malformed("full_name/password"));
    }
    let password = req.password.clone();
    let hash =
        tokio::task::spawn_blocking(move || hash_password(&password)).await.map_err(|_| ApiError::internal())??;
    let days = st.token_days;
    let session = st
        .db
        .write(work!(|tx| async move {
            if accounts::by_username(tx, &phone).await?.is_some() {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "auth.username_taken",
                    "Số điện thoại này đã có tài khoản; hãy đăng nhập.",
                    "This phone number already has an account; sign in instead.",
                ));
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
