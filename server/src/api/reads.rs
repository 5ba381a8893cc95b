//! Scoped reads of single records for the apps and the dashboard: a loan with its schedule, a site check with its
//! answers and photos, a worker's registration; and the office's verification of a registration. A record outside
//! the caller's scope answers 403 `scope.forbidden`; one that does not exist, 404 `not_found`.

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};
use vieclam_core::sync::wire::Role;

use vieclam_core::evidence::binding::field_record_id;

use super::evidence;
use super::pull::change;
use super::scope::Scope;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::records::{self, SELECT, from_row};
use crate::{params, work};

/// The record `kind`/`id` as the caller may see it.
async fn visible(tx: &mut Tx, caller: &Caller, kind: &str, id: &str) -> ApiResult<(Scope, Value)> {
    let today = vieclam_core::query::session::today_in_province().to_string();
    let scope = Scope::of(tx, caller, &today).await?;
    // No record id holds a NUL, and PostgreSQL's text cannot take one as a parameter.
    if id.contains('\0') {
        return Err(ApiError::not_found());
    }
    let stored = records::get(tx, kind, id).await?.filter(|s| !s.row.deleted).ok_or_else(ApiError::not_found)?;
    if !scope.sees(&stored.row) {
        return Err(ApiError::forbidden());
    }
    Ok((scope, change(stored).body.unwrap_or(Value::Null)))
}

/// The bodies of the `kind` records whose `field` is `id`, among those the scope sees.
async fn children(tx: &mut Tx, scope: &Scope, kind: &str, field: &str, id: &str) -> ApiResult<Vec<Value>> {
    let rows = tx.query(&format!("{SELECT} WHERE kind = $1 AND deleted = 0 ORDER BY seq"), params![kind]).await?;
    Ok(rows
        .iter()
        .map(from_row)
        .filter(|s| scope.sees(&s.row))
        .map(change)
        .filter_map(|c| c.body)
        .filter(|b| b[field].as_str() == Some(id))
        .collect())
}

/// `GET /v1/loans/{id}`: the loan, its schedule and payments.
pub async fn loan(State(st): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let v = st
        .db
        .read(work!(|tx| async move {
            let (scope, loan) = visible(tx, &caller, "loan", &id).await?;
            let schedule = records::get(tx, "schedule", &id).await?.map(change).and_then(|c| c.body);
            let payments = tx
                .query(
                    &format!("{SELECT} WHERE kind = 'payment' AND borrower_id = $1 ORDER BY seq"),
                    params![loan["borrower_id"].as_str()],
                )
                .await?
                .iter()
                .map(from_row)
                .filter(|s| scope.sees(&s.row))
                .filter_map(|s| change(s).body)
                .filter(|b| b["loan_id"].as_str() == Some(id.as_str()))
                .collect::<Vec<_>>();
            Ok(json!({ "loan": loan, "schedule": schedule, "payments": payments }))
        }))
        .await?;
    Ok(Json(v))
}

/// The evidence of a check: its worst status, and each record's (`evidence.*` codes, see `super::evidence`).
async fn evidence_of(tx: &mut Tx, check_id: &str, answers: &[Value], photos: &[Value]) -> ApiResult<Value> {
    let mut keys = vec![("site_check", check_id.to_owned())];
    keys.extend(answers.iter().filter_map(|a| field_record_id("check_answer", a)).map(|id| ("check_answer", id)));
    keys.extend(photos.iter().filter_map(|p| field_record_id("check_photo", p)).map(|id| ("check_photo", id)));
    let mut records = Vec::new();
    let mut codes = Vec::new();
    for (kind, id) in keys {
        let code = evidence::record_evidence(tx, kind, &id).await?;
        let status = evidence::worst([code.clone()]);
        records.push(json!({ "kind": kind, "id": id, "status": status.code() }));
        codes.push(code);
    }
    let worst = evidence::worst(codes);
    let text = worst.text();
    Ok(json!({ "status": worst.code(), "message_vi": text.vi, "message_en": text.en, "records": records }))
}

/// `GET /v1/checks/{id}`: the check, its answers and photos, and their evidence status.
pub async fn check(State(st): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let v = st
        .db
        .read(work!(|tx| async move {
            let (scope, check) = visible(tx, &caller, "site_check", &id).await?;
            let answers = children(tx, &scope, "check_answer", "check_id", &id).await?;
            let photos = children(tx, &scope, "check_photo", "check_id", &id).await?;
            let evidence = evidence_of(tx, &id, &answers, &photos).await?;
            Ok(json!({ "check": check, "answers": answers, "photos": photos, "evidence": evidence }))
        }))
        .await?;
    Ok(Json(v))
}

/// `GET /v1/registrations/{id}`.
pub async fn registration(
    State(st): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let v =
        st.db.read(work!(|tx| async move { Ok(visible(tx, &caller, "worker_registration", &id).await?.1) })).await?;
    Ok(Json(v))
}

/// Marks a registration verified (a new seq, so the worker's device pulls the new status). Answers its body.
pub async fn verify_registration(tx: &mut Tx, id: &str) -> ApiResult<Value> {
    review_registration(tx, id, None).await
}

/// The office's decision on registration `id`: verified (`reject` is `None`) or rejected with the reason the worker
/// will read. Answers the stored body; not found for an id the server does not hold.
pub async fn review_registration(tx: &mut Tx, id: &str, reject: Option<&str>) -> ApiResult<Value> {
    if id.contains('\0') {
        return Err(ApiError::not_found());
    }
    let stored = records::get(tx, "worker_registration", id).await?.ok_or_else(ApiError::not_found)?;
    let mut body: Value = serde_json::from_str(&stored.row.body).unwrap_or(json!({}));
    body["status"] = json!(if reject.is_some() { "rejected" } else { "verified" });
    body["status_reason"] = json!(reject);
    let mut row = stored.row;
    row.body = body.to_string();
    records::upsert(tx, &[row]).await?;
    Ok(body)
}

/// `POST /v1/registrations/{id}/verify` (admin).
pub async fn verify(State(st): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    if caller.account.role != Role::Admin {
        return Err(ApiError::forbidden());
    }
    let v = st.db.write(work!(|tx| async move { verify_registration(tx, &id).await })).await?;
    tracing::info!("registration verified");
    Ok(Json(v))
}
