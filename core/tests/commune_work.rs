//! A commune's sites and loan book as the inspection team reads them: every site and every loan of the demo
//! province belongs to exactly one commune — a site to the commune it lies in, a loan to its borrower's.

use std::collections::HashMap;

use chrono::NaiveDate;
use vieclam_core::checks::commune::{commune_loans, commune_sites};
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::{DbKey, Store};

#[test]
fn every_site_and_loan_falls_in_one_commune() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("c.db"), &DbKey::Raw([3; 32])).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
    let batch = demo::load(&mut store, DemoSpec { loans: 300, seed: 9, as_of }).unwrap();
    let home: HashMap<&str, &str> = batch.borrowers.iter().map(|b| (b.id.as_str(), b.commune_code.as_str())).collect();
    let borrower_of: HashMap<&str, &str> =
        batch.loans.iter().map(|l| (l.id.as_str(), l.borrower_id.as_str())).collect();

    let (mut sites, mut loans) = (0, 0);
    for commune in vieclam_core::places::communes() {
        let here = commune_sites(&store, &commune.code).unwrap();
        assert!(here.windows(2).all(|w| w[0].site_id < w[1].site_id), "by id");
        for s in &here {
            assert_eq!(s.commune_code, commune.code);
            assert!(!s.borrower_name.is_empty() && !s.kind.is_empty());
        }
        sites += here.len();
        let book = commune_loans(&store, &commune.code).unwrap();
        for id in &book {
            assert_eq!(home[borrower_of[id.as_str()]], commune.code, "a loan is its borrower's commune's");
        }
        loans += book.len();
    }
    assert_eq!((sites, loans), (batch.sites.len(), batch.loans.len()));
    assert!(commune_sites(&store, "00000").unwrap().is_empty());
}
