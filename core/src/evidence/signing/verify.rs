//! The verifier: given a device's public key and its links, says whether the chain is whole and, if not, where and
//! why. Pure (no store, no clock), so the server runs exactly the same checks on what it receives.
//!
//! Each link is checked on its own (encoding, body hash, link hash, signature), then the chain as a whole: links
//! must come in `seq` order from the start (or from a head the caller already trusts) with no gap, and each link's
//! `prev_hash` must be the `link_hash` of the link before it. A changed body therefore shows as
//! `body_hash_mismatch` on that link alone; a rewritten hash as `link_hash_mismatch` or `bad_signature`; a
//! removed, inserted or reordered link as `missing_link` or `out_of_order`. Removing the *last* links leaves a
//! shorter chain that is still whole: only a party that saw the longer chain (the server) can notice that.

use std::collections::HashMap;

use ed25519_dalek::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::canonical::is_canonical;
use super::hex;
use super::link::{SignedLink, ZERO_HASH, is_kind_name, is_record_id, link_hash, sha256};
use crate::messages::evidence_signing as msg;
use crate::messages::{Lang, Text};

/// What is wrong with a link. Stable codes: the server and the dashboard match on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// A field that should be hex (hash, signature) or a well-formed name is not, the body is not canonical JSON,
    /// or the public key is not a valid Ed25519 key.
    BadEncoding,
    /// The body's SHA-256 is not the `body_hash`: the record was changed after signing.
    BodyHashMismatch,
    /// The `link_hash` is not the hash of the link's own fields.
    LinkHashMismatch,
    /// The signature over `link_hash` was not made by this device's key.
    BadSignature,
    /// The link comes before one it should follow, or appears twice.
    OutOfOrder,
    /// A gap in `seq`, or a `prev_hash` that is not the previous link's `link_hash`.
    MissingLink,
}

impl ProblemCode {
    /// The stable code, e.g. `body_hash_mismatch`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ProblemCode::BadEncoding => "bad_encoding",
            ProblemCode::BodyHashMismatch => "body_hash_mismatch",
            ProblemCode::LinkHashMismatch => "link_hash_mismatch",
            ProblemCode::BadSignature => "bad_signature",
            ProblemCode::OutOfOrder => "out_of_order",
            ProblemCode::MissingLink => "missing_link",
        }
    }

    /// What the problem means, for a person.
    pub const fn text(self) -> Text {
        match self {
            ProblemCode::BadEncoding => msg::BAD_ENCODING,
            ProblemCode::BodyHashMismatch => msg::BODY_HASH_MISMATCH,
            ProblemCode::LinkHashMismatch => msg::LINK_HASH_MISMATCH,
            ProblemCode::BadSignature => msg::BAD_SIGNATURE,
            ProblemCode::OutOfOrder => msg::OUT_OF_ORDER,
            ProblemCode::MissingLink => msg::MISSING_LINK,
        }
    }
}

/// One problem found, at one link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The `seq` of the link concerned (0 for a problem with the public key itself).
    pub seq: i64,
    /// What is wrong.
    pub code: ProblemCode,
    /// The technical facts (hashes, fields, seqs) for an auditor or a log.
    pub detail: String,
}

impl Problem {
    /// One sentence for a person in `lang`: which link and what is wrong with it.
    pub fn message(&self, lang: Lang) -> String {
        msg::AT_LINK.fill(lang, &[("seq", &self.seq.to_string()), ("problem", self.code.text().get(lang))])
    }
}

/// The verifier's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyReport {
    /// True when there is no problem.
    pub ok: bool,
    /// How many links were examined.
    pub checked: usize,
    /// Every problem found, by `seq` and then code.
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    /// One line for a person in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        let checked = self.checked.to_string();
        if self.ok {
            msg::CHAIN_OK.fill(lang, &[("checked", &checked)])
        } else {
            msg::CHAIN_BROKEN.fill(lang, &[("count", &self.problems.len().to_string()), ("checked", &checked)])
        }
    }
}

/// The last link a verifier already trusts, from which a batch of new links must continue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    /// Its `seq` (0 before the first link).
    pub seq: i64,
    /// Its `link_hash` ([`ZERO_HASH`] before the first link).
    pub link_hash: String,
}

