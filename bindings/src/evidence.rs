//! The device's own evidence, verified on the device: every signed link of its hash chain checked against its
//! public key, as the server will check it. An app shows the summary, and an auditor the problems by link.

use vieclam_core::Lang;
use vieclam_core::evidence::signing::{self as core, verify_store};

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::Language;

/// One problem found, at one link of the chain.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct EvidenceProblem {
    /// The `seq` of the link concerned (0 for a problem with the public key itself).
    pub seq: i64,
    /// Stable code: `bad_encoding`, `body_hash_mismatch`, `link_hash_mismatch`, `bad_signature`, `out_of_order`
    /// or `missing_link`.
    pub code: String,
    /// Which link and what is wrong with it, for a person.
    pub message: String,
    /// The technical facts (hashes, fields, seqs) for an auditor or a log.
    pub detail: String,
}

/// The verifier's answer over the device's chain.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct VerifyReport {
    /// True when there is no problem.
    pub ok: bool,
    /// How many links were examined.
    pub checked: u64,
    /// Every problem found, by `seq` and then code.
    pub problems: Vec<EvidenceProblem>,
    /// One line for a person.
    pub summary: String,
}

impl VerifyReport {
    fn new(r: &core::VerifyReport, lang: Lang) -> Self {
        VerifyReport {
            ok: r.ok,
            checked: r.checked as u64,
            problems: r
                .problems
                .iter()
                .map(|p| EvidenceProblem {
                    seq: p.seq,
                    code: p.code.as_str().to_owned(),
                    message: p.message(lang),
                    detail: p.detail.clone(),
                })
                .collect(),
            summary: r.summary(lang),
        }
    }
}

#[uniffi::export]
impl VieclamStore {
    /// Verifies every link of this device's evidence chain (checks, answers, photos, findings) against its own
    /// public key, with the summary and problems in `lang`. `NotEnrolled` before `enrol_device()`.
    pub fn verify_evidence(&self, lang: Language) -> Result<VerifyReport, VieclamError> {
        let report = self.with(|s| verify_store(s))?;
        Ok(VerifyReport::new(&report, lang.into()))
    }
}
