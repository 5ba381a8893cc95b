//! The store side of the chain: appending a signed link inside the caller's transaction, reading links back, and
//! verifying the device's own chain.
//!
//! [`append`] runs in the transaction that writes the record itself (and its outbox entry), so a record, its link
//! and the means to send them commit together or not at all. `seq` is the table's primary key, so two writers that
//! both read the same last link cannot fork the chain: the second insert fails and its transaction rolls back.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::Serialize;

use super::canonical::canonical;
use super::hex;
use super::identity::DeviceIdentity;
use super::link::{LinkKind, SignedLink, ZERO_HASH, is_record_id, link_hash, sha256};
use super::verify::{Problem, ProblemCode, VerifyReport, verify_chain};
use crate::error::{Error, Result};
use crate::store::Store;

/// Signs `body` as the next link of `identity`'s chain and stores it, inside the caller's transaction `tx`.
/// Returns the link, which travels to the server with the record.
///
/// Fails with [`Error::BadArgument`] for an unusable `record_id` (empty, over 128 bytes, control characters) or a
/// body with no canonical form (see [`super::canonical()`]); nothing is written then.
pub fn append(
    tx: &Transaction,
    identity: &DeviceIdentity,
    kind: LinkKind,
    record_id: &str,
    body: &impl Serialize,
) -> Result<SignedLink> {
    if !is_record_id(record_id) {
        return Err(Error::BadArgument(format!("`{record_id}` is not a usable record id for the evidence chain")));
    }
    let body = String::from_utf8(canonical(body)?)
        .map_err(|e| Error::BadArgument(format!("canonical JSON is not UTF-8: {e}")))?;
    let (prev_seq, prev_hash) = last_link(tx, identity.device_id())?;
    let seq =
        prev_seq.checked_add(1).ok_or_else(|| Error::Corrupt("the evidence chain's sequence is exhausted".into()))?;
    let prev_raw = hex::decode::<32>(&prev_hash)
        .ok_or_else(|| Error::Corrupt(format!("the link_hash of link {prev_seq} is not a hash")))?;
    let body_hash = sha256(body.as_bytes());
    let own_hash = link_hash(seq, kind.as_str(), record_id, &body_hash, &prev_raw);
    let link = SignedLink {
        seq,
        device_id: identity.device_id().to_owned(),
        kind: kind.as_str().to_owned(),
        record_id: record_id.to_owned(),
        body,
        body_hash: hex::encode(&body_hash),
        prev_hash,
        link_hash: hex::encode(&own_hash),
        signature: identity.sign_hex(&own_hash),
        created_at: super::now_utc(),
    };
    tx.execute(
        "INSERT INTO evidence_chain
           (seq, device_id, kind, record_id, body, body_hash, prev_hash, link_hash, signature, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            link.seq,
            link.device_id,
            link.kind,
            link.record_id,
            link.body,
            link.body_hash,
            link.prev_hash,
            link.link_hash,
            link.signature,
            link.created_at
        ],
    )?;
    Ok(link)
}

/// The `seq` and `link_hash` that the next link of `device_id` follows: `(0, ZERO_HASH)` for an empty chain.
fn last_link(conn: &Connection, device_id: &str) -> Result<(i64, String)> {
    let last = conn
        .query_row(
            "SELECT seq, link_hash FROM evidence_chain WHERE device_id = ?1 ORDER BY seq DESC LIMIT 1",
            [device_id],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    Ok(last.unwrap_or_else(|| (0, ZERO_HASH.to_owned())))
}

/// The columns of a link, in [`SignedLink`]'s order.
const COLUMNS: &str = "seq, device_id, kind, record_id, body, body_hash, prev_hash, link_hash, signature, created_at";

/// Every link in the store, by `seq`. Text is read leniently (bytes that are not UTF-8 are replaced), so a damaged
/// or edited row is reported by the verifier rather than stopping it.
pub fn load_chain(conn: &Connection) -> Result<Vec<SignedLink>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM evidence_chain ORDER BY seq"))?;
    let rows = stmt.query_map([], read_link)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest link that carries record `record_id` of `kind`, to send with the record.
pub fn latest_link(conn: &Connection, kind: LinkKind, record_id: &str) -> Result<Option<SignedLink>> {
    let sql =
        format!("SELECT {COLUMNS} FROM evidence_chain WHERE kind = ?1 AND record_id = ?2 ORDER BY seq DESC LIMIT 1");
    Ok(conn.query_row(&sql, params![kind.as_str(), record_id], read_link).optional()?)
}

fn read_link(r: &Row<'_>) -> rusqlite::Result<SignedLink> {
    Ok(SignedLink {
        seq: r.get(0)?,
        device_id: lenient_text(r.get_ref(1)?),
        kind: lenient_text(r.get_ref(2)?),
        record_id: lenient_text(r.get_ref(3)?),
        body: lenient_text(r.get_ref(4)?),
        body_hash: lenient_text(r.get_ref(5)?),
        prev_hash: lenient_text(r.get_ref(6)?),
        link_hash: lenient_text(r.get_ref(7)?),
        signature: lenient_text(r.get_ref(8)?),
        created_at: lenient_text(r.get_ref(9)?),
    })
}

/// Verifies the store's whole chain against the device's own public key. A link that names another device is
/// reported too (`bad_encoding`): one store holds one device's chain.
///
/// Fails with [`Error::NotFound`] before enrolment (there is no key to verify against).
pub fn verify_store(store: &Store) -> Result<VerifyReport> {
    let identity = DeviceIdentity::load(store)?
        .ok_or_else(|| Error::NotFound { entity: "device_identity", id: store.device_id().unwrap_or_default() })?;
    let links = load_chain(store.conn())?;
    let mut report = verify_chain(&identity.public_key(), &links);
    let foreign = links.iter().filter(|l| l.device_id != identity.device_id()).map(|l| Problem {
        seq: l.seq,
        code: ProblemCode::BadEncoding,
        detail: format!("the link names device {}, not this device {}", l.device_id, identity.device_id()),
    });
    report.problems.extend(foreign);
    report.problems.sort_by_key(|p| (p.seq, p.code));
    report.ok = report.problems.is_empty();
    Ok(report)
}

/// A column as text whatever SQLite holds in it: a tampered row may hold a blob, a number or broken UTF-8.
fn lenient_text(value: ValueRef<'_>) -> String {
    match value {
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Null => String::new(),
    }
}
