//! The demo province through the FFI: fills a store with believable borrowers, loans, sites and programmes so the
//! apps can be shown and tested without the office's data.

use vieclam_core::demo::{self, DemoSpec};

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::day;

/// How many records of each kind a demo load wrote.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct DemoCounts {
    /// Savings-and-loan groups.
    pub groups: u64,
    /// Borrowers.
    pub borrowers: u64,
    /// Loans.
    pub loans: u64,
    /// Payments received on them.
    pub payments: u64,
    /// Sites of funded models.
    pub sites: u64,
    /// Job programmes in the catalogue.
    pub job_programmes: u64,
    /// Licensed (and a few suspended) sending enterprises.
    pub enterprises: u64,
    /// Inspection plans.
    pub plans: u64,
}

fn count<T>(items: &[T]) -> u64 {
    items.len() as u64
}

#[uniffi::export]
impl VieclamStore {
    /// Writes a deterministic demo province of `loans` loans (100 to 100 000) into the store, in one transaction:
    /// the same `seed` and `as_of` (ISO date, "today" for the generated history) give the same records.
    ///
    /// Fails with `Other` (`bad_argument`) for a size out of range and `Invalid` (field `as_of`) for a bad date.
    pub fn load_demo(&self, loans: u32, seed: u64, as_of: String) -> Result<DemoCounts, VieclamError> {
        let as_of = day("as_of", &as_of)?;
        let spec = DemoSpec { loans: loans as usize, seed, as_of };
        let batch = self.with(|s| demo::load(s, spec))?;
        Ok(DemoCounts {
            groups: count(&batch.groups),
            borrowers: count(&batch.borrowers),
            loans: count(&batch.loans),
            payments: count(&batch.payments),
            sites: count(&batch.sites),
            job_programmes: count(&batch.job_programmes),
            enterprises: count(&batch.enterprises),
            plans: count(&batch.plans),
        })
    }
}
