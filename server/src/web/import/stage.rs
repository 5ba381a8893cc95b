//! An uploaded loan book waiting for the clerk's confirmation, kept in the server's object store (the photo store:
//! `DATA/photos` by default, a bucket in deployment) under `imports/<token>/`: the files as uploaded, `meta.json`
//! (whose session, when, the day it was checked as of, what the preview showed), `claimed` once confirmed and
//! `done` once written. The
//! store, not the process's memory, holds it, so a restart between preview and confirm loses nothing and nothing of
//! a clerk's book lingers in memory; the sweeper removes a staged import an hour after its last change.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use futures::TryStreamExt;
use object_store::path::Path;
use object_store::{ObjectStore, PutMode, PutOptions, PutPayload};
use serde::{Deserialize, Serialize};

/// How long a staged import waits for its confirmation.
pub const LIFETIME: Duration = Duration::from_secs(3600);

/// How often the sweeper looks for staged imports past their [`LIFETIME`].
const SWEEP_EVERY: Duration = Duration::from_secs(300);

/// One uploaded file as staged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StagedFile {
    /// Its name as the browser gave it (cleaned: no folders, no control characters).
    pub name: String,
    /// SHA-256 of its bytes, lowercase hex: the confirmation reads exactly what the preview read.
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
}

/// What the preview showed, to tell at confirmation whether a second reading still says the same.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Rows accepted (loans, payments, relief events).
    pub accepted_rows: usize,
    /// Problems in rejected rows.
    pub rejected: usize,
    /// Findings against the rule sets.
    pub findings: usize,
}

/// Everything known of a staged import besides its files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The admin account that uploaded it.
    pub account_id: String,
    /// The browser session (its device row) that uploaded it: only that session may confirm it.
    pub device_id: String,
    /// When it was uploaded.
    pub created_at: DateTime<Utc>,
    /// The day the book was checked as of (no disbursement or payment after it); the confirmation checks it as of
    /// the same day, so a preview shown before midnight and confirmed after it writes what was shown.
    pub today: NaiveDate,
    /// The files, in the order uploaded.
    pub files: Vec<StagedFile>,
    /// What the preview showed.
    pub summary: Summary,
}

/// A new token: 128 random bits as 32 hex digits, unguessable and safe as a path segment.
pub fn new_token() -> String {
    (0..16).map(|_| format!("{:02x}", rand::random::<u8>())).collect()
}

/// Whether `token` has the shape of one [`new_token`] makes, so a forged one never reaches the store as a path.
pub fn is_token(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn meta_path(token: &str) -> Path {
    Path::from(format!("imports/{token}/meta.json"))
}

fn file_path(token: &str, i: usize) -> Path {
    Path::from(format!("imports/{token}/file-{i}"))
}

fn claim_path(token: &str) -> Path {
    Path::from(format!("imports/{token}/claimed"))
}

fn done_path(token: &str) -> Path {
    Path::from(format!("imports/{token}/done"))
}

/// How far a staged import's confirmation went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Not confirmed yet.
    Waiting,
    /// Claimed by a confirmation whose write has not finished: being written now (in another server process), or
    /// the server stopped during the write (its transaction then rolled back: nothing was written).
    Claimed,
    /// Written.
    Done,
}

/// Stores `files` (name and bytes) and `meta` under `token`; the meta last, so a half-stored import has none and is
/// never confirmed.
pub async fn save(
    store: &dyn ObjectStore,
    token: &str,
    files: &[(String, Vec<u8>)],
    meta: &Meta,
) -> object_store::Result<()> {
    for (i, (_, bytes)) in files.iter().enumerate() {
        store.put(&file_path(token, i), PutPayload::from(bytes.clone())).await?;
    }
    let json = serde_json::to_vec(meta).unwrap_or_default();
    store.put(&meta_path(token), PutPayload::from(json)).await.map(|_| ())
}

