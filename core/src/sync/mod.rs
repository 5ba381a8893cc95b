//! Sync with the office server, the same for the Android and iOS apps and the `vieclam` CLI: the `/v1` protocol's
//! bodies ([`wire`], shared with the server), signing a device in ([`session`]), one sync run ([`sync()`]: push the
//! outbox, pull the device's scope, upload photos), a timer that retries with backoff ([`SyncScheduler`]), and the
//! sync screen ([`status()`]).
//!
//! The client never holds the store across a network wait: it borrows it for one short step at a time through
//! [`StoreAccess`]. Everything it keeps (session, cursor, acknowledged chain head, photo uploads) is in the
//! encrypted store, written in the same transaction as the data it describes, so a killed app or a dropped
//! connection at any point leaves a store that the next sync simply continues from.

mod cancel;
pub mod compact;
pub mod deferred;
mod engine;
pub mod error;
mod field;
mod http;
pub mod payload;
pub mod photos;
pub mod pull;
pub mod push;
mod schedule;
pub mod session;
pub mod state;
mod status;
mod store_access;
pub mod wire;

pub use cancel::{CancelToken, NoProgress, ProgressEvent, SyncPhase, SyncProgress};
pub use engine::{SyncOptions, SyncReport, bytes_text, sync};
pub use error::{ServerRefusal, SyncError, SyncResult};
pub use schedule::{BACKOFF_CAP, BACKOFF_START, ScheduledOutcome, SyncScheduler, backoff, no_progress};
pub use session::{DeviceLabel, activate, current_session, enrol, login, logout};
pub use state::StoredSession;
pub use status::{RejectedChange, SyncStatus, WaitingKind, status};
pub use store_access::{StoreAccess, with_store};
