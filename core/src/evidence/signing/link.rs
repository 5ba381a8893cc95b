//! One link of a device's evidence chain, and the exact bytes its hashes are made of.
//!
//! A link wraps one record (a check, a revision, a photo's metadata…) in canonical JSON and ties it to the link
//! before it. Its fields, all text so a link travels as plain JSON beside its record:
//!
//! - `body_hash` = hex SHA-256 of the body's UTF-8 bytes (the body is canonical JSON, see [`super::canonical`]);
//! - `prev_hash` = the previous link's `link_hash`, or [`ZERO_HASH`] (64 zeros) for the first link (`seq` 1);
//! - `link_hash` = hex SHA-256 of the bytes defined by [`link_hash`];
//! - `signature` = hex Ed25519 signature by the device's key over the 32 raw bytes of `link_hash`.
//!
//! `device_id` and `created_at` are not hashed: the device is bound by its key (a link signed by another key fails),
//! and `created_at` is local bookkeeping; the times an auditor relies on are inside the signed body.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `prev_hash` of a device's first link.
pub const ZERO_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Domain separation: these bytes open every link hash, so no other SHA-256 in the system can be passed off as one.
const LINK_HASH_DOMAIN: &[u8] = b"vieclam/evidence-link/v1\0";

/// What kind of record a link carries. Stored and hashed as its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// A site check as first recorded.
    Check,
    /// A later revision of a site check (the original link stays in the chain).
    CheckRevision,
    /// One checklist answer of a site check.
    Answer,
    /// A photo's record: its hash, stamp and fix.
    Photo,
    /// A walk of a plot's boundary.
    Walk,
    /// A commune's findings and recommendations.
    Finding,
    /// One inspector's review of a commune under a plan.
    Review,
}

impl LinkKind {
    /// Every kind, for lookups and tests.
    pub const ALL: [LinkKind; 7] = [
        LinkKind::Check,
        LinkKind::CheckRevision,
        LinkKind::Answer,
        LinkKind::Photo,
        LinkKind::Walk,
        LinkKind::Finding,
        LinkKind::Review,
    ];

    /// The name stored in the chain and hashed into the link.
    pub const fn as_str(self) -> &'static str {
        match self {
            LinkKind::Check => "check",
            LinkKind::CheckRevision => "check_revision",
            LinkKind::Answer => "answer",
            LinkKind::Photo => "photo",
            LinkKind::Walk => "walk",
            LinkKind::Finding => "finding",
            LinkKind::Review => "review",
        }
    }

    /// The kind with this stored name, if it is one this build knows.
    pub fn parse(name: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One signed link as stored on the device and sent to the server with its record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedLink {
    /// Position in the device's chain, from 1 with no gaps.
    pub seq: i64,
    /// The device that signed it.
    pub device_id: String,
    /// The record's kind, e.g. `check` (see [`LinkKind`]).
    pub kind: String,
    /// The record's id.
    pub record_id: String,
    /// The record as canonical JSON text.
    pub body: String,
    /// Hex SHA-256 of `body`.
    pub body_hash: String,
    /// `link_hash` of the previous link, or [`ZERO_HASH`].
    pub prev_hash: String,
    /// Hex SHA-256 over this link's fields, see [`link_hash`].
    pub link_hash: String,
    /// Hex Ed25519 signature over the raw bytes of `link_hash`.
    pub signature: String,
    /// When the device appended it (UTC, ISO 8601); not signed.
    pub created_at: String,
}

/// SHA-256 of `bytes`: the body hash of a canonical body, or a photo's content hash.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The link hash: SHA-256 over, in this order,
///
/// 1. the 25 bytes `vieclam/evidence-link/v1` followed by one zero byte,
/// 2. `seq` as 8 bytes, big-endian two's complement,
/// 3. the length of `kind` in bytes as 8 bytes big-endian, then `kind` as UTF-8,
/// 4. the length of `record_id` in bytes as 8 bytes big-endian, then `record_id` as UTF-8,
/// 5. the 32 raw bytes of the body hash,
/// 6. the 32 raw bytes of the previous link hash (all zeros for the first link).
///
/// The length prefixes make the encoding unambiguous whatever the strings hold, and the fixed-size fields need none.
pub fn link_hash(seq: i64, kind: &str, record_id: &str, body_hash: &[u8; 32], prev_hash: &[u8; 32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(LINK_HASH_DOMAIN);
    h.update(seq.to_be_bytes());
    for text in [kind, record_id] {
        h.update((text.len() as u64).to_be_bytes());
        h.update(text.as_bytes());
    }
    h.update(body_hash);
    h.update(prev_hash);
    h.finalize().into()
}

/// Whether `kind` is a well-formed kind name: 1–32 of `a-z` and `_`. Names this build does not know are still
/// well-formed (a newer app may add kinds); only malformed ones are refused.
pub(crate) fn is_kind_name(kind: &str) -> bool {
    (1..=32).contains(&kind.len()) && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// Whether `record_id` is a usable record id: 1–128 bytes, no control characters.
pub(crate) fn is_record_id(record_id: &str) -> bool {
    (1..=128).contains(&record_id.len()) && !record_id.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::signing::hex;

    #[test]
    fn link_hash_is_pinned() {
        // A fixed vector: if this changes, every chain already signed stops verifying.
        let body_hash = sha256(br#"{"a":1}"#);
        let got = link_hash(1, "check", "0190f0c4-0000-7000-8000-000000000001", &body_hash, &[0u8; 32]);
        assert_eq!(hex::encode(&body_hash), "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
        assert_eq!(hex::encode(&got), LINK_HASH_VECTOR);
    }

    /// Computed independently (Python hashlib + struct) from the definition in [`link_hash`]'s docs.
    const LINK_HASH_VECTOR: &str = "3182b3c2f1c57011ffa775bd60691b159cd2683fe779e187ec58e554a85e99f5";

    #[test]
    fn every_field_changes_the_hash() {
        let (b, p) = ([1u8; 32], [2u8; 32]);
        let base = link_hash(5, "photo", "r1", &b, &p);
        assert_ne!(base, link_hash(6, "photo", "r1", &b, &p));
        assert_ne!(base, link_hash(5, "check", "r1", &b, &p));
        assert_ne!(base, link_hash(5, "photo", "r2", &b, &p));
        assert_ne!(base, link_hash(5, "photo", "r1", &p, &p));
        assert_ne!(base, link_hash(5, "photo", "r1", &b, &b));
        // Moving a character between kind and record id is a different link, thanks to the length prefixes.
        assert_ne!(link_hash(5, "ab", "c", &b, &p), link_hash(5, "a", "bc", &b, &p));
    }

    #[test]
    fn kinds_round_trip_and_names_are_checked() {
        for kind in LinkKind::ALL {
            assert_eq!(LinkKind::parse(kind.as_str()), Some(kind));
            assert!(is_kind_name(kind.as_str()));
            let json = serde_json::to_string(&kind).expect("json");
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert!(!is_kind_name(""));
        assert!(!is_kind_name("Check"));
        assert!(!is_kind_name("check\n"));
        assert!(is_record_id("0190f0c4-0000-7000-8000-000000000001"));
        assert!(!is_record_id(""));
        assert!(!is_record_id("a\nb"));
    }
}
