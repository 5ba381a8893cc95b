//! One sync run: push the outbox, pull the device's scope, upload photos, in that order (data first, photos after:
//! the server checks a photo against the record pushed before it). The run records its outcome in the store, so
//! the status screen can say when the last sync worked and why the last one failed.

use std::path::PathBuf;

use super::cancel::{CancelToken, SyncProgress};
use super::error::{SyncError, SyncResult};
use super::http::Http;
use super::store_access::{StoreAccess, with_store};
use super::wire::MAX_PUSH_MUTATIONS;
use super::{photos, pull, push, state};
use crate::messages::{Lang, sync as msg};

/// What one sync moved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Mutations the server applied now.
    pub pushed: u64,
    /// Mutations it had applied before (a repeated push after a lost answer).
    pub already_applied: u64,
    /// Mutations it refused (set aside with their reason).
    pub rejected: u64,
    /// Records received and applied.
    pub pulled: u64,
    /// Records received but not applied (unknown kind, a body that does not fit, the device's own pending record).
    pub skipped: u64,
    /// Photos uploaded.
    pub photos_sent: u64,
    /// Photos the server refused.
    pub photos_failed: u64,
    /// Bytes sent (compressed bodies and photo chunks).
    pub bytes_up: u64,
    /// Bytes received (answer bodies).
    pub bytes_down: u64,
    /// Nothing went up or came down.
    pub nothing_to_do: bool,
}

impl SyncReport {
    /// The closing line a person reads.
    pub fn summary(&self, lang: Lang) -> String {
        if self.nothing_to_do {
            return msg::NOTHING_TO_DO.get(lang).to_owned();
        }
        msg::MOVED.fill(
            lang,
            &[
                ("pushed", &(self.pushed + self.already_applied).to_string()),
                ("rejected", &self.rejected.to_string()),
                ("pulled", &self.pulled.to_string()),
                ("photos", &self.photos_sent.to_string()),
                ("up", &bytes_text(self.bytes_up)),
                ("down", &bytes_text(self.bytes_down)),
            ],
        )
    }
}

/// A byte count as people read it: `820 B`, `14,2 KB`, `3,1 MB`.
pub fn bytes_text(n: u64) -> String {
    let text = if n < 1024 {
        format!("{n} B")
    } else if n < 1024 * 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    };
    text.replace('.', ",")
}

/// Where a sync finds what it needs besides the store.
#[derive(Clone, Debug)]
pub struct SyncOptions {
    /// The photo folder (`PhotoStore`); without one, the photo phase is skipped.
    pub photo_dir: Option<PathBuf>,
    /// Mutations per push, at most [`MAX_PUSH_MUTATIONS`] (the default).
    pub push_batch: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions { photo_dir: None, push_batch: MAX_PUSH_MUTATIONS }
    }
}

impl SyncOptions {
    /// Options with the photo folder `dir`.
    pub fn with_photos(dir: impl Into<PathBuf>) -> SyncOptions {
        SyncOptions { photo_dir: Some(dir.into()), ..SyncOptions::default() }
    }
}

/// Runs one sync with the stored session. Records the outcome (success, or the failure's code) in the store.
pub async fn sync(
    store: &dyn StoreAccess,
    options: &SyncOptions,
    progress: &dyn SyncProgress,
    cancel: &CancelToken,
) -> SyncResult<SyncReport> {
    let result = run(store, options, progress, cancel).await;
    let failure = result.as_ref().err().map(|e| format!("{}: {}", e.code(), e.both()));
    // The outcome is bookkeeping: failing to write it must not hide the sync's own result.
    let _ = with_store(store, |s| state::record_outcome(s.conn(), failure.as_deref()));
    result
}

async fn run(
    store: &dyn StoreAccess,
    options: &SyncOptions,
    progress: &dyn SyncProgress,
    cancel: &CancelToken,
) -> SyncResult<SyncReport> {
    let session = with_store(store, |s| state::session(s.conn()))?.ok_or(SyncError::NotSignedIn)?;
    let http = Http::new(&session.server_url, Some(session.token))?;
    let mut report = SyncReport::default();

    let pushed = push::push(store, &http, progress, cancel, options.push_batch, (0, 0)).await?;
    report.pushed = pushed.pushed;
    report.already_applied = pushed.already_applied;
    report.rejected = pushed.rejected;
    report.bytes_up += pushed.bytes_up;
    report.bytes_down += pushed.bytes_down;

    let pulled = pull::pull(store, &http, progress, cancel, report.bytes_up, report.bytes_down).await?;
    report.pulled = pulled.pulled;
    report.skipped = pulled.skipped;
    report.bytes_down += pulled.bytes_down;

    if let Some(dir) = &options.photo_dir {
        let base = (report.bytes_up, report.bytes_down);
        let sent = photos::upload_all(store, &http, dir, progress, cancel, base).await?;
        report.photos_sent = sent.sent;
        report.photos_failed = sent.failed;
        report.bytes_up += sent.bytes_up;
    }
    report.nothing_to_do =
        report.pushed + report.already_applied + report.rejected + report.pulled + report.photos_sent == 0;
    Ok(report)
}
