//! `POST /v1/push`: a device's outbox batch and its evidence-chain links, applied in one transaction.
//!
//! The body is checked whole before anything is written (400 `push.malformed`, 413 `push.too_large`). Then each
//! mutation is answered `applied`, `already_applied` (its id was seen with the same content) or `rejected` with a
//! code; rejected ones are remembered too, so a resend gets the same answer. The field rules (who may write what,
//! where, and how two devices' changes merge) are in [`super::field`]; the chain links in [`super::links`].

use std::collections::BTreeSet;

use axum::Json;
use axum::extract::State;
use serde_json::json;
use vieclam_core::sync::wire::{
    MAX_PUSH_LINKS, MAX_PUSH_MUTATIONS, Mutation, MutationResult, MutationStatus, PushRequest, PushResponse,
};

use super::body::{JsonBody, too_large};
use super::field::{self, Refusal};
use super::{evidence, links};
use crate::auth::{Caller, now_iso, sha256_hex};
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::{params, work};

/// Checks the parts of the body that make it unusable as a whole.
fn validate(req: &PushRequest, caller: &Caller) -> ApiResult<()> {
    if req.mutations.len() > MAX_PUSH_MUTATIONS {
        return Err(too_large());
    }
    for m in &req.mutations {
        if !vieclam_core::ids::is_id(&m.id) || m.entity.is_empty() || m.entity_id.is_empty() || m.entity_id.len() > 300
        {
            return Err(ApiError::malformed("mutation id/entity"));
        }
    }
    if req.links.len() > MAX_PUSH_LINKS {
        return Err(too_large());
    }
    // Text the database keeps must hold no NUL (PostgreSQL's text cannot): refused as malformed, never a 500.
    let nul = |s: &str| s.contains('\0');
    if req.mutations.iter().any(|m| nul(&m.entity) || nul(&m.entity_id) || nul(&m.hlc)) {
        return Err(ApiError::malformed("mutation text"));
    }
    let link_text = |l: &vieclam_core::evidence::signing::SignedLink| {
        [&l.kind, &l.record_id, &l.body, &l.body_hash, &l.prev_hash, &l.link_hash, &l.signature, &l.created_at]
            .into_iter()
            .any(|s| nul(s))
    };
    if req.links.iter().any(link_text) {
        return Err(ApiError::malformed("link text"));
    }
    if req.links.iter().any(|l| l.device_id != caller.device_id) {
        return Err(ApiError::malformed("links of another device"));
    }
    Ok(())
}

/// The content hash that tells a resend (same) from a reused id (different): over the payload's text as sent, so
/// no tree is built for it.
fn content_hash(m: &Mutation) -> String {
    let head = json!([m.entity, m.entity_id, m.op, m.hlc]).to_string();
    sha256_hex(&format!("{head}{}", m.payload.get()))
}

fn result(m: &Mutation, status: MutationStatus, refusal: Option<Refusal>) -> MutationResult {
    MutationResult {
        id: m.id.clone(),
        status,
        code: refusal.map(|r| r.code.to_owned()),
        message: refusal.map(|r| format!("{} / {}", r.text.vi, r.text.en)),
    }
}

/// Applies or answers one mutation inside the batch's transaction.
async fn one(tx: &mut Tx, caller: &Caller, today: &str, m: &Mutation) -> ApiResult<MutationResult> {
    let hash = content_hash(m);
    if let Some(seen) =
        tx.one("SELECT account_id, payload_hash, status, code FROM mutations WHERE id = $1", params![&m.id]).await?
    {
        if seen.text(0) != caller.account.id || seen.text(1) != hash {
            return Ok(result(m, MutationStatus::Rejected, Some(field::ID_REUSED)));
        }
        return Ok(match seen.opt_text(3).and_then(|c| field::refusal(&c)) {
            Some(r) if seen.text(2) == "rejected" => result(m, MutationStatus::Rejected, Some(r)),
            _ => result(m, MutationStatus::AlreadyApplied, None),
        });
    }
    let outcome = field::apply(tx, caller, today, m).await?;
    let (status, code) = match outcome {
        Ok(()) => ("applied", None),
        Err(r) => ("rejected", Some(r.code)),
    };
    tx.exec(
        "INSERT INTO mutations (id, account_id, device_id, entity, entity_id, payload_hash, status, code, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        params![&m.id, &caller.account.id, &caller.device_id, &m.entity, &m.entity_id, &hash, status, code, now_iso()],
    )
    .await?;
    Ok(match outcome {
        Ok(()) => result(m, MutationStatus::Applied, None),
        Err(r) => result(m, MutationStatus::Rejected, Some(r)),
    })
}

/// `POST /v1/push`.
pub async fn push(
    State(st): State<AppState>,
    caller: Caller,
    JsonBody(req): JsonBody<PushRequest>,
) -> ApiResult<Json<PushResponse>> {
    validate(&req, &caller)?;
    let today = vieclam_core::query::session::today_in_province().to_string();
    let answer = st
        .db
        .write::<PushResponse>(work!(|tx| async move {
            // Links first: the records of this batch name them.
            let taken = links::take(tx, &caller.device_id, &req.links).await?;
            let mut results = Vec::with_capacity(req.mutations.len());
            let mut touched: BTreeSet<(String, String)> = taken.signed.into_iter().collect();
            for m in &req.mutations {
                let result = one(tx, &caller, &today, m).await?;
                if result.status == MutationStatus::Applied {
                    touched.insert((m.entity.clone(), m.entity_id.clone()));
                }
                results.push(result);
            }
            for (kind, id) in &touched {
                evidence::refresh(tx, kind, id).await?;
            }
            Ok(PushResponse { results, chain_head: taken.head, chain_problems: taken.problems })
        }))
        .await?;
    let rejected = answer.results.iter().filter(|r| r.status == MutationStatus::Rejected).count();
    tracing::info!(mutations = answer.results.len(), rejected, problems = answer.chain_problems.len(), "push");
    Ok(Json(answer))
}
