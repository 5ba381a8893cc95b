//! The outbox: every local change leaves an entry here in the same transaction as the change itself, so a change
//! is never on the device without the means to send it (sync consumes the entries in a later issue).

use rusqlite::{Transaction, params};
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
pub fn record<T: Serialize>(tx: &Transaction, entity: &str, entity_id: &str, op: Op, hlc: Hlc, record: &T) -> Result<String> {
    let id = ids::new_id();
    let payload = serde_json::to_string(record).map_err(|e| crate::Error::BadArgument(e.to_string()))?;
    tx.execute(
        "INSERT INTO outbox (id, entity, entity_id, op, payload, hlc, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![id, entity, entity_id, op.as_str(), payload, hlc.to_string()],
    )?;
    Ok(id)
}

/// Entries still waiting to go up, oldest first.
pub fn pending(conn: &rusqlite::Connection) -> Result<Vec<OutboxEntry>> {
    let mut stmt = conn.prepare(
        "SELECT seq, id, entity, entity_id, op, payload, hlc FROM outbox WHERE state = 'pending' ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| {
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
