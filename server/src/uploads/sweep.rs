//! Removing abandoned uploads: an upload whose newest object (its info or a chunk, rewritten on every PATCH) is
//! older than the expiry is deleted whole, info and chunks. The age comes from the object store's own
//! `last_modified`, so orphan chunks without an info object go too, and no clock of the client's is trusted.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use object_store::ObjectStore;
use object_store::path::Path;

use super::parts;

/// The upload id an object of `uploads/<id>/…` belongs to.
fn upload_of(location: &Path) -> Option<String> {
    let mut parts = location.parts();
    (parts.next()?.as_ref() == "uploads").then_some(())?;
    let id = parts.next()?.as_ref().to_owned();
    parts::is_upload_id(&id).then_some(id)
}

/// Deletes every upload last touched more than `expiry` before `now`; answers how many were removed.
pub async fn sweep(store: &dyn ObjectStore, expiry: Duration, now: DateTime<Utc>) -> object_store::Result<usize> {
    let metas: Vec<_> = store.list(Some(&Path::from("uploads"))).try_collect().await?;
    let mut newest: HashMap<String, DateTime<Utc>> = HashMap::new();
    for m in metas {
        if let Some(id) = upload_of(&m.location) {
            let at = newest.entry(id).or_insert(m.last_modified);
            *at = (*at).max(m.last_modified);
        }
    }
    let expiry = chrono::Duration::from_std(expiry).unwrap_or(chrono::Duration::MAX);
    let mut removed = 0;
    for (id, at) in newest {
        if now.signed_duration_since(at) > expiry {
            parts::remove(store, &id).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// How often the sweeper looks: a quarter of the expiry, between one second and ten minutes.
pub fn period(expiry: Duration) -> Duration {
    (expiry / 4).clamp(Duration::from_secs(1), Duration::from_secs(600))
}

/// Runs [`sweep`] every [`period`] until the process ends (started by `serve`).
pub fn spawn(store: Arc<dyn ObjectStore>, expiry: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(period(expiry));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match sweep(store.as_ref(), expiry, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(removed = n, "expired uploads removed"),
                Err(e) => tracing::warn!(error = %e, "the upload sweeper failed; it tries again"),
            }
        }
    })
}

/// The `Upload-Expires` value for an upload touched now: an HTTP date (RFC 9110, `IMF-fixdate`).
pub fn expires_header(expiry: Duration, now: DateTime<Utc>) -> String {
    let at = now + chrono::Duration::from_std(expiry).unwrap_or(chrono::Duration::days(1));
    at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires_is_an_http_date() {
        let now = DateTime::parse_from_rfc3339("2026-12-05T10:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(expires_header(Duration::from_secs(86_400), now), "Sun, 06 Dec 2026 10:00:00 GMT");
    }

    #[test]
    fn only_upload_objects_are_swept() {
        assert_eq!(
            upload_of(&Path::from("uploads/0123456789abcdef0123456789abcdef/info.json")).as_deref(),
            Some("0123456789abcdef0123456789abcdef")
        );
        assert_eq!(upload_of(&Path::from("photos/abc.jpg")), None);
        assert_eq!(upload_of(&Path::from("uploads/../x")), None);
    }
}
