//! The evidence-chain links a push carries: verified with the core's own verifier against the device's registered
//! key, from the head the server already holds. Every link that continues the chain is stored, with its problem if
//! it has one (evidence is never dropped); what it means for the record it signs is `super::evidence`'s to say.

use std::collections::BTreeMap;

use vieclam_core::evidence::signing::{ChainHead, SignedLink, verify_chain_after};
use vieclam_core::sync::wire::ChainProblem;

use crate::auth::now_iso;
use crate::db::Tx;
use crate::error::ApiResult;
use crate::params;
use crate::store::accounts;

/// The record kind a link kind signs.
fn record_kind(link_kind: &str) -> &str {
    match link_kind {
        "check" | "check_revision" => "site_check",
        "answer" => "check_answer",
        "photo" => "check_photo",
        "finding" => "commune_findings",
        "review" => "commune_review",
        "walk" => "plot_walk",
        other => other,
    }
}

fn hex32(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// What taking a push's links did.
pub struct Taken {
    /// The `seq` of the last link of the device's chain the server now holds.
    pub head: i64,
    /// The problems found, by `seq`.
    pub problems: Vec<ChainProblem>,
    /// The records (kind, id) the newly stored links sign: their evidence status is worked out again.
    pub signed: Vec<(String, String)>,
}

/// Stores and verifies `links` of `device_id`.
///
/// Only links that continue the held chain without a gap are taken: one far ahead in sequence is answered
/// `missing_link` and not stored, so it can never become the head and hide the genuine links before it (the device
/// sends them all again after the head it is told). A link at a held `seq` is compared, never stored again. Every
/// taken link is stored, with its problem if the verifier found one; it counts only for records of its own device's
/// account (see `super::evidence`), so a link can discredit no one else's record.
pub async fn take(tx: &mut Tx, device_id: &str, links: &[SignedLink]) -> ApiResult<Taken> {
    let head = tx
        .one("SELECT seq, link_hash FROM links WHERE device_id = $1 ORDER BY seq DESC LIMIT 1", params![device_id])
        .await?
        .map_or_else(ChainHead::genesis, |r| ChainHead { seq: r.int(0), link_hash: r.text(1) });
    let mut problems: BTreeMap<i64, String> = BTreeMap::new();
    let mut fresh: Vec<SignedLink> = Vec::new();
    for link in links {
        if link.seq <= head.seq {
            let held = tx
                .one("SELECT link_hash FROM links WHERE device_id = $1 AND seq = $2", params![device_id, link.seq])
                .await?;
            if held.is_some_and(|h| h.text(0) != link.link_hash) {
                problems.entry(link.seq).or_insert_with(|| "link_hash_mismatch".into());
            }
        } else if link.seq == head.seq + 1 + fresh.len() as i64 {
            fresh.push(link.clone());
        } else if !fresh.iter().any(|f| f.seq == link.seq) {
            problems.entry(link.seq).or_insert_with(|| "missing_link".into());
        }
    }
    if fresh.is_empty() {
        return Ok(Taken { head: head.seq, problems: into_list(problems), signed: Vec::new() });
    }
    let key = accounts::device(tx, device_id).await?.and_then(|d| hex32(&d.public_key)).unwrap_or([0u8; 32]);
    let report = verify_chain_after(&key, &head, &fresh);
    for p in &report.problems {
        problems.entry(p.seq).or_insert_with(|| p.code.as_str().to_owned());
    }
    let now = now_iso();
    let mut new_head = head.seq;
    let mut signed = Vec::new();
    for link in &fresh {
        let problem = problems.get(&link.seq).cloned();
        let stored = tx
            .exec(
                "INSERT INTO links (device_id, seq, kind, record_id, body, body_hash, prev_hash, link_hash, signature,
                   created_at, problem) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                 ON CONFLICT (device_id, seq) DO NOTHING",
                params![
                    device_id,
                    link.seq,
                    &link.kind,
                    &link.record_id,
                    &link.body,
                    &link.body_hash,
                    &link.prev_hash,
                    &link.link_hash,
                    &link.signature,
                    &now,
                    problem
                ],
            )
            .await?;
        if stored == 1 {
            new_head = new_head.max(link.seq);
            signed.push((record_kind(&link.kind).to_owned(), link.record_id.clone()));
        }
    }
    Ok(Taken { head: new_head, problems: into_list(problems), signed })
}

fn into_list(problems: BTreeMap<i64, String>) -> Vec<ChainProblem> {
    problems.into_iter().map(|(seq, code)| ChainProblem { seq, code }).collect()
}