/// The meta of the import staged under `token`; `Ok(None)` when there is none (never made, or swept).
pub async fn load(store: &dyn ObjectStore, token: &str) -> object_store::Result<Option<Meta>> {
    match store.get(&meta_path(token)).await {
        Ok(got) => Ok(serde_json::from_slice(&got.bytes().await?).ok()),
        Err(object_store::Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The staged files' bytes, in order; `Ok(None)` when one is missing.
pub async fn files(store: &dyn ObjectStore, token: &str, meta: &Meta) -> object_store::Result<Option<Vec<Vec<u8>>>> {
    let mut out = Vec::with_capacity(meta.files.len());
    for i in 0..meta.files.len() {
        match store.get(&file_path(token, i)).await {
            Ok(got) => out.push(got.bytes().await?.to_vec()),
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        }
    }
    Ok(Some(out))
}

async fn exists(store: &dyn ObjectStore, path: &Path) -> object_store::Result<bool> {
    match store.head(path).await {
        Ok(_) => Ok(true),
        Err(object_store::Error::NotFound { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

/// How far the confirmation of the import under `token` went.
pub async fn progress(store: &dyn ObjectStore, token: &str) -> object_store::Result<Progress> {
    if exists(store, &done_path(token)).await? {
        Ok(Progress::Done)
    } else if exists(store, &claim_path(token)).await? {
        Ok(Progress::Claimed)
    } else {
        Ok(Progress::Waiting)
    }
}

/// Marks the import confirmed, once: `Ok(false)` when it already was. A create-only write, so two server processes
/// cannot both claim it; a store without create-only writes is claimed by a plain write (the caller also holds the
/// process's import lock).
pub async fn claim(store: &dyn ObjectStore, token: &str) -> object_store::Result<bool> {
    let opts = PutOptions { mode: PutMode::Create, ..PutOptions::default() };
    match store.put_opts(&claim_path(token), PutPayload::from_static(b"{}"), opts).await {
        Ok(_) => Ok(true),
        Err(object_store::Error::AlreadyExists { .. }) => Ok(false),
        Err(object_store::Error::NotImplemented) => {
            store.put(&claim_path(token), PutPayload::from_static(b"{}")).await.map(|_| true)
        }
        Err(e) => Err(e),
    }
}

/// Takes the claim back after a write that failed (nothing was written), so the clerk may try again.
pub async fn unclaim(store: &dyn ObjectStore, token: &str) -> object_store::Result<()> {
    store.delete(&claim_path(token)).await
}

/// Marks the import written and drops its files, keeping its meta and marks until the sweeper takes them, so a
/// second confirmation is answered "already imported" rather than "unknown".
pub async fn finish(store: &dyn ObjectStore, token: &str, meta: &Meta) -> object_store::Result<()> {
    store.put(&done_path(token), PutPayload::from_static(b"{}")).await?;
    for i in 0..meta.files.len() {
        match store.delete(&file_path(token, i)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The token an object of `imports/<token>/…` belongs to.
fn token_of(location: &Path) -> Option<String> {
    let mut parts = location.parts();
    (parts.next()?.as_ref() == "imports").then_some(())?;
    let token = parts.next()?.as_ref().to_owned();
    is_token(&token).then_some(token)
}

/// Removes every staged import whose newest object is older than `lifetime` at `now`; answers how many. The age is
/// the store's own `last_modified`, so files left without a meta (an upload cut short) go too.
pub async fn sweep(store: &dyn ObjectStore, lifetime: Duration, now: DateTime<Utc>) -> object_store::Result<usize> {
    let metas: Vec<_> = store.list(Some(&Path::from("imports"))).try_collect().await?;
    let mut newest: HashMap<String, (DateTime<Utc>, Vec<Path>)> = HashMap::new();
    for m in metas {
        if let Some(token) = token_of(&m.location) {
            let entry = newest.entry(token).or_insert((m.last_modified, Vec::new()));
            entry.0 = entry.0.max(m.last_modified);
            entry.1.push(m.location);
        }
    }
    let lifetime = chrono::Duration::from_std(lifetime).unwrap_or(chrono::Duration::MAX);
    let mut removed = 0;
    for (_, (at, paths)) in newest {
        if now.signed_duration_since(at) > lifetime {
            for p in paths {
                match store.delete(&p).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            removed += 1;
        }
    }
    Ok(removed)
}

/// Runs [`sweep`] every few minutes until the process ends.
pub fn spawn_sweeper(store: Arc<dyn ObjectStore>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SWEEP_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match sweep(store.as_ref(), LIFETIME, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(removed = n, "staged imports past their hour removed"),
                Err(e) => tracing::warn!(error = %e, "the staged-import sweeper failed; it tries again"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use object_store::memory::InMemory;

    use super::*;

    fn meta() -> Meta {
        Meta {
            account_id: "a".into(),
            device_id: "d".into(),
            created_at: Utc::now(),
            today: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            files: vec![StagedFile { name: "du-no.csv".into(), sha256: "00".into(), size: 3 }],
            summary: Summary::default(),
        }
    }

    #[test]
    fn tokens_are_hex_and_forged_ones_are_not() {
        let t = new_token();
        assert!(is_token(&t), "{t}");
        assert_ne!(t, new_token());
        for bad in
            ["", "../../etc/passwd", &"A".repeat(32), &"0".repeat(31), &"0".repeat(33), &format!("{}/", &t[..31])]
        {
            assert!(!is_token(bad), "{bad}");
        }
        assert_eq!(token_of(&Path::from(format!("imports/{t}/meta.json"))), Some(t));
        assert_eq!(token_of(&Path::from("uploads/0123456789abcdef0123456789abcdef/info.json")), None);
    }

    #[tokio::test]
    async fn staged_claimed_once_and_swept_after_the_hour() {
        let store = InMemory::new();
        let token = new_token();
        let m = meta();
        save(&store, &token, &[("du-no.csv".into(), b"abc".to_vec())], &m).await.unwrap();
        assert_eq!(load(&store, &token).await.unwrap(), Some(m.clone()));
        assert_eq!(files(&store, &token, &m).await.unwrap(), Some(vec![b"abc".to_vec()]));
        assert_eq!(progress(&store, &token).await.unwrap(), Progress::Waiting);
        assert!(claim(&store, &token).await.unwrap());
        assert!(!claim(&store, &token).await.unwrap(), "a second claim is refused");
        assert_eq!(progress(&store, &token).await.unwrap(), Progress::Claimed);
        unclaim(&store, &token).await.unwrap();
        assert_eq!(progress(&store, &token).await.unwrap(), Progress::Waiting, "a failed write is taken back");
        assert!(claim(&store, &token).await.unwrap());
        finish(&store, &token, &m).await.unwrap();
        assert_eq!(progress(&store, &token).await.unwrap(), Progress::Done);
        assert_eq!(files(&store, &token, &m).await.unwrap(), None);
        assert_eq!(sweep(&store, LIFETIME, Utc::now()).await.unwrap(), 0, "not an hour old yet");
        let later = Utc::now() + chrono::Duration::minutes(61);
        assert_eq!(sweep(&store, LIFETIME, later).await.unwrap(), 1);
        assert_eq!(load(&store, &token).await.unwrap(), None);
        assert_eq!(progress(&store, &token).await.unwrap(), Progress::Waiting);
    }
}
