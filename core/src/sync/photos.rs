//! Photo upload with tus 1.0 (core, creation, checksum): each of this device's photos that the server does not hold
//! yet, addressed by SHA-256. `HEAD /v1/photos/{sha}` first (held: skip), then the upload: created once with its
//! metadata, its URL and offset kept in `photo_uploads`, then sent in chunks each carrying its own SHA-256. A
//! connection that breaks mid-chunk is followed by `HEAD` on the upload URL and a resume from the server's
//! `Upload-Offset`, in this sync or the next. A photo the server refuses is set aside with its code; it never
//! blocks the others.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use reqwest::header::{CONTENT_TYPE, LOCATION};
use reqwest::{Method, Response, StatusCode};
use rusqlite::{Connection, OptionalExtension, params};

use super::cancel::{CancelToken, ProgressEvent, SyncPhase, SyncProgress};
use super::error::{ServerRefusal, SyncError, SyncResult};
use super::http::{Http, error_from};
use super::state::now_utc;
use super::store_access::{StoreAccess, with_store};
use crate::evidence::photo::store::PhotoStore;
use crate::evidence::signing::sha256;

/// Bytes per PATCH.
pub const CHUNK: usize = 256 * 1024;
/// Resumes of one photo within one sync before giving up until the next.
const RESUMES: u32 = 4;

/// What the photo phase did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhotoOutcome {
    /// Photos now held by the server that were not before this sync.
    pub sent: u64,
    /// Photos refused (set aside with their code).
    pub failed: u64,
    /// Bytes sent.
    pub bytes_up: u64,
}

