//! The rules for field records pushed by devices: which kinds a role may write, the scope each must fall in
//! (an inspector's check on a site of a commune of their current plan), ownership (only the author changes a
//! record), and the merge when one author's two devices changed the same record (later HLC wins field by field;
//! the losing values are kept in `conflicts` and the record is marked for review).

use serde_json::{Map, Value};
use vieclam_core::checks::plot_walk::{self, ENTITY_WALK, PlotWalkRecord};
use vieclam_core::evidence::binding::{field_record_id, is_evidence_kind};
use vieclam_core::ids::Hlc;
use vieclam_core::messages::{Text, api};
use vieclam_core::review;
use vieclam_core::sync::wire::{Mutation, MutationOp, Role, is_office_kind};

use super::bodies;
use crate::auth::{Caller, now_iso};
use crate::db::Tx;
use crate::error::ApiResult;
use crate::params;
use crate::store::accounts;
use crate::store::records::{self, RecordRow, Stored};

/// Why a mutation was refused: its stable code and its catalogue entry.
#[derive(Clone, Copy, Debug)]
pub struct Refusal {
    /// Stable code.
    pub code: &'static str,
    /// What the device is told (`vieclam_core::messages`).
    pub text: Text,
}

const fn r(code: &'static str, text: Text) -> Refusal {
    Refusal { code, text }
}

/// The kind is not one the server knows.
pub const UNKNOWN: Refusal = r("mutation.unknown_entity", api::UNKNOWN_ENTITY);
/// The payload is not a record of its kind.
pub const BAD_PAYLOAD: Refusal = r("mutation.bad_payload", api::BAD_PAYLOAD);
/// Office records are read-only on devices.
pub const OFFICE: Refusal = r("mutation.office_record", api::OFFICE_RECORD);
/// Another account's record.
pub const NOT_OWNER: Refusal = r("mutation.not_owner", api::NOT_OWNER);
/// Outside the caller's scope.
pub const OUT_OF_SCOPE: Refusal = r("mutation.out_of_scope", api::OUT_OF_SCOPE);
/// The body names another record than the change.
pub const ID_MISMATCH: Refusal = r("mutation.id_mismatch", api::ID_MISMATCH);
/// The id was used before for other content.
pub const ID_REUSED: Refusal = r("mutation.id_reused", api::ID_REUSED);

/// A commune review that names another author than the account pushing it.
pub const OTHER_AUTHOR: Refusal = r("mutation.other_author", api::OTHER_AUTHOR);

/// A plot walk naming another site than its check visited.
pub const WALK_SITE_MISMATCH: Refusal = r("walk.site_mismatch", vieclam_core::messages::plot_walk::SITE_MISMATCH);

/// Whether stored check `check` visited `site_id`.
fn same_site(check: &Stored, site_id: &Option<String>) -> bool {
    let body: Value = serde_json::from_str(&check.row.body).unwrap_or(Value::Null);
    site_id.is_some() && body.get("site_id").and_then(Value::as_str) == site_id.as_deref()
}

/// The refusal with this code (to answer a resent rejected mutation the same way).
pub fn refusal(code: &str) -> Option<Refusal> {
    [UNKNOWN, BAD_PAYLOAD, OFFICE, NOT_OWNER, OUT_OF_SCOPE, ID_REUSED, ID_MISMATCH, OTHER_AUTHOR]
        .into_iter()
        .find(|r| r.code == code)
        .or_else(|| review::validate::code_message(code).map(|(code, text)| r(code, text)))
        .or_else(|| plot_walk::code_message(code).map(|(code, text)| r(code, text)))
}

/// Whether `role` may write `kind` at all.
fn may_write(role: Role, kind: &str) -> bool {
    match role {
        Role::Admin => true,
        Role::Inspector => {
            matches!(
                kind,
                "site_check"
                    | "check_answer"
                    | "check_photo"
                    | "plot_walk"
                    | "commune_findings"
                    | "commune_review"
                    | "device_key"
            )
        }
        Role::Worker => matches!(kind, "worker_registration" | "device_key"),
        Role::Borrower => kind == "device_key",
    }
}

