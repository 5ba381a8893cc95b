//! The evidence-chain links a push carries: verified with the core's own verifier against the device's registered
//! key, from the head the server already holds. Every link is stored, with its problem if it has one, and the record
//! it signs is flagged for the office: evidence is never dropped.

use std::collections::BTreeMap;

use vieclam_core::evidence::signing::{ChainHead, SignedLink, verify_chain_after};
use vieclam_core::sync::wire::ChainProblem;

use crate::auth::now_iso;
use crate::db::Tx;
use crate::error::ApiResult;
use crate::params;
use crate::store::{accounts, records};

/// The record kind a link kind signs.
fn record_kind(link_kind: &str) -> &str {
    match link_kind {
        "check" | "check_revision" => "site_check",
        "answer" => "check_answer",
        "photo" => "check_photo",
        "finding" => "commune_findings",
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

/// Stores and verifies `links` of `device_id`; answers the new chain head and the problems found.
pub async fn take(tx: &mut Tx, device_id: &str, links: &[SignedLink]) -> ApiResult<(i64, Vec<ChainProblem>)> {
    let head = tx
        .one("SELECT seq, link_hash FROM links WHERE device_id = $1 ORDER BY seq DESC LIMIT 1", params![device_id])
        .await?
        .map_or_else(ChainHead::genesis, |r| ChainHead { seq: r.int(0), link_hash: r.text(1) });
    if links.is_empty() {
        return Ok((head.seq, Vec::new()));
    }
    let mut problems: BTreeMap<i64, String> = BTreeMap::new();
    // Links the server holds already are compared, not stored again.
    let mut fresh = Vec::new();
    for link in links {
        if link.seq <= head.seq {
            let held = tx
                .one("SELECT link_hash FROM links WHERE device_id = $1 AND seq = $2", params![device_id, link.seq])
                .await?;
            if held.is_some_and(|h| h.text(0) != link.link_hash) {
                problems.entry(link.seq).or_insert_with(|| "link_hash_mismatch".into());
            }
        } else {
            fresh.push(link.clone());
        }
    }
    let key = accounts::device(tx, device_id).await?.and_then(|d| hex32(&d.public_key)).unwrap_or([0u8; 32]);
    let report = verify_chain_after(&key, &head, &fresh);
    for p in &report.problems {
        problems.entry(p.seq).or_insert_with(|| p.code.as_str().to_owned());
    }
    let now = now_iso();
    let mut new_head = head.seq;
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
                    problem.clone()
                ],
            )
            .await?;
        if stored == 1 {
            new_head = new_head.max(link.seq);
        }
        if let Some(code) = problem {
            records::flag(tx, record_kind(&link.kind), &link.record_id, &code, &format!("link {}", link.seq), &now)
                .await?;
        }
    }
    let problems = problems.into_iter().map(|(seq, code)| ChainProblem { seq, code }).collect();
    Ok((new_head, problems))
}
