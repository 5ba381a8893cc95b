//! Sync with the office server from the apps: sign in (`login`, `activate`, `enrol`), `sync` (async, with a
//! progress listener the app implements and a [`SyncCancel`] handle), `logout`, and the sync screen
//! (`sync_status`). The network waits run on uniffi's tokio runtime; the store's lock is taken only for the short
//! store steps in between, never across an `.await`, so the app's screens keep reading during a sync.

use std::sync::Arc;

use vieclam_core::sync::{
    self as core_sync, CancelToken, DeviceLabel, ProgressEvent, ServerRefusal, StoreAccess, StoredSession, SyncError,
    SyncOptions, SyncPhase, SyncProgress, SyncResult, SyncStatus,
};
use vieclam_core::{Error, Lang, Store};

use crate::error::VieclamError;
use crate::session::UserRole;
use crate::store::VieclamStore;
use crate::types::Language;

impl StoreAccess for VieclamStore {
    fn with_store_dyn(&self, step: &mut dyn FnMut(&mut Store) -> vieclam_core::Result<()>) -> SyncResult<()> {
        let mut failure = None;
        let locked = self.with(|s| {
            if let Err(e) = step(s) {
                failure = Some(e);
            }
            Ok(())
        });
        match (failure, locked) {
            (Some(e), _) => Err(SyncError::Store(e)),
            (None, Ok(())) => Ok(()),
            (None, Err(_)) => Err(SyncError::Store(Error::BadArgument("store.poisoned".into()))),
        }
    }
}

impl From<SyncError> for VieclamError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Offline => VieclamError::Offline,
            // The server's code, with its sentence followed by the core's "sign in again".
            SyncError::Unauthorized(ref refusal) => VieclamError::Unauthorized {
                refusal: ServerRefusal {
                    code: refusal.code.clone(),
                    message_vi: e.message(Lang::Vi),
                    message_en: e.message(Lang::En),
                },
            },
            SyncError::Cancelled => VieclamError::Cancelled,
            SyncError::Store(inner) => inner.into(),
            other => VieclamError::Other {
                code: other.code().to_owned(),
                message_vi: other.message(Lang::Vi),
                message_en: other.message(Lang::En),
            },
        }
    }
}

/// The signed-in session, without the token (which never leaves the store).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct SessionInfo {
    /// The server's base URL.
    pub server_url: String,
    /// The account's id.
    pub account_id: String,
    /// Who the account is: pass it to `session_tabs` for the app's tabs.
    pub role: UserRole,
    /// The name to greet the user with.
    pub display_name: String,
    /// When the session ends (UTC, ISO 8601).
    pub expires_at: String,
    /// The user name to sign in with next time (a worker who enrolled).
    pub username: Option<String>,
}

impl From<StoredSession> for SessionInfo {
    fn from(s: StoredSession) -> Self {
        SessionInfo {
            server_url: s.server_url,
            account_id: s.account_id,
            role: s.role.into(),
            display_name: s.display_name,
            expires_at: s.expires_at,
            username: s.username,
        }
    }
}

/// What one sync moved, and the line to show for it.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct SyncSummary {
    /// Changes the server applied now.
    pub pushed: u64,
    /// Changes it had applied before.
    pub already_applied: u64,
    /// Changes it refused (see `sync_status`).
    pub rejected: u64,
    /// Records received.
    pub pulled: u64,
    /// Photos uploaded.
    pub photos_sent: u64,
    /// Bytes sent.
    pub bytes_up: u64,
    /// Bytes received.
    pub bytes_down: u64,
    /// Nothing moved.
    pub nothing_to_do: bool,
    /// The line to show, in the language asked for.
    pub summary: String,
}

/// The stage a sync is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum SyncStage {
    /// Sending changes.
    Push,
    /// Receiving data.
    Pull,
    /// Uploading photos.
    Photos,
}

/// What the app implements to draw sync progress. Called on a background thread; keep it quick.
#[uniffi::export(with_foreign)]
pub trait SyncProgressListener: Send + Sync {
    /// One step further: `done` of `total` items in `stage` (total 0 = unknown), bytes so far in each direction.
    fn on_progress(&self, stage: SyncStage, done: u64, total: u64, bytes_up: u64, bytes_down: u64);
}

struct Listener(Arc<dyn SyncProgressListener>);

