//! The uploads' [`PhotoGate`] over the database: a photo is taken only for a `check_photo` record its caller
//! authored, whose body and signed evidence link both name the photo's SHA-256, and whose link verified; finished
//! photos are kept in the `photos` table; reading a photo follows the same scope rule as `GET /v1/checks/{id}`.

use serde_json::Value;
use vieclam_core::sync::wire::Role;

use crate::api::scope::Scope;
use crate::auth::{Caller as AuthCaller, now_iso};
use crate::db::{Db, Tx};
use crate::error::ApiResult;
use crate::store::{accounts, records};
use crate::uploads::{Caller, GateError, PhotoGate};
use crate::{params, work};

/// The gate the server mounts the uploads with.
#[derive(Clone)]
pub struct DbGate {
    db: Db,
}

impl DbGate {
    /// A gate over `db`.
    pub fn new(db: Db) -> DbGate {
        DbGate { db }
    }
}

fn storage(e: crate::error::ApiError) -> GateError {
    GateError::Storage(e.code.to_owned())
}

fn body_sha(body: &str) -> Option<String> {
    let v: Value = serde_json::from_str(body).ok()?;
    v.get("sha256").and_then(Value::as_str).map(str::to_ascii_lowercase)
}

/// Why `photo_id` may not carry the photo `sha256` for `account_id`, or its size in bytes when it may.
///
/// The record must be the caller's, not deleted, and name the hash; a link of one of the caller's devices must
/// sign that record with a body naming the hash (else `UnknownRecord`); neither that link nor the record may carry
/// a verification problem (else `BadSignature`).
pub async fn check_record(
    tx: &mut Tx,
    account_id: &str,
    sha256: &str,
    photo_id: &str,
) -> ApiResult<Result<i64, GateError>> {
    let Some(rec) = records::get(tx, "check_photo", photo_id).await? else { return Ok(Err(GateError::UnknownRecord)) };
    if rec.row.deleted
        || rec.row.author_id.as_deref() != Some(account_id)
        || body_sha(&rec.row.body).as_deref() != Some(sha256)
    {
        return Ok(Err(GateError::UnknownRecord));
    }
    let links = tx
        .query(
            "SELECT l.body, l.problem FROM links l JOIN devices d ON d.id = l.device_id
             WHERE l.kind = 'photo' AND l.record_id = $1 AND d.account_id = $2 ORDER BY l.seq",
            params![photo_id, account_id],
        )
        .await?;
    let naming: Vec<_> = links.iter().filter(|l| body_sha(&l.text(0)).as_deref() == Some(sha256)).collect();
    if naming.is_empty() {
        // A link whose body was altered no longer names the hash, but its problem says why: report that.
        if links.iter().any(|l| l.opt_text(1).is_some()) {
            return Ok(Err(GateError::BadSignature));
        }
        return Ok(Err(GateError::UnknownRecord));
    }
    let flagged = tx
        .one("SELECT COUNT(*) FROM flags WHERE kind = 'check_photo' AND record_id = $1", params![photo_id])
        .await?
        .is_some_and(|r| r.int(0) > 0);
    // The record as stored must be exactly what the caller's device signed (`api::evidence`).
    let bound = rec.evidence.as_deref() == Some(vieclam_core::evidence::binding::Binding::Verified.code());
    if flagged || !bound || naming.iter().any(|l| l.opt_text(1).is_some()) {
        return Ok(Err(GateError::BadSignature));
    }
    let size = serde_json::from_str::<Value>(&rec.row.body).ok().and_then(|v| v["size_bytes"].as_i64()).unwrap_or(0);
    Ok(Ok(size))
}

/// Whether the account may see a photo of this hash: one of the `check_photo` records naming it belongs to a check
/// the account may read (admin; the author; an inspector of the check's commune; the borrower whose site it is).
pub async fn may_see(tx: &mut Tx, account_id: &str, sha256: &str) -> ApiResult<Result<(), GateError>> {
    let Some(account) = accounts::by_id(tx, account_id).await? else { return Ok(Err(GateError::Forbidden)) };
    let caller = AuthCaller { account, device_id: String::new(), token_hash: String::new() };
    let today = vieclam_core::query::session::today_in_province().to_string();
    let scope = Scope::of(tx, &caller, &today).await?;
    // Bodies are JSON text on both backends: narrow by text, then compare the parsed field exactly.
    let pattern = format!("%{sha256}%");
    let rows = tx
        .query(
            &format!("{} WHERE kind = 'check_photo' AND deleted = 0 AND body LIKE $1", records::SELECT),
            params![pattern],
        )
        .await?;
    let mut found = false;
    for photo in rows.iter().map(records::from_row) {
        if body_sha(&photo.row.body).as_deref() != Some(sha256) {
            continue;
        }
        found = true;
        let check_id = serde_json::from_str::<Value>(&photo.row.body)
            .ok()
            .and_then(|v| v["check_id"].as_str().map(str::to_owned))
            .unwrap_or_default();
        // The rule of `GET /v1/checks/{id}`, applied to the check the photo belongs to.
        let check = records::get(tx, "site_check", &check_id).await?;
        if caller.account.role == Role::Admin || check.is_some_and(|c| !c.row.deleted && scope.sees(&c.row)) {
            return Ok(Ok(()));
        }
    }
    Ok(Err(if found { GateError::Forbidden } else { GateError::NotFound }))
}

impl PhotoGate for DbGate {
    async fn authorize_upload(
        &self,
        caller: &Caller,
        sha256: &str,
        photo_id: &str,
        _len: u64,
    ) -> Result<(), GateError> {
        let (account, sha, id) = (caller.account_id.clone(), sha256.to_owned(), photo_id.to_owned());
        self.db
            .read::<Result<i64, GateError>>(work!(|tx| async move { check_record(tx, &account, &sha, &id).await }))
            .await
            .map_err(storage)?
            .map(|_| ())
    }

    async fn accept(
        &self,
        caller: &Caller,
        sha256: &str,
        photo_id: &str,
        path: &object_store::path::Path,
    ) -> Result<(), GateError> {
        let (account, sha, id, path) =
            (caller.account_id.clone(), sha256.to_owned(), photo_id.to_owned(), path.to_string());
        self.db
            .write::<Result<(), GateError>>(work!(|tx| async move {
                let size = match check_record(tx, &account, &sha, &id).await? {
                    Ok(size) => size,
                    Err(e) => return Ok(Err(e)),
                };
                tx.exec(
                    "INSERT INTO photos (sha256, photo_id, object_path, size, account_id, stored_at)
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING",
                    params![&sha, &id, &path, size, &account, now_iso()],
                )
                .await?;
                Ok(Ok(()))
            }))
            .await
            .map_err(storage)?
    }

    async fn exists(&self, sha256: &str) -> bool {
        let sha = sha256.to_owned();
        self.db
            .read(work!(|tx| async move {
                Ok(tx.one("SELECT 1 FROM photos WHERE sha256 = $1", params![&sha]).await?.is_some())
            }))
            .await
            .unwrap_or(false)
    }

    async fn may_read(&self, caller: &Caller, sha256: &str) -> Result<(), GateError> {
        let (account, sha) = (caller.account_id.clone(), sha256.to_owned());
        let held = self.exists(sha256).await;
        let seen = self
            .db
            .read::<Result<(), GateError>>(work!(|tx| async move { may_see(tx, &account, &sha).await }))
            .await
            .map_err(storage)?;
        match seen {
            Ok(()) if !held => Err(GateError::NotFound),
            other => other,
        }
    }
}