impl ChainHead {
    /// The head of an empty chain: the first link must have `seq` 1 and `prev_hash` [`ZERO_HASH`].
    pub fn genesis() -> ChainHead {
        ChainHead { seq: 0, link_hash: ZERO_HASH.to_owned() }
    }

    /// The head after `link`.
    pub fn after(link: &SignedLink) -> ChainHead {
        ChainHead { seq: link.seq, link_hash: link.link_hash.clone() }
    }
}

/// Verifies a device's whole chain, from its first link, against the device's public key.
pub fn verify_chain(public_key: &[u8; 32], links: &[SignedLink]) -> VerifyReport {
    verify_chain_after(public_key, &ChainHead::genesis(), links)
}

/// Verifies links that must continue a chain from `head` (the server uses this for each pushed batch).
pub fn verify_chain_after(public_key: &[u8; 32], head: &ChainHead, links: &[SignedLink]) -> VerifyReport {
    let mut problems = Vec::new();
    match VerifyingKey::from_bytes(public_key) {
        Ok(key) => links.iter().for_each(|link| check_link(&key, link, &mut problems)),
        Err(_) => {
            problems.push(Problem {
                seq: 0,
                code: ProblemCode::BadEncoding,
                detail: "the public key is not a valid Ed25519 key".into(),
            });
            // Without a key only the signatures go unchecked; hashes and order still tell a lot.
            links.iter().for_each(|link| {
                check_hashes(link, &mut problems);
            });
        }
    }
    check_order(head, links, &mut problems);
    check_continuity(head, links, &mut problems);
    problems.sort_by_key(|p| (p.seq, p.code));
    VerifyReport { ok: problems.is_empty(), checked: links.len(), problems }
}

/// Verifies a signature made by [`super::DeviceIdentity::sign`] over `message` (a photo's bytes or its hash).
/// Answers which problem it has, if any: `bad_encoding` for a signature that is not 128 hex digits or a public key
/// that is not a key, `bad_signature` for one that does not match.
pub fn verify_detached(public_key: &[u8; 32], message: &[u8], signature_hex: &str) -> Result<(), ProblemCode> {
    let key = VerifyingKey::from_bytes(public_key).map_err(|_| ProblemCode::BadEncoding)?;
    let signature = hex::decode::<64>(signature_hex).ok_or(ProblemCode::BadEncoding)?;
    key.verify_strict(message, &Signature::from_bytes(&signature)).map_err(|_| ProblemCode::BadSignature)
}

/// The hex fields of a link, decoded.
struct Decoded {
    body_hash: [u8; 32],
    prev_hash: [u8; 32],
    link_hash: [u8; 32],
    signature: [u8; 64],
}

/// Decodes a link's fixed fields, or names those that are malformed.
fn decode(link: &SignedLink) -> Result<Decoded, Vec<&'static str>> {
    let body_hash = hex::decode::<32>(&link.body_hash);
    let prev_hash = hex::decode::<32>(&link.prev_hash);
    let own_hash = hex::decode::<32>(&link.link_hash);
    let signature = hex::decode::<64>(&link.signature);
    match (body_hash, prev_hash, own_hash, signature) {
        (Some(body_hash), Some(prev_hash), Some(link_hash), Some(signature))
            if is_kind_name(&link.kind) && is_record_id(&link.record_id) =>
        {
            Ok(Decoded { body_hash, prev_hash, link_hash, signature })
        }
        (b, p, l, s) => {
            let named = [
                ("kind", is_kind_name(&link.kind)),
                ("record_id", is_record_id(&link.record_id)),
                ("body_hash", b.is_some()),
                ("prev_hash", p.is_some()),
                ("link_hash", l.is_some()),
                ("signature", s.is_some()),
            ];
            Err(named.into_iter().filter(|(_, ok)| !ok).map(|(name, _)| name).collect())
        }
    }
}

/// All checks of one link on its own.
fn check_link(key: &VerifyingKey, link: &SignedLink, problems: &mut Vec<Problem>) {
    let Some(decoded) = check_hashes(link, problems) else {
        return;
    };
    if key.verify_strict(&decoded.link_hash, &Signature::from_bytes(&decoded.signature)).is_err() {
        problems.push(Problem {
            seq: link.seq,
            code: ProblemCode::BadSignature,
            detail: "the signature over link_hash does not verify with the device's key".into(),
        });
    }
}