/// How many days after a plan's last day (or the day before it was closed) its team may still send reviews.
pub const REVIEW_GRACE_DAYS: i64 = 30;

/// Applies one mutation, or says why not. Database failures are the outer error.
pub async fn apply(tx: &mut Tx, caller: &Caller, today: &str, m: &Mutation) -> ApiResult<Result<(), Refusal>> {
    let kind = m.entity.as_str();
    if is_office_kind(kind) {
        return Ok(Err(OFFICE));
    }
    if !matches!(
        kind,
        "worker_registration"
            | "site_check"
            | "check_answer"
            | "check_photo"
            | "plot_walk"
            | "commune_findings"
            | "commune_review"
            | "device_key"
    ) {
        return Ok(Err(UNKNOWN));
    }
    if !may_write(caller.account.role, kind) {
        return Ok(Err(OUT_OF_SCOPE));
    }
    let Ok(hlc) = m.hlc.parse::<Hlc>() else { return Ok(Err(BAD_PAYLOAD)) };
    if kind == "device_key" {
        // The key was registered at sign-in; the device's own record of it adds nothing the server keeps.
        return Ok(Ok(()));
    }
    // The typed reader first (bounded, no tree); only a body that passed it is read whole.
    let Ok(body) = bodies::read(kind, &m.payload) else { return Ok(Err(BAD_PAYLOAD)) };
    if field_record_id(kind, &body).as_deref() != Some(m.entity_id.as_str()) {
        return Ok(Err(ID_MISMATCH));
    }
    if kind == review::ENTITY_REVIEW
        && let Some(refusal) = review_refusal(caller, &body)
    {
        return Ok(Err(refusal));
    }
    if kind == ENTITY_WALK
        && let Some(refusal) = walk_refusal(&body)
    {
        return Ok(Err(refusal));
    }
    let Value::Object(payload) = body else { return Ok(Err(BAD_PAYLOAD)) };
    let scope = match place(tx, caller, today, kind, &payload).await? {
        Ok(scope) => scope,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let existing = records::get(tx, kind, &m.entity_id).await?;
    if let Some(old) = &existing
        && old.row.author_id.as_deref() != Some(caller.account.id.as_str())
    {
        return Ok(Err(NOT_OWNER));
    }
    let mut body = payload;
    if kind == "worker_registration" {
        let (status, reason) = registration_status(existing.as_ref(), &body);
        body.insert("status".into(), status);
        body.insert("status_reason".into(), reason);
    }
    let mut row = RecordRow {
        kind: kind.into(),
        id: m.entity_id.clone(),
        commune_code: scope.0,
        borrower_id: scope.1,
        author_id: Some(caller.account.id.clone()),
        deleted: m.op == MutationOp::Delete,
        hlc: Some(hlc.to_string()),
        // A review is seen by everyone on its plan (and, through its commune, by inspectors working there).
        plan_id: (kind == review::ENTITY_REVIEW)
            .then(|| body.get("plan_id").and_then(Value::as_str).map(str::to_owned))
            .flatten(),
        ..RecordRow::default()
    };
    match existing {
        None => row.body = Value::Object(body).to_string(),
        // Evidence is kept whole, each state exactly as its device signed it: a field-by-field merge would make a
        // body no device signed.
        Some(old) if is_evidence_kind(kind) => keep_whole(tx, &mut row, &old, body, hlc).await?,
        Some(old) => merge(tx, &mut row, &old, body, hlc).await?,
    }
    records::upsert(tx, &[row]).await?;
    Ok(Ok(()))
}

/// Why a commune review may not be stored, if it may not: it names another author than the caller, or it breaks
/// one of the core's rules (the first one broken is answered, with its own code).
fn review_refusal(caller: &Caller, body: &Value) -> Option<Refusal> {
    let Ok(record) = serde_json::from_value::<review::ReviewRecord>(body.clone()) else { return Some(BAD_PAYLOAD) };
    if record.review.author != caller.account.id {
        return Some(OTHER_AUTHOR);
    }
    let first = review::validate::problems(&record.review).into_iter().next()?;
    Some(refusal(&first.code).unwrap_or(BAD_PAYLOAD))
}

/// Why a plot walk may not be stored, if it may not: the first of the core's rules it breaks, with its own code.
/// The area and perimeter are measured again from the ring here, by the core's own function: a device's figures are
/// never taken on trust.
fn walk_refusal(body: &Value) -> Option<Refusal> {
    let Ok(record) = serde_json::from_value::<PlotWalkRecord>(body.clone()) else { return Some(BAD_PAYLOAD) };
    let first = plot_walk::problems(&record).into_iter().next()?;
    Some(refusal(&first.code).unwrap_or(BAD_PAYLOAD))
}

/// The fields of a registration the office's verification does not cover.
const REGISTRATION_BOOKKEEPING: &[&str] = &["status", "hlc", "updated_at", "status_reason"];

/// The office decides a registration's status and its reason, never the device: a new one is unverified, a resend
/// keeps the office's status and reason, and a rewrite of anything the office checked sends it back to unverified
/// with no reason.
fn registration_status(existing: Option<&Stored>, new: &Map<String, Value>) -> (Value, Value) {
    let fresh = || ("unverified".into(), Value::Null);
    let Some(old) = existing else { return fresh() };
    let old = body_of(old);
    let content = |b: &Map<String, Value>| -> Map<String, Value> {
        b.iter()
            .filter(|(k, _)| !REGISTRATION_BOOKKEEPING.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let unchanged = content(&old) == content(new);
    match old.get("status") {
        Some(status) if unchanged => (status.clone(), old.get("status_reason").cloned().unwrap_or(Value::Null)),
        _ => fresh(),
    }
}

fn body_of(s: &Stored) -> Map<String, Value> {
    serde_json::from_str::<Value>(&s.row.body).ok().and_then(|v| v.as_object().cloned()).unwrap_or_default()
}

/// Whether the change with `hlc` from `node` comes after the stored one; the losing side, when another device
/// wrote it, is kept in `conflicts` and the record marked for review.
async fn settle(tx: &mut Tx, row: &mut RecordRow, old: &Stored, new: &Map<String, Value>, hlc: Hlc) -> ApiResult<bool> {
    let old_hlc = old.row.hlc.as_deref().and_then(|h| h.parse::<Hlc>().ok()).unwrap_or(Hlc::ZERO);
    let incoming_wins = hlc >= old_hlc;
    let (losing, losing_hlc, winning_hlc) =
        if incoming_wins { (body_of(old), old_hlc, hlc) } else { (new.clone(), hlc, old_hlc) };
    // The same device moving its own record forward is an edit, not a conflict.
    let other_device = old.row.hlc.is_some() && old_hlc.node != hlc.node;
    row.hlc = Some(winning_hlc.to_string());
    row.review = old.row.review || other_device;
    if other_device {
        tx.exec(
            "INSERT INTO conflicts (kind, record_id, losing_body, losing_hlc, winning_hlc, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            params![
                &row.kind,
                &row.id,
                Value::Object(losing).to_string(),
                losing_hlc.to_string(),
                winning_hlc.to_string(),
                now_iso()
            ],
        )
        .await?;
    }
    Ok(incoming_wins)
}

/// Later HLC wins the whole record.
async fn keep_whole(
    tx: &mut Tx,
    row: &mut RecordRow,
    old: &Stored,
    new: Map<String, Value>,
    hlc: Hlc,
) -> ApiResult<()> {
    let incoming_wins = settle(tx, row, old, &new, hlc).await?;
    if incoming_wins {
        row.body = Value::Object(new).to_string();
    } else {
        row.body = old.row.body.clone();
        row.deleted = old.row.deleted;
    }
    Ok(())
}

/// Later HLC wins field by field.
async fn merge(tx: &mut Tx, row: &mut RecordRow, old: &Stored, new: Map<String, Value>, hlc: Hlc) -> ApiResult<()> {
    let incoming_wins = settle(tx, row, old, &new, hlc).await?;
    // Start from the losing side's fields and put the winning side's over them.
    let old_body = body_of(old);
    let (mut merged, top) = if incoming_wins { (old_body, new) } else { (new, old_body) };
    merged.extend(top);
    row.body = Value::Object(merged).to_string();
    Ok(())
}

/// The scope columns (commune, borrower) of a field record, or why it is outside the caller's scope.
async fn place(
    tx: &mut Tx,
    caller: &Caller,
    today: &str,
    kind: &str,
    payload: &Map<String, Value>,
) -> ApiResult<Result<(Option<String>, Option<String>), Refusal>> {
    let text = |k: &str| payload.get(k).and_then(Value::as_str).map(str::to_owned);
    let communes = if caller.account.role == Role::Inspector {
        Some(accounts::current_plans(tx, &caller.account.id, today).await?.0)
    } else {
        None // admin: everywhere; workers write no commune-scoped kinds
    };
    let in_scope = |commune: &Option<String>| match (&communes, commune) {
        (None, _) => true,
        (Some(list), Some(c)) => list.contains(c),
        (Some(_), None) => false,
    };
    Ok(match kind {
        "site_check" => {
            let Some(site_id) = text("site_id") else { return Ok(Err(BAD_PAYLOAD)) };
            match records::get(tx, "site", &site_id).await? {
                Some(site) if in_scope(&site.row.commune_code) => Ok((site.row.commune_code, site.row.borrower_id)),
                _ => Err(OUT_OF_SCOPE),
            }
        }
        "check_answer" | "check_photo" | "plot_walk" => {
            let Some(check_id) = text("check_id") else { return Ok(Err(BAD_PAYLOAD)) };
            match records::get(tx, "site_check", &check_id).await? {
                Some(c) if c.row.author_id.as_deref() != Some(caller.account.id.as_str()) => Err(NOT_OWNER),
                // A walk measures the site its check visited, and says which: it must be that one.
                Some(c) if kind == ENTITY_WALK && !same_site(&c, &text("site_id")) => Err(WALK_SITE_MISMATCH),
                Some(c) => Ok((c.row.commune_code, c.row.borrower_id)),
                None => Err(OUT_OF_SCOPE),
            }
        }
        "commune_findings" => {
            let (Some(commune), Some(plan)) = (text("commune_code"), text("plan_id")) else {
                return Ok(Err(BAD_PAYLOAD));
            };
            // An inspector writes the findings of a commune of one of their own current plans, under that plan.
            let assigned = caller.account.role == Role::Admin
                || tx
                    .one(
                        "SELECT 1 FROM plan_assignments WHERE account_id = $1 AND plan_id = $2 AND commune_code = $3
                           AND starts_on <= $4 AND ends_on >= $4",
                        params![&caller.account.id, &plan, &commune, today],
                    )
                    .await?
                    .is_some();
            if assigned { Ok((Some(commune), None)) } else { Err(OUT_OF_SCOPE) }
        }
        "commune_review" => {
            let (Some(commune), Some(plan)) = (text("commune_code"), text("plan_id")) else {
                return Ok(Err(BAD_PAYLOAD));
            };
            // Only a member of the plan's team assigned to this commune, whatever their role, from the plan's first
            // day until REVIEW_GRACE_DAYS after its last (a review written offline on the last day still goes up).
            let last_day = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d")
                .map(|d| (d - chrono::Duration::days(REVIEW_GRACE_DAYS)).to_string())
                .unwrap_or_else(|_| today.to_owned());
            let assigned = tx
                .one(
                    "SELECT 1 FROM plan_assignments WHERE account_id = $1 AND plan_id = $2 AND commune_code = $3
                       AND starts_on <= $4 AND ends_on >= $5",
                    params![&caller.account.id, &plan, &commune, today, &last_day],
                )
                .await?
                .is_some();
            if assigned { Ok((Some(commune), None)) } else { Err(OUT_OF_SCOPE) }
        }
        // A worker's registration is theirs and the office's: no commune scope, so inspectors never see it.
        _ => Ok((None, None)),
    })
}
