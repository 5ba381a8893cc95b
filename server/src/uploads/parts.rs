//! An upload's state in the object store: `uploads/<id>/info.json` and one object per chunk, named by its starting
//! offset (zero-padded, so they list in order), and the finished photo at `photos/<sha256>.jpg`.

use bytes::Bytes;
use futures::TryStreamExt;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use serde::{Deserialize, Serialize};

/// What the server knows of one upload, kept as JSON beside its chunks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadInfo {
    /// The upload's id (32 hex digits).
    pub id: String,
    /// `Upload-Length`.
    pub length: u64,
    /// Bytes received so far.
    pub offset: u64,
    /// The announced SHA-256, lowercase hex.
    pub sha256: String,
    /// The `check_photo` record the bytes belong to.
    pub photo_id: String,
    /// Who created it: only they may continue it.
    pub account_id: String,
}

/// Where a finished photo is kept.
pub fn photo_path(sha256: &str) -> Path {
    Path::from(format!("photos/{sha256}.jpg"))
}

fn info_path(id: &str) -> Path {
    Path::from(format!("uploads/{id}/info.json"))
}

fn chunk_path(id: &str, offset: u64) -> Path {
    Path::from(format!("uploads/{id}/chunk-{offset:020}"))
}

/// Whether `id` has the shape of an upload id, so a path segment never escapes `uploads/`.
pub fn is_upload_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Writes (or rewrites) the info object.
pub async fn save_info(store: &dyn ObjectStore, info: &UploadInfo) -> object_store::Result<()> {
    let json = serde_json::to_vec(info).unwrap_or_default();
    store.put(&info_path(&info.id), PutPayload::from(json)).await.map(|_| ())
}

/// Reads the info object; `Ok(None)` when there is no such upload.
pub async fn load_info(store: &dyn ObjectStore, id: &str) -> object_store::Result<Option<UploadInfo>> {
    match store.get(&info_path(id)).await {
        Ok(got) => Ok(serde_json::from_slice(&got.bytes().await?).ok()),
        Err(object_store::Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Stores one chunk received at `offset`. The info object is updated after it, so a crash in between leaves an
/// orphan chunk that the next PATCH at the same offset overwrites.
pub async fn save_chunk(store: &dyn ObjectStore, id: &str, offset: u64, chunk: Bytes) -> object_store::Result<()> {
    store.put(&chunk_path(id, offset), PutPayload::from(chunk)).await.map(|_| ())
}

/// The chunks joined in offset order, only those below `length` (an orphan past the recorded offset is ignored).
pub async fn assemble(store: &dyn ObjectStore, info: &UploadInfo) -> object_store::Result<Vec<u8>> {
    let prefix = Path::from(format!("uploads/{}", info.id));
    let mut metas: Vec<_> = store.list(Some(&prefix)).try_collect().await?;
    metas.retain(|m| m.location.filename().is_some_and(|f| f.starts_with("chunk-")));
    metas.sort_by(|a, b| a.location.cmp(&b.location));
    let mut out = Vec::with_capacity(usize::try_from(info.length).unwrap_or(0));
    for m in metas {
        let start: u64 = m.location.filename().and_then(|f| f["chunk-".len()..].parse().ok()).unwrap_or(u64::MAX);
        if start != out.len() as u64 || start >= info.offset {
            continue;
        }
        out.extend_from_slice(&store.get(&m.location).await?.bytes().await?);
    }
    Ok(out)
}

/// Removes an upload's info and chunks (after it finished or failed for good).
pub async fn remove(store: &dyn ObjectStore, id: &str) -> object_store::Result<()> {
    let prefix = Path::from(format!("uploads/{id}"));
    let metas: Vec<_> = store.list(Some(&prefix)).try_collect().await?;
    for m in metas {
        store.delete(&m.location).await?;
    }
    Ok(())
}
