//! Each field record's evidence status on the server: the core's [`bind`] applied to the record as stored and the
//! link its signature reference names, kept in `records.evidence` so the dashboard and the API read it without
//! recomputing. It is worked out again whenever the record is written or a link naming it arrives, inside the push's
//! transaction.
//!
//! The link is looked up by its hash among every device's links, so a record pointing at a link of another
//! account's device is told apart (`evidence.other_device`) from one pointing at nothing (`evidence.unsigned`).

use serde_json::Value;
use vieclam_core::evidence::binding::{Binding, LinkFacts, bind, is_evidence_kind, signed_reference};

use crate::db::{DbResult, Tx};
use crate::params;
use crate::store::records::{self, Stored};

/// The link a record names, as stored, with the account its device belongs to.
pub struct NamedLink {
    /// The signing device.
    pub device_id: String,
    /// The account of that device (none if the device is unknown).
    pub account_id: Option<String>,
    /// The link's kind.
    pub kind: String,
    /// The record it signs.
    pub record_id: String,
    /// The canonical body it signs: the version of the record its device signed.
    pub body: String,
    /// The verifier's problem with it.
    pub problem: Option<String>,
    /// Whether no later link of the same device signs the same record.
    pub latest: bool,
}

/// The link `record` names as the signature of its current state: among the links with that hash, one of the
/// author's devices without a problem if there is one.
pub async fn named_link(tx: &mut Tx, record: &Stored) -> DbResult<Option<NamedLink>> {
    let body: Value = serde_json::from_str(&record.row.body).unwrap_or(Value::Null);
    let Some((_, hash)) = signed_reference(&record.row.kind, &body) else { return Ok(None) };
    let rows = tx
        .query(
            "SELECT l.device_id, d.account_id, l.kind, l.record_id, l.body, l.problem,
               (SELECT COUNT(*) FROM links n WHERE n.device_id = l.device_id AND n.record_id = l.record_id
                  AND n.kind = l.kind AND n.seq > l.seq)
             FROM links l LEFT JOIN devices d ON d.id = l.device_id WHERE l.link_hash = $1",
            params![&hash],
        )
        .await?;
    let author = record.row.author_id.as_deref();
    let best = rows.iter().max_by_key(|r| (r.opt_text(1).as_deref() == author, r.opt_text(5).is_none()));
    Ok(best.map(|r| NamedLink {
        device_id: r.text(0),
        account_id: r.opt_text(1),
        kind: r.text(2),
        record_id: r.text(3),
        body: r.text(4),
        problem: r.opt_text(5),
        latest: r.int(6) == 0,
    }))
}

/// The binding of `record` (none for kinds that carry no evidence).
pub async fn binding_of(tx: &mut Tx, record: &Stored) -> DbResult<Option<Binding>> {
    if !is_evidence_kind(&record.row.kind) {
        return Ok(None);
    }
    let body: Value = serde_json::from_str(&record.row.body).unwrap_or(Value::Null);
    let link = named_link(tx, record).await?;
    let facts = link.as_ref().map(|l| LinkFacts {
        device_id: &l.device_id,
        of_author: l.account_id.is_some() && l.account_id == record.row.author_id,
        kind: &l.kind,
        record_id: &l.record_id,
        body: &l.body,
        problem: l.problem.as_deref(),
        latest: l.latest,
    });
    Ok(Some(bind(&record.row.kind, &record.row.id, &body, facts.as_ref())))
}

/// Works out again and stores the evidence status of record `kind`/`id`, if held.
pub async fn refresh(tx: &mut Tx, kind: &str, id: &str) -> DbResult<Option<Binding>> {
    if !is_evidence_kind(kind) {
        return Ok(None);
    }
    let Some(record) = records::get(tx, kind, id).await? else { return Ok(None) };
    let binding = binding_of(tx, &record).await?;
    let code = binding.map(Binding::code);
    if record.evidence.as_deref() != code {
        tx.exec("UPDATE records SET evidence = $1 WHERE kind = $2 AND id = $3", params![code, kind, id]).await?;
    }
    Ok(binding)
}

/// The stored evidence status of `kind`/`id`.
pub async fn record_evidence(tx: &mut Tx, kind: &str, id: &str) -> DbResult<Option<String>> {
    Ok(tx
        .one("SELECT evidence FROM records WHERE kind = $1 AND id = $2", params![kind, id])
        .await?
        .and_then(|r| r.opt_text(0)))
}

/// The worst of some records' stored evidence codes (a record never worked out counts as unsigned); `Verified`
/// when there are none.
pub fn worst(codes: impl IntoIterator<Item = Option<String>>) -> Binding {
    codes
        .into_iter()
        .map(|c| c.as_deref().and_then(Binding::parse).unwrap_or(Binding::Unsigned))
        .max()
        .unwrap_or(Binding::Verified)
}
