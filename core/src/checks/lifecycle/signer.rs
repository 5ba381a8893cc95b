//! The device's real signer: each check, answer, photo, walk and finding record becomes a signed link of the device's
//! hash chain, in the same transaction as the record.

use rusqlite::Transaction;

use super::{ENTITY_ANSWER, ENTITY_CHECK, ENTITY_PHOTO, EvidenceSigner};
use crate::checks::findings::ENTITY_FINDINGS;
use crate::error::{Error, Result};
use crate::evidence::signing::{DeviceIdentity, LinkKind, append};

/// The chain kind of an outbox entity.
fn link_kind(entity: &str, body: &serde_json::Value) -> Result<LinkKind> {
    Ok(match entity {
        // A check that corrects another is a revision; the original link stays in the chain.
        ENTITY_CHECK if body.get("revises").is_some_and(|r| !r.is_null()) => LinkKind::CheckRevision,
        ENTITY_CHECK => LinkKind::Check,
        ENTITY_ANSWER => LinkKind::Answer,
        ENTITY_PHOTO => LinkKind::Photo,
        ENTITY_FINDINGS => LinkKind::Finding,
        crate::review::ENTITY_REVIEW => LinkKind::Review,
        crate::checks::plot_walk::ENTITY_WALK => LinkKind::Walk,
        other => return Err(Error::BadArgument(format!("no chain kind for `{other}` records"))),
    })
}

impl EvidenceSigner for DeviceIdentity {
    /// Appends the record to the chain and returns the link's hash as the record's signature reference.
    fn sign_record(
        &self,
        tx: &Transaction,
        kind: &str,
        record_id: &str,
        body: &serde_json::Value,
    ) -> Result<Option<String>> {
        let link = append(tx, self, link_kind(kind, body)?, record_id, body)?;
        Ok(Some(link.link_hash))
    }
}
