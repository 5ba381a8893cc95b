//! The outbox: every local change leaves an entry here in the same transaction as the change itself, so a change
//! is never on the device without the means to send it. Sync ([`crate::sync`]) reads the pending entries in
//! batches and marks each `sent` or `rejected` (with the server's code and reason) once the server has answered.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::error::Result;
use crate::ids::{self, Hlc};

/// What a change did to its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// A new record.
    Insert,
    /// A changed record.
    Update,
    /// A removed record.
    Delete,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

/// One entry waiting to go up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxEntry {
    /// Position in the queue.
    pub seq: i64,
    /// Mutation id: the server's idempotency key.
    pub id: String,
    /// Kind of record, e.g. `worker_registration`.
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// `insert`, `update` or `delete`.
    pub op: String,
    /// JSON of the record after the change.
    pub payload: String,
    /// Hybrid logical clock of the change.
    pub hlc: String,
}

/// Appends an entry for a change to `entity_id`, inside the caller's transaction, and returns the mutation id.
pub fn record<T: Serialize>(
    tx: &Transaction,
    entity: &str,
    entity_id: &str,
    op: Op,
    hlc: Hlc,
    record: &T,
) -> Result<String> {
    let id = ids::new_id();
    let payload = serde_json::to_string(record).map_err(|e| crate::Error::BadArgument(e.to_string()))?;
    tx.execute(
        "INSERT INTO outbox (id, entity, entity_id, op, payload, hlc, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![id, entity, entity_id, op.as_str(), payload, hlc.to_string()],
    )?;
    Ok(id)
}

/// Entries still waiting to go up, oldest first. Loads every payload: for counts use [`pending_count`] or
/// [`pending_by_entity`], for sending [`pending_batch`].
pub fn pending(conn: &Connection) -> Result<Vec<OutboxEntry>> {
    pending_batch(conn, i64::MAX as usize)
}

/// At most `limit` entries waiting to go up, oldest first: one push's worth.
pub fn pending_batch(conn: &Connection, limit: usize) -> Result<Vec<OutboxEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, id, entity, entity_id, op, payload, hlc FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?1",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map([limit], |r| {
        Ok(OutboxEntry {
            seq: r.get(0)?,
            id: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
            op: r.get(4)?,
            payload: r.get(5)?,
            hlc: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many entries wait to go up (reads no payload).
pub fn pending_count(conn: &Connection) -> Result<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM outbox WHERE state = 'pending'", [], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// How many entries wait to go up, per kind of record, most first (reads no payload).
pub fn pending_by_entity(conn: &Connection) -> Result<Vec<(String, u64)>> {
    let mut stmt = conn.prepare(
        "SELECT entity, count(*) AS n FROM outbox WHERE state = 'pending' GROUP BY entity ORDER BY n DESC, entity",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether a change to this record is still waiting to go up: a pull must not overwrite it.
pub fn is_pending(conn: &Connection, entity: &str, entity_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM outbox WHERE entity = ?1 AND entity_id = ?2 AND state = 'pending' LIMIT 1")?
        .query_row(params![entity, entity_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Marks an entry as taken by the server (applied now or before), inside the caller's transaction.
pub fn mark_sent(tx: &Transaction, id: &str) -> Result<()> {
    tx.prepare_cached("UPDATE outbox SET state = 'sent', code = NULL, reason = NULL WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Sets an entry aside as refused by the server, with its stable code and the server's sentence; it is never sent
/// again and blocks nothing behind it.
pub fn mark_rejected(tx: &Transaction, id: &str, code: &str, reason: &str) -> Result<()> {
    tx.prepare_cached("UPDATE outbox SET state = 'rejected', code = ?2, reason = ?3 WHERE id = ?1")?
        .execute(params![id, code, reason])?;
    Ok(())
}

/// One entry the server refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedEntry {
    /// Mutation id.
    pub id: String,
    /// Kind of record.
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// The server's stable code, e.g. `mutation.out_of_scope`.
    pub code: String,
    /// The server's sentence (Vietnamese, then English).
    pub reason: String,
    /// When the change was made on the device.
    pub created_at: String,
}

/// Every entry the server refused, newest first.
pub fn rejected(conn: &Connection) -> Result<Vec<RejectedEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, entity, entity_id, coalesce(code, ''), coalesce(reason, ''), created_at
         FROM outbox WHERE state = 'rejected' ORDER BY seq DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RejectedEntry {
            id: r.get(0)?,
            entity: r.get(1)?,
            entity_id: r.get(2)?,
            code: r.get(3)?,
            reason: r.get(4)?,
            created_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
