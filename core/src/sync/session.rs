//! Signing a device in: office staff and inspectors with a user name and password ([`login`]), a borrower with the
//! printed activation code and their ID number ([`activate`]), a returning worker creating an account ([`enrol`]).
//! Each first gives the store its evidence identity if it has none, so the server learns the one key that will
//! sign this device's evidence, then keeps the session in the encrypted store. [`logout`] revokes and forgets it.

use reqwest::Method;
use serde::Serialize;

use super::cancel::CancelToken;
use super::error::SyncResult;
use super::http::Http;
use super::state::{self, StoredSession};
use super::store_access::{StoreAccess, with_store};
use super::wire::{ActivateRequest, DeviceInfo, EnrolRequest, LoginRequest, Session};
use crate::error::Error;
use crate::evidence::signing;
use crate::registration::validate_enrolment;

/// How the device names itself to the office (never used for decisions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceLabel {
    /// A name a clerk recognises, e.g. `Pixel 6a (Nguyễn Văn An)`.
    pub name: String,
    /// `android`, `ios` or `desktop`.
    pub platform: String,
}

/// Signs in office staff or an inspector.
pub async fn login(
    store: &dyn StoreAccess,
    server_url: &str,
    username: &str,
    password: &str,
    label: &DeviceLabel,
) -> SyncResult<StoredSession> {
    let device = device_info(store, label)?;
    let body = LoginRequest { username: username.trim().to_owned(), password: password.to_owned(), device };
    sign_in(store, server_url, "/v1/auth/login", &body).await
}

/// Activates a borrower's device with the one-time code the office printed and their ID number.
pub async fn activate(
    store: &dyn StoreAccess,
    server_url: &str,
    code: &str,
    id_number: &str,
    label: &DeviceLabel,
) -> SyncResult<StoredSession> {
    let device = device_info(store, label)?;
    let body = ActivateRequest { code: code.trim().to_uppercase(), id_number: id_number.trim().to_owned(), device };
    sign_in(store, server_url, "/v1/auth/activate", &body).await
}

/// Creates a returning worker's account and signs this device in to it.
pub async fn enrol(
    store: &dyn StoreAccess,
    server_url: &str,
    full_name: &str,
    phone: &str,
    password: &str,
    label: &DeviceLabel,
) -> SyncResult<StoredSession> {
    // Checked here first: a person on a slow line should read which field is wrong, in their language, at once.
    let valid = validate_enrolment(full_name, phone, password).map_err(Error::Invalid)?;
    let device = device_info(store, label)?;
    let body = EnrolRequest { full_name: valid.full_name, phone: valid.phone, password: password.to_owned(), device };
    sign_in(store, server_url, "/v1/auth/enrol", &body).await
}

/// Revokes the token on the server (when it can be reached) and forgets the session on the device either way:
/// signing out must work offline too. The outbox and the data stay.
pub async fn logout(store: &dyn StoreAccess) -> SyncResult<()> {
    let session = with_store(store, |s| state::session(s.conn()))?;
    if let Some(session) = session {
        let http = Http::new(&session.server_url, Some(session.token))?;
        // A failed revoke (offline, token already expired) is not the user's problem: the token dies on its own.
        let _ = http.send(&CancelToken::new(), || http.request(Method::POST, "/v1/auth/logout")).await;
    }
    with_store(store, |s| state::clear_session(s.conn()))
}

/// The stored session, if any.
pub fn current_session(store: &dyn StoreAccess) -> SyncResult<Option<StoredSession>> {
    with_store(store, |s| state::session(s.conn()))
}

/// Enrols the store's evidence identity if needed, and describes the device to the server.
fn device_info(store: &dyn StoreAccess, label: &DeviceLabel) -> SyncResult<DeviceInfo> {
    let identity = with_store(store, signing::enrol)?;
    Ok(DeviceInfo {
        device_id: identity.device_id().to_owned(),
        public_key: identity.public_key_hex(),
        name: label.name.clone(),
        platform: label.platform.clone(),
    })
}

async fn sign_in<B: Serialize>(
    store: &dyn StoreAccess,
    server_url: &str,
    path: &str,
    body: &B,
) -> SyncResult<StoredSession> {
    let http = Http::new(server_url, None)?;
    let answer = http.post_json::<B, Session>(path, body, &CancelToken::new()).await?;
    let stored = StoredSession::new(server_url.trim(), answer.body);
    with_store(store, |s| state::keep_session(s, &stored))?;
    Ok(stored)
}
