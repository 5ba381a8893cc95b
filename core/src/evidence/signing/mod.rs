//! Device signatures and hash chains: evidence that an auditor who trusts neither the phone nor the network can
//! check.
//!
//! Each device holds an Ed25519 key made at enrolment ([`enrol`], kept encrypted in the store). Each check and
//! photo record is put in canonical JSON ([`canonical()`], RFC 8785), hashed, and appended to the device's hash
//! chain as a [`SignedLink`] ([`append`], inside the transaction that writes the record). The verifier
//! ([`verify_chain`]) needs only the public key and the links, so the server runs the very same code on what it
//! receives; [`verify_store`] runs it over the device's own chain.
//!
//! Files: `identity` (the key), `canonical` (the bytes that are signed), `link` (a link and its hash, defined
//! exactly there), `chain` (append and read in the store), `verify` (the pure verifier), `numbers` (the guard
//! on numbers JCS cannot keep exactly), `hex`.

mod canonical;
mod chain;
mod hex;
mod identity;
mod link;
mod numbers;
mod verify;

pub use canonical::{MAX_SAFE_INTEGER, canonical, is_canonical};
pub use chain::{append, latest_link, load_chain, verify_store};
pub use identity::{DeviceIdentity, enrol};
pub use link::{LinkKind, SignedLink, ZERO_HASH, link_hash, sha256};
pub use verify::{ChainHead, Problem, ProblemCode, VerifyReport, verify_chain, verify_chain_after, verify_detached};

/// Now in UTC as ISO 8601 with milliseconds, the store's timestamp format.
fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}
