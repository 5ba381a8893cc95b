//! Cancelling a sync and hearing how far it got: a [`CancelToken`] the shell keeps (checked between requests and
//! while bytes stream) and the [`SyncProgress`] trait the shell implements to draw a progress bar.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::Notify;

use super::error::{SyncError, SyncResult};

/// A cancel switch shared between the shell (which flips it) and a running sync (which stops at the next safe
/// point: between requests, between chunks). Cloning shares the switch.
#[derive(Clone, Debug, Default)]
pub struct CancelToken {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    cancelled: AtomicBool,
    notify: Notify,
}

impl CancelToken {
    /// A token not yet cancelled.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Asks the sync to stop; what it already committed stays.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
        self.inner.notify.notify_waiters();
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    /// `Err(Cancelled)` once cancelled: the check made between steps.
    pub fn check(&self) -> SyncResult<()> {
        if self.is_cancelled() { Err(SyncError::Cancelled) } else { Ok(()) }
    }

    /// Completes when the token is cancelled.
    pub async fn cancelled(&self) {
        loop {
            let notified = self.inner.notify.notified();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }

    /// Runs `fut` unless the token is cancelled first, in which case `fut` is dropped (its request aborted).
    pub async fn run<T>(&self, fut: impl Future<Output = SyncResult<T>>) -> SyncResult<T> {
        self.check()?;
        tokio::select! {
            biased;
            _ = self.cancelled() => Err(SyncError::Cancelled),
            out = fut => out,
        }
    }
}

/// The stage a sync is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncPhase {
    /// Sending the outbox.
    Push,
    /// Receiving pages of changes.
    Pull,
    /// Uploading photos.
    Photos,
}

impl SyncPhase {
    /// The phase as people read it.
    pub fn label(self) -> crate::messages::Text {
        use crate::messages::sync as msg;
        match self {
            SyncPhase::Push => msg::PHASE_PUSH,
            SyncPhase::Pull => msg::PHASE_PULL,
            SyncPhase::Photos => msg::PHASE_PHOTOS,
        }
    }
}

/// Where a sync stands, reported after every request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgressEvent {
    /// The stage.
    pub phase: SyncPhase,
    /// Items done in this stage (mutations, records, photos).
    pub done: u64,
    /// Items known in this stage (0 when unknown, as for a pull before its last page).
    pub total: u64,
    /// Bytes sent so far in the whole sync.
    pub bytes_up: u64,
    /// Bytes received so far in the whole sync.
    pub bytes_down: u64,
}

/// What a shell implements to hear progress. Called on the sync's task; keep it quick.
pub trait SyncProgress: Send + Sync {
    /// One step further.
    fn on_progress(&self, event: ProgressEvent);
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl SyncProgress for NoProgress {
    fn on_progress(&self, _event: ProgressEvent) {}
}
