//! The loan import over a real XLSX file (`tests/data/loans-good.xlsx`, written by `make_samples.py` with
//! Python's standard library): date cells, numbers, a commune code whose leading zero Excel dropped, a rate held
//! as a percent-formatted fraction, and a title row above the header all read the same as the CSV.

use std::path::PathBuf;

use chrono::NaiveDate;
use vieclam_server::import::read_loans;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

#[test]
fn xlsx_reads_like_the_csv_export() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let xlsx = read_loans(&data("loans-good.xlsx"), today).unwrap();
    assert!(xlsx.rejected.is_empty(), "{:#?}", xlsx.rejected);
    let csv = read_loans(&data("loans-good.csv"), today).unwrap();
    assert_eq!(xlsx.accepted_rows, 5);
    assert_eq!(xlsx.batch.loans, csv.batch.loans);
    assert_eq!(xlsx.batch.borrowers, csv.batch.borrowers);
    assert_eq!(xlsx.batch.schedules, csv.batch.schedules);
    assert_eq!(xlsx.batch.models, csv.batch.models);
    assert_eq!(xlsx.batch.sites, csv.batch.sites);
    let first = &xlsx.batch.loans[0];
    assert_eq!(first.disbursed_on, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
    assert_eq!(first.annual_rate_ppm, 79_200);
    assert_eq!(xlsx.batch.borrowers[0].commune_code, "05977");
}

/// A damaged workbook found by the `import_loans` fuzz target (a cell naming a shared string past the end of the
/// table, which makes calamine 0.31 panic) is refused with `import.bad_xlsx`, not a crash.
#[test]
fn a_damaged_workbook_is_refused_not_a_crash() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let bytes = std::fs::read(data("damaged-shared-string.xlsx")).unwrap();
    let Err(refused) = vieclam_server::import::read_loans_bytes(&bytes, today) else { panic!("a damaged file read") };
    assert_eq!(refused.code(), "import.bad_xlsx", "{refused:?}");
}
