//! Push: the outbox's pending entries go up in batches of at most [`MAX_PUSH_MUTATIONS`], with the evidence-chain
//! links after the head the server last acknowledged. Only after the server's answer, and in one transaction, each
//! entry is marked `sent` or `rejected` (with the server's code and sentence) and the new chain head is kept; a
//! rejected entry is set aside and never blocks the ones behind it. A push cut off before the answer changes
//! nothing on the device, and sending the same batch again is safe (each mutation id is an idempotency key).

use super::cancel::{CancelToken, ProgressEvent, SyncPhase, SyncProgress};
use super::error::{SyncError, SyncResult};
use super::http::Http;
use super::state;
use super::store_access::{StoreAccess, with_store};
use super::wire::{
    MAX_PUSH_LINKS, MAX_PUSH_MUTATIONS, Mutation, MutationOp, MutationStatus, PushRequest, PushResponse,
};
use crate::evidence::signing::{SignedLink, load_chain};
use crate::store::outbox::{self, OutboxEntry};

/// What a push did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PushOutcome {
    /// Mutations the server applied now.
    pub pushed: u64,
    /// Mutations it had applied before (a repeated push).
    pub already_applied: u64,
    /// Mutations it refused.
    pub rejected: u64,
    /// Bytes sent.
    pub bytes_up: u64,
    /// Bytes received.
    pub bytes_down: u64,
}

/// Sends every pending entry, batch by batch, and links still unacknowledged even when no entry waits.
pub(crate) async fn push(
    store: &dyn StoreAccess,
    http: &Http,
    progress: &dyn SyncProgress,
    cancel: &CancelToken,
    batch: usize,
    base: (u64, u64),
) -> SyncResult<PushOutcome> {
    let (base_up, base_down) = base;
    let batch = batch.clamp(1, MAX_PUSH_MUTATIONS);
    let total = with_store(store, |s| outbox::pending_count(s.conn()))?;
    let mut out = PushOutcome::default();
    loop {
        cancel.check()?;
        let (entries, links) = with_store(store, |s| {
            let entries = outbox::pending_batch(s.conn(), batch)?;
            let head = state::chain_head(s.conn())?;
            let links: Vec<SignedLink> =
                load_chain(s.conn())?.into_iter().filter(|l| l.seq > head).take(MAX_PUSH_LINKS).collect();
            Ok((entries, links))
        })?;
        if entries.is_empty() && links.is_empty() {
            return Ok(out);
        }
        let head_before = request_head(&links);
        let request = PushRequest { mutations: entries.iter().map(to_mutation).collect::<SyncResult<_>>()?, links };
        let answer = http.post_json::<_, PushResponse>("/v1/push", &request, cancel).await?;
        out.bytes_up += answer.up;
        out.bytes_down += answer.down;
        check_answer(&entries, &answer.body).map_err(SyncError::bad_answer)?;
        let counts = with_store(store, |s| {
            let tx = s.transaction()?;
            let counts = apply_results(&tx, &answer.body)?;
            state::set_chain_head(&tx, answer.body.chain_head)?;
            tx.commit()?;
            Ok(counts)
        })?;
        out.pushed += counts.0;
        out.already_applied += counts.1;
        out.rejected += counts.2;
        progress.on_progress(ProgressEvent {
            phase: SyncPhase::Push,
            done: out.pushed + out.already_applied + out.rejected,
            total,
            bytes_up: base_up + out.bytes_up,
            bytes_down: base_down + out.bytes_down,
        });
        if entries.is_empty() && (request.links.len() < MAX_PUSH_LINKS || answer.body.chain_head <= head_before) {
            // Only links went up: all of them, or the server took none of this batch (it said why; a loop would
            // send the same batch for ever).
            return Ok(out);
        }
    }
}

/// The head the server held before `links` (the seq before the first of them).
fn request_head(links: &[SignedLink]) -> i64 {
    links.first().map_or(0, |l| l.seq - 1)
}

/// An outbox entry as a wire mutation.
fn to_mutation(e: &OutboxEntry) -> SyncResult<Mutation> {
    let op = match e.op.as_str() {
        "insert" => MutationOp::Insert,
        "update" => MutationOp::Update,
        _ => MutationOp::Delete,
    };
    let payload = super::payload::Payload::from_text(e.payload.clone())
        .map_err(|err| SyncError::Store(crate::Error::Corrupt(format!("outbox payload {}: {err}", e.id))))?;
    Ok(Mutation {
        id: e.id.clone(),
        entity: e.entity.clone(),
        entity_id: e.entity_id.clone(),
        op,
        payload,
        hlc: e.hlc.clone(),
    })
}

/// Refuses an answer that does not fit the request: a result for a mutation not sent, or no result at all for a
/// non-empty batch (which would otherwise send the same batch for ever). Nothing is marked then.
fn check_answer(entries: &[OutboxEntry], answer: &PushResponse) -> Result<(), String> {
    if let Some(stray) = answer.results.iter().find(|r| !entries.iter().any(|e| e.id == r.id)) {
        return Err(format!("a result for mutation {} that was not sent", stray.id));
    }
    if !entries.is_empty() && answer.results.is_empty() {
        return Err("no result for a batch of mutations".into());
    }
    Ok(())
}

/// Marks each entry by its result. An entry the answer does not mention stays pending and goes again next time.
fn apply_results(tx: &rusqlite::Transaction, answer: &PushResponse) -> crate::Result<(u64, u64, u64)> {
    let mut counts = (0, 0, 0);
    for result in &answer.results {
        match result.status {
            MutationStatus::Applied => {
                outbox::mark_sent(tx, &result.id)?;
                counts.0 += 1;
            }
            MutationStatus::AlreadyApplied => {
                outbox::mark_sent(tx, &result.id)?;
                counts.1 += 1;
            }
            MutationStatus::Rejected => {
                let code = result.code.as_deref().unwrap_or("mutation.rejected");
                outbox::mark_rejected(tx, &result.id, code, result.message.as_deref().unwrap_or(""))?;
                counts.2 += 1;
            }
        }
    }
    Ok(counts)
}