/// The checks that need no key: encoding, body hash, canonical body, link hash. Returns the decoded fields when
/// they could be read, for the signature check.
fn check_hashes(link: &SignedLink, problems: &mut Vec<Problem>) -> Option<Decoded> {
    let decoded = match decode(link) {
        Ok(d) => d,
        Err(fields) => {
            let detail = format!("malformed field(s): {}", fields.join(", "));
            problems.push(Problem { seq: link.seq, code: ProblemCode::BadEncoding, detail });
            return None;
        }
    };
    let actual_body = sha256(link.body.as_bytes());
    if actual_body != decoded.body_hash {
        let detail = format!("sha256(body) is {}, the link says {}", hex::encode(&actual_body), link.body_hash);
        problems.push(Problem { seq: link.seq, code: ProblemCode::BodyHashMismatch, detail });
    } else if !is_canonical(&link.body) {
        // Only reachable if the signer itself wrote a non-canonical body: another reader could parse it otherwise.
        let detail = "the body is not canonical JSON (RFC 8785)".to_owned();
        problems.push(Problem { seq: link.seq, code: ProblemCode::BadEncoding, detail });
    }
    let actual_link = link_hash(link.seq, &link.kind, &link.record_id, &decoded.body_hash, &decoded.prev_hash);
    if actual_link != decoded.link_hash {
        let actual = hex::encode(&actual_link);
        let detail = format!("the link's fields hash to {actual}, the link says {}", link.link_hash);
        problems.push(Problem { seq: link.seq, code: ProblemCode::LinkHashMismatch, detail });
    }
    Some(decoded)
}

/// Links must arrive in rising `seq` order, each once, all after `head`.
fn check_order(head: &ChainHead, links: &[SignedLink], problems: &mut Vec<Problem>) {
    let mut highest = head.seq;
    let mut seen = std::collections::HashSet::new();
    for link in links {
        if !seen.insert(link.seq) {
            let detail = format!("seq {} appears more than once", link.seq);
            problems.push(Problem { seq: link.seq, code: ProblemCode::OutOfOrder, detail });
        } else if link.seq <= head.seq {
            let detail = format!("seq {} is not after the verified head {}", link.seq, head.seq);
            problems.push(Problem { seq: link.seq, code: ProblemCode::OutOfOrder, detail });
        } else if link.seq < highest {
            let detail = format!("seq {} comes after seq {}", link.seq, highest);
            problems.push(Problem { seq: link.seq, code: ProblemCode::OutOfOrder, detail });
        }
        highest = highest.max(link.seq);
    }
}

/// No gaps in `seq` after `head`, and every `prev_hash` is the `link_hash` of the link before.
fn check_continuity(head: &ChainHead, links: &[SignedLink], problems: &mut Vec<Problem>) {
    // The first occurrence of each seq after the head; duplicates and earlier seqs are already out of order.
    let mut by_seq: HashMap<i64, &SignedLink> = HashMap::new();
    for link in links.iter().filter(|l| l.seq > head.seq) {
        by_seq.entry(link.seq).or_insert(link);
    }
    let mut seqs: Vec<i64> = by_seq.keys().copied().collect();
    seqs.sort_unstable();
    // i128 so that garbage seqs near i64's ends cannot overflow.
    let mut expected = i128::from(head.seq) + 1;
    for seq in seqs {
        let Some(link) = by_seq.get(&seq) else { continue };
        if i128::from(seq) > expected {
            let detail = if i128::from(seq) == expected + 1 {
                format!("link {expected} is missing")
            } else {
                format!("links {expected} to {} are missing", i128::from(seq) - 1)
            };
            problems.push(Problem { seq, code: ProblemCode::MissingLink, detail });
        } else {
            let previous = if seq == head.seq.saturating_add(1) {
                Some(head.link_hash.as_str())
            } else {
                by_seq.get(&(seq - 1)).map(|p| p.link_hash.as_str())
            };
            if let Some(previous) = previous
                && link.prev_hash != previous
            {
                let detail =
                    format!("prev_hash {} is not the link_hash {previous} of link {}", link.prev_hash, seq - 1);
                problems.push(Problem { seq, code: ProblemCode::MissingLink, detail });
            }
        }
        expected = i128::from(seq) + 1;
    }
}
