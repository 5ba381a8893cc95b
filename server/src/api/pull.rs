//! `GET /v1/pull?cursor=C&limit=N`: the next page of changes in the caller's scope, in sequence order. The cursor
//! is opaque to the device: base64url of `seq.scopehash`; a cursor made under another scope answers `reset`.

use axum::Json;
use axum::extract::{Query, State};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use serde_json::Value;
use vieclam_core::sync::compact::compact;
use vieclam_core::sync::wire::{Change, ChangeOp, MAX_PULL_LIMIT, PullResponse, is_office_kind};

use super::scope::Scope;
use crate::auth::Caller;
use crate::db::Val;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::records::{SELECT, Stored, from_row};
use crate::work;

/// The query string.
#[derive(Debug, Deserialize)]
pub struct PullQuery {
    /// The cursor of the last page applied; none for the start.
    pub cursor: Option<String>,
    /// Page size (at most `MAX_PULL_LIMIT`).
    pub limit: Option<u32>,
    /// Leave out the ids and parent fields that follow from the page (`vieclam_core::sync::compact`); only a device
    /// that puts them back asks for it.
    pub derive_ids: Option<bool>,
}

/// Makes a cursor.
pub fn encode_cursor(seq: i64, scope_hash: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{seq}.{scope_hash}"))
}

/// Reads a cursor: (seq, scope hash).
pub fn decode_cursor(cursor: &str) -> Option<(i64, String)> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()?;
    let (seq, hash) = text.split_once('.')?;
    Some((seq.parse().ok().filter(|s: &i64| *s >= 0)?, hash.to_owned()))
}

/// The change a device applies for a stored record; field records carry the server's verdict.
pub fn change(s: Stored) -> Change {
    if s.row.deleted {
        return Change { kind: s.row.kind, id: s.row.id, op: ChangeOp::Delete, body: None };
    }
    let mut body: Value = serde_json::from_str(&s.row.body).unwrap_or(Value::Null);
    if let Some(obj) = body.as_object_mut() {
        if s.row.review {
            obj.insert("server_review".into(), Value::Bool(true));
        }
        if let Some(flags) = s.flags.as_deref().and_then(|f| serde_json::from_str::<Value>(f).ok()) {
            obj.insert("server_flags".into(), flags);
        }
    }
    Change { kind: s.row.kind, id: s.row.id, op: ChangeOp::Upsert, body: Some(body) }
}

/// An office record's body without its own `id` (the change carries it; see `OFFICE_KINDS`).
fn without_own_id(mut c: Change) -> Change {
    if is_office_kind(&c.kind)
        && let Some(obj) = c.body.as_mut().and_then(Value::as_object_mut)
        && obj.get("id").and_then(Value::as_str) == Some(c.id.as_str())
    {
        obj.remove("id");
    }
    c
}

/// `GET /v1/pull`.
pub async fn pull(
    State(st): State<AppState>,
    caller: Caller,
    Query(q): Query<PullQuery>,
) -> ApiResult<Json<PullResponse>> {
    let limit = i64::from(q.limit.unwrap_or(MAX_PULL_LIMIT).clamp(1, MAX_PULL_LIMIT));
    let from = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(decode_cursor(c).ok_or_else(|| ApiError::malformed("cursor"))?),
    };
    let derive_ids = q.derive_ids.unwrap_or(false);
    let today = vieclam_core::query::session::today_in_province().to_string();
    let page = st
        .db
        .read(work!(|tx| async move {
            let scope = Scope::of(tx, &caller, &today).await?;
            let hash = scope.hash();
            let (after, reset) = match from {
                Some((seq, h)) if h == hash => (seq, false),
                Some(_) => (0, true),
                None => (0, false),
            };
            let (cond, mut params) = scope.sql(3);
            let sql = format!("{SELECT} WHERE seq > $1 AND {cond} ORDER BY seq LIMIT $2");
            let mut all = vec![Val::Int(after), Val::Int(limit + 1)];
            all.append(&mut params);
            let mut rows: Vec<Stored> = tx.query(&sql, all).await?.iter().map(from_row).collect();
            let more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let last = rows.last().map_or(after, |r| r.seq);
            let mut changes: Vec<Change> = rows.into_iter().map(change).map(without_own_id).collect();
            if derive_ids {
                compact(&mut changes);
            }
            Ok(PullResponse { changes, cursor: encode_cursor(last, &hash), more, reset })
        }))
        .await?;
    Ok(Json(page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_junk() {
        assert_eq!(decode_cursor(&encode_cursor(42, "abcd")), Some((42, "abcd".into())));
        assert_eq!(decode_cursor("!!"), None);
        assert_eq!(decode_cursor(&URL_SAFE_NO_PAD.encode("-1.ab")), None);
    }
}
