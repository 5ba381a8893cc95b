//! A device's signed evidence chain built by hand, link by link, the way the core's signer builds it (RFC 8785
//! body, SHA-256 body hash, domain-separated link hash over the previous one, Ed25519 signature), so a test can
//! send the server a chain that is right, and then one with a link altered after signing.

use ed25519_dalek::Signer;
use serde_json::Value;
use vieclam_core::evidence::signing::{SignedLink, ZERO_HASH, canonical, link_hash, sha256};

use crate::wire::Device;

/// The chain of one [`Device`]: its next position and the hash of its last link.
pub struct Chain<'a> {
    device: &'a Device,
    seq: i64,
    prev: [u8; 32],
}

impl<'a> Chain<'a> {
    /// An empty chain of `device` (its first link is number 1).
    pub fn new(device: &'a Device) -> Chain<'a> {
        Chain { device, seq: 0, prev: [0u8; 32] }
    }

    /// A chain of `device` whose last link is number `seq` with hash `prev` (a fork of another chain, or a key
    /// that was never registered continuing a registered device's chain).
    pub fn positioned(device: &'a Device, seq: i64, prev: [u8; 32]) -> Chain<'a> {
        Chain { device, seq, prev }
    }

    /// The seq of the last link made (0 before any).
    pub fn seq(&self) -> i64 {
        self.seq
    }

    /// The hash of the last link made (zeros before any).
    pub fn prev(&self) -> [u8; 32] {
        self.prev
    }

    /// Moves the chain on to a link the server holds that this chain did not make (`seq` and its `link_hash`).
    pub fn advance_to(&mut self, seq: i64, link_hash_hex: &str) {
        self.seq = seq;
        for (i, byte) in self.prev.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&link_hash_hex[2 * i..2 * i + 2], 16).unwrap_or(0);
        }
    }

    /// The next link, signing `body` as record `record_id` of `kind` (`check`, `photo`, `answer`, …).
    pub fn link(&mut self, kind: &str, record_id: &str, body: &Value) -> SignedLink {
        self.seq += 1;
        // A JSON value made by the caller always has a canonical form; an empty body would fail verification,
        // which is what a test of a bad link wants anyway.
        let body = canonical(body).ok().and_then(|b| String::from_utf8(b).ok()).unwrap_or_default();
        let body_hash = sha256(body.as_bytes());
        let own = link_hash(self.seq, kind, record_id, &body_hash, &self.prev);
        let link = SignedLink {
            seq: self.seq,
            device_id: self.device.device_id.clone(),
            kind: kind.into(),
            record_id: record_id.into(),
            body,
            body_hash: hex(&body_hash),
            prev_hash: if self.seq == 1 { ZERO_HASH.into() } else { hex(&self.prev) },
            link_hash: hex(&own),
            signature: hex(&self.device.key.sign(&own).to_bytes()),
            created_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        };
        self.prev = own;
        link
    }
}

pub use vieclam_test_support::hex;