impl SyncProgress for Listener {
    fn on_progress(&self, e: ProgressEvent) {
        let stage = match e.phase {
            SyncPhase::Push => SyncStage::Push,
            SyncPhase::Pull => SyncStage::Pull,
            SyncPhase::Photos => SyncStage::Photos,
        };
        self.0.on_progress(stage, e.done, e.total, e.bytes_up, e.bytes_down);
    }
}

/// A handle that stops a running sync at its next safe point; what was committed stays.
#[derive(uniffi::Object, Default)]
pub struct SyncCancel {
    token: CancelToken,
}

#[uniffi::export]
impl SyncCancel {
    /// A handle not yet cancelled; pass it to `sync`.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(SyncCancel::default())
    }

    /// Stops the sync it was passed to.
    pub fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.token.is_cancelled()
    }
}

fn label(device_name: String, platform: String) -> DeviceLabel {
    DeviceLabel { name: device_name, platform }
}

#[uniffi::export(async_runtime = "tokio")]
impl VieclamStore {
    /// Signs office staff or an inspector in at `server_url`, enrolling this device's signing key first if needed.
    /// Fails with `Unauthorized` (`auth.bad_credentials`) for a wrong password, `Offline` without a connection.
    pub async fn login(
        self: Arc<Self>,
        server_url: String,
        username: String,
        password: String,
        device_name: String,
        platform: String,
    ) -> Result<SessionInfo, VieclamError> {
        let l = label(device_name, platform);
        Ok(core_sync::login(self.as_ref(), &server_url, &username, &password, &l).await?.into())
    }

    /// Activates a borrower's device with the printed one-time `code` and their ID number.
    pub async fn activate(
        self: Arc<Self>,
        server_url: String,
        code: String,
        id_number: String,
        device_name: String,
        platform: String,
    ) -> Result<SessionInfo, VieclamError> {
        let l = label(device_name, platform);
        Ok(core_sync::activate(self.as_ref(), &server_url, &code, &id_number, &l).await?.into())
    }

    /// Creates a returning worker's account and signs this device in to it.
    pub async fn enrol(
        self: Arc<Self>,
        server_url: String,
        full_name: String,
        phone: String,
        password: String,
        device_name: String,
        platform: String,
    ) -> Result<SessionInfo, VieclamError> {
        let l = label(device_name, platform);
        Ok(core_sync::enrol(self.as_ref(), &server_url, &full_name, &phone, &password, &l).await?.into())
    }

    /// Revokes the token (when the server can be reached) and forgets the session; the data stays.
    pub async fn logout(self: Arc<Self>) -> Result<(), VieclamError> {
        Ok(core_sync::logout(self.as_ref()).await?)
    }

    /// One sync: send what waits, receive what changed, upload photos from `photo_dir` (none: skip photos).
    /// Fails with `Offline`, `Unauthorized` (sign in again), `Cancelled`, or `Other` with the server's code.
    pub async fn sync(
        self: Arc<Self>,
        photo_dir: Option<String>,
        language: Language,
        progress: Arc<dyn SyncProgressListener>,
        cancel: Arc<SyncCancel>,
    ) -> Result<SyncSummary, VieclamError> {
        let options = SyncOptions { photo_dir: photo_dir.map(Into::into), ..SyncOptions::default() };
        let r = core_sync::sync(self.as_ref(), &options, &Listener(progress), &cancel.token).await?;
        Ok(SyncSummary {
            summary: r.summary(language.into()),
            pushed: r.pushed,
            already_applied: r.already_applied,
            rejected: r.rejected,
            pulled: r.pulled,
            photos_sent: r.photos_sent,
            bytes_up: r.bytes_up,
            bytes_down: r.bytes_down,
            nothing_to_do: r.nothing_to_do,
        })
    }
}

#[uniffi::export]
impl VieclamStore {
    /// The signed-in session, or none.
    pub fn session(&self) -> Result<Option<SessionInfo>, VieclamError> {
        Ok(core_sync::current_session(self)?.map(Into::into))
    }

    /// The sync screen: who is signed in, what waits, what was refused and why, when the last sync worked.
    pub fn sync_status(&self, language: Language) -> Result<SyncStatus, VieclamError> {
        self.with(|store| core_sync::status(store, language.into()))
    }
}