/// This device's photos not yet on the server (their check_photo record already sent): (sha256, photo id).
pub fn waiting(conn: &Connection) -> crate::Result<Vec<(String, String)>> {
    let device: String = conn.query_row("SELECT value FROM meta WHERE key = 'device_id'", [], |r| r.get(0))?;
    let mut stmt = conn.prepare(
        "SELECT p.sha256, min(p.id) FROM check_photos p JOIN site_checks c ON c.id = p.check_id
         WHERE c.device_id = ?1
           AND p.sha256 NOT IN (SELECT sha256 FROM photo_uploads WHERE state = 'done')
         GROUP BY p.sha256 ORDER BY min(p.created_at)",
    )?;
    let rows = stmt.query_map([device], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Uploads every waiting photo from the photo folder `dir`.
pub(crate) async fn upload_all(
    store: &dyn StoreAccess,
    http: &Http,
    dir: &Path,
    progress: &dyn SyncProgress,
    cancel: &CancelToken,
    base: (u64, u64),
) -> SyncResult<PhotoOutcome> {
    let waiting = with_store(store, |s| {
        let all = waiting(s.conn())?;
        // Only once the record that names the photo has gone up: the server checks the bytes against it.
        let mut ready = Vec::new();
        for (sha, id) in all {
            if !crate::store::outbox::is_pending(s.conn(), "check_photo", &id)? {
                ready.push((sha, id));
            }
        }
        Ok(ready)
    })?;
    let photos = PhotoStore::new(dir);
    let mut out = PhotoOutcome::default();
    let total = waiting.len() as u64;
    for (i, (sha, photo_id)) in waiting.iter().enumerate() {
        cancel.check()?;
        match upload_one(store, http, &photos, sha, photo_id, cancel, &mut out.bytes_up).await {
            Ok(true) => out.sent += 1,
            Ok(false) => {}
            Err(SyncError::Refused { refusal: ServerRefusal { code, .. }, .. }) | Err(SyncError::Photo(code)) => {
                out.failed += 1;
                with_store(store, |s| set_row(s.conn(), sha, "failed", None, 0, Some(&code)))?;
            }
            Err(e) => return Err(e),
        }
        progress.on_progress(ProgressEvent {
            phase: SyncPhase::Photos,
            done: i as u64 + 1,
            total,
            bytes_up: base.0 + out.bytes_up,
            bytes_down: base.1,
        });
    }
    Ok(out)
}

/// Uploads one photo; `Ok(false)` when the server already held it.
async fn upload_one(
    store: &dyn StoreAccess,
    http: &Http,
    photos: &PhotoStore,
    sha: &str,
    photo_id: &str,
    cancel: &CancelToken,
    bytes_up: &mut u64,
) -> SyncResult<bool> {
    if http.send(cancel, || http.request(Method::HEAD, &format!("/v1/photos/{sha}"))).await.is_ok() {
        with_store(store, |s| set_row(s.conn(), sha, "done", None, 0, None))?;
        return Ok(false);
    }
    let bytes = photos.get(sha).map_err(|e| SyncError::Photo(e.code().to_owned()))?;
    let len = bytes.len() as u64;
    let row = with_store(store, |s| get_row(s.conn(), sha))?;
    // A URL kept by an older version is checked as a new Location would be; a foreign one is dropped for a new upload.
    let kept = row.and_then(|(url, _)| url).and_then(|url| http.resolve(&url).ok());
    let (url, mut offset) = match kept {
        Some(url) => match head_offset(http, &url, cancel).await {
            Ok(offset) => (url, offset),
            Err(SyncError::Refused { status: 404 | 410, .. }) => create(http, sha, photo_id, len, cancel).await?,
            Err(e) => return Err(e),
        },
        None => create(http, sha, photo_id, len, cancel).await?,
    };
    with_store(store, |s| set_row(s.conn(), sha, "uploading", Some(&url), offset, None))?;
    let mut resumes = 0;
    while offset < len {
        cancel.check()?;
        let start = usize::try_from(offset).unwrap_or(usize::MAX).min(bytes.len());
        let chunk = &bytes[start..(start + CHUNK).min(bytes.len())];
        match patch(http, &url, offset, chunk, cancel).await {
            Ok(new_offset) => {
                *bytes_up += chunk.len() as u64;
                offset = new_offset;
                with_store(store, |s| set_row(s.conn(), sha, "uploading", Some(&url), offset, None))?;
            }
            Err(e @ (SyncError::Offline | SyncError::Refused { status: 409, .. })) => {
                resumes += 1;
                if resumes > RESUMES {
                    return Err(e);
                }
                // The chunk may have arrived in part: the server's offset says where to go on.
                offset = head_offset(http, &url, cancel).await?;
                with_store(store, |s| set_row(s.conn(), sha, "uploading", Some(&url), offset, None))?;
            }
            Err(e) => return Err(e),
        }
    }
    with_store(store, |s| set_row(s.conn(), sha, "done", Some(&url), offset, None))?;
    Ok(true)
}

/// `POST /v1/uploads`: a new upload, or one created complete when the server already holds the bytes.
async fn create(http: &Http, sha: &str, photo_id: &str, len: u64, cancel: &CancelToken) -> SyncResult<(String, u64)> {
    let metadata = format!("sha256 {},photo_id {}", B64.encode(sha), B64.encode(photo_id));
    let response = http
        .send(cancel, || {
            http.request(Method::POST, "/v1/uploads")
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", len.to_string())
                .header("Upload-Metadata", metadata.clone())
        })
        .await?;
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| SyncError::bad_answer("an upload without a Location"))?;
    // Another host's Location is refused: the chunks and the token go only to the server signed in to.
    let location = http.resolve(location)?;
    let offset = offset_of(&response).unwrap_or(0);
    Ok((location, offset))
}

/// `HEAD` on an upload: the server's offset.
async fn head_offset(http: &Http, url: &str, cancel: &CancelToken) -> SyncResult<u64> {
    let response = http.send(cancel, || http.request(Method::HEAD, url).header("Tus-Resumable", "1.0.0")).await?;
    offset_of(&response).ok_or_else(|| SyncError::bad_answer("a HEAD without Upload-Offset"))
}

/// One `PATCH` of `chunk` at `offset`, sent once (a repeat at the same offset would be refused): the new offset.
async fn patch(http: &Http, url: &str, offset: u64, chunk: &[u8], cancel: &CancelToken) -> SyncResult<u64> {
    let checksum = format!("sha256 {}", B64.encode(sha256(chunk)));
    let request = http
        .request(Method::PATCH, url)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", offset.to_string())
        .header("Upload-Checksum", checksum)
        .header(CONTENT_TYPE, "application/offset+octet-stream")
        .body(chunk.to_vec());
    let sent = cancel.run(async { Ok(request.send().await) }).await?;
    let response = match sent {
        Ok(r) if r.status() == StatusCode::NO_CONTENT || r.status().is_success() => r,
        Ok(r) => return Err(error_from(r).await),
        Err(_) => return Err(SyncError::Offline),
    };
    offset_of(&response).ok_or_else(|| SyncError::bad_answer("a PATCH answer without Upload-Offset"))
}

fn offset_of(response: &Response) -> Option<u64> {
    response.headers().get("Upload-Offset")?.to_str().ok()?.trim().parse().ok()
}

fn get_row(conn: &Connection, sha: &str) -> crate::Result<Option<(Option<String>, u64)>> {
    Ok(conn
        .query_row("SELECT upload_url, offset FROM photo_uploads WHERE sha256 = ?1", [sha], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })
        .optional()?)
}

fn set_row(
    conn: &Connection,
    sha: &str,
    state: &str,
    url: Option<&str>,
    offset: u64,
    error: Option<&str>,
) -> crate::Result<()> {
    conn.execute(
        "INSERT INTO photo_uploads (sha256, state, upload_url, offset, last_error, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (sha256) DO UPDATE SET state = excluded.state,
             upload_url = coalesce(excluded.upload_url, photo_uploads.upload_url),
             offset = excluded.offset, last_error = excluded.last_error, updated_at = excluded.updated_at",
        params![sha, state, url, i64::try_from(offset).unwrap_or(i64::MAX), error, now_utc()],
    )?;
    Ok(())
}
