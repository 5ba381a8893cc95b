//! Sync on a timer: a [`SyncScheduler`] runs a sync now, after a failure again with exponential backoff and
//! jitter (5 s doubling to a 10-minute cap), after a success every `interval`, and at once when poked (the network
//! came back, the user saved something). The delay sequence is the pure function [`backoff`], tested on its own.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use super::cancel::{CancelToken, NoProgress, SyncProgress};
use super::engine::{SyncOptions, SyncReport, sync};
use super::error::SyncError;
use super::store_access::StoreAccess;

/// The first wait after a failure.
pub const BACKOFF_START: Duration = Duration::from_secs(5);
/// The longest wait after failures.
pub const BACKOFF_CAP: Duration = Duration::from_secs(600);

/// The wait before the next try after `failures` failures in a row (`failures >= 1`), with `jitter` in `[0, 1)`
/// taking off up to a fifth so that many devices coming back at once do not retry in step. Grows (never shrinks)
/// with `failures` for a given jitter and never exceeds [`BACKOFF_CAP`]; a success resets `failures` to 0.
pub fn backoff(failures: u32, jitter: f64) -> Duration {
    let exp = failures.saturating_sub(1).min(16);
    let base = BACKOFF_START.saturating_mul(1u32 << exp).min(BACKOFF_CAP);
    let jitter = if jitter.is_finite() { jitter.clamp(0.0, 0.999_999) } else { 0.0 };
    base.mul_f64(1.0 - jitter / 5.0)
}

/// The outcome of a scheduled run, as the shell sees it.
#[derive(Clone, Debug)]
pub enum ScheduledOutcome {
    /// Not run yet.
    Idle,
    /// The last run worked.
    Done(SyncReport),
    /// The last run failed with this code and sentence (both languages); `retry_in` until the next try.
    Failed {
        /// The error's stable code.
        code: String,
        /// Vietnamese / English.
        message: String,
        /// Wait before the next try.
        retry_in: Duration,
    },
}

/// A background task that keeps the device in sync. Dropping it stops the task.
pub struct SyncScheduler {
    poke: Arc<Notify>,
    cancel: CancelToken,
    task: JoinHandle<()>,
    outcome: watch::Receiver<ScheduledOutcome>,
}

impl SyncScheduler {
    /// Starts the task on the current tokio runtime: a sync now, then by the rules above.
    pub fn start(
        store: Arc<dyn StoreAccess>,
        options: SyncOptions,
        interval: Duration,
        progress: Arc<dyn SyncProgress>,
    ) -> SyncScheduler {
        let poke = Arc::new(Notify::new());
        let cancel = CancelToken::new();
        let (tx, outcome) = watch::channel(ScheduledOutcome::Idle);
        let task = tokio::spawn(run_loop(store, options, interval, progress, poke.clone(), cancel.clone(), tx));
        SyncScheduler { poke, cancel, task, outcome }
    }

    /// Syncs at once (or right after the run in progress): a reconnect, a new local write.
    pub fn poke(&self) {
        self.poke.notify_one();
    }

    /// The last run's outcome; `changed().await` on it to wait for the next.
    pub fn outcome(&self) -> watch::Receiver<ScheduledOutcome> {
        self.outcome.clone()
    }

    /// Stops the task; a run in progress is cancelled at its next safe point.
    pub fn stop(&self) {
        self.cancel.cancel();
        self.task.abort();
    }
}

impl Drop for SyncScheduler {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn run_loop(
    store: Arc<dyn StoreAccess>,
    options: SyncOptions,
    interval: Duration,
    progress: Arc<dyn SyncProgress>,
    poke: Arc<Notify>,
    cancel: CancelToken,
    outcome: watch::Sender<ScheduledOutcome>,
) {
    let mut failures = 0u32;
    loop {
        if cancel.is_cancelled() {
            return;
        }
        let wait = match sync(store.as_ref(), &options, progress.as_ref(), &cancel).await {
            Ok(report) => {
                failures = 0;
                let _ = outcome.send(ScheduledOutcome::Done(report));
                interval
            }
            Err(SyncError::Cancelled) => return,
            Err(e) => {
                failures = failures.saturating_add(1);
                let wait = backoff(failures, jitter());
                let _ = outcome.send(ScheduledOutcome::Failed {
                    code: e.code().to_owned(),
                    message: e.both(),
                    retry_in: wait,
                });
                wait
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = poke.notified() => {}
            _ = cancel.cancelled() => return,
        }
    }
}

fn jitter() -> f64 {
    let mut b = [0u8; 4];
    if getrandom::fill(&mut b).is_err() {
        return 0.0;
    }
    f64::from(u32::from_le_bytes(b)) / (f64::from(u32::MAX) + 1.0)
}

/// A progress sink for the scheduler when the shell draws none.
pub fn no_progress() -> Arc<dyn SyncProgress> {
    Arc::new(NoProgress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn doubles_from_five_seconds_to_the_cap() {
        let secs: Vec<u64> = (1..=9).map(|n| backoff(n, 0.0).as_secs()).collect();
        assert_eq!(secs, vec![5, 10, 20, 40, 80, 160, 320, 600, 600]);
    }

    proptest! {
        #[test]
        fn bounded_and_non_decreasing(failures in 1u32..10_000, jitter in 0.0f64..1.0) {
            let now = backoff(failures, jitter);
            prop_assert!(now <= BACKOFF_CAP);
            prop_assert!(now >= BACKOFF_START.mul_f64(0.8));
            prop_assert!(backoff(failures + 1, jitter) >= now);
        }

        #[test]
        fn a_success_starts_again_from_the_first_wait(failures in 1u32..50, jitter in 0.0f64..1.0) {
            // After a success the count is 0, so the next failure waits as the first one did.
            prop_assert!(backoff(1, jitter) <= backoff(failures, jitter));
            prop_assert!(backoff(1, jitter) <= BACKOFF_START);
        }
    }
}
