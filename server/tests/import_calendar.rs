//! The transaction points' calendars (`tests/data/lich-giao-dich.csv`): a table of its own, which imports alone;
//! rows naming one point add their days together; a bad row is reported with its code.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use vieclam_core::loans::rules::default_rule_sets;
use vieclam_server::import::{read_loan_files, read_loans_bytes};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

#[test]
fn a_calendar_imports_alone_and_one_point_takes_all_its_rows() {
    let paths = [data("lich-giao-dich.csv")];
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let book = read_loan_files(&refs, today(), &default_rule_sets()).expect("a calendar alone reads");
    assert!(book.rejected.is_empty(), "{:#?}", book.rejected);
    let points = &book.batch.transaction_points;
    assert_eq!(points.len(), 3);
    let thrice = points.iter().find(|p| p.commune_code == "06001").unwrap();
    assert_eq!(thrice.days_of_month, vec![31]);
    assert_eq!(thrice.dates.len(), 2);
    let twice = points.iter().find(|p| p.commune_code == "06040").unwrap();
    assert_eq!((twice.place.as_str(), twice.days_of_month.clone()), ("UBND xã Thất Khê", vec![5, 20]));
}

#[test]
fn bad_calendar_rows_are_reported() {
    let csv = "Mã xã;Địa điểm giao dịch;Ngày giao dịch hằng tháng;Các ngày giao dịch\n\
               05977;Nhà văn hóa;32;\n\
               05977;Nhà văn hóa;;31/02/2026\n\
               05977;Nhà văn hóa;;\n\
               99999;Nhà văn hóa;15;\n";
    let book = read_loans_bytes(csv.as_bytes(), today()).expect("reads");
    let codes: Vec<(u64, &str)> = book.rejected.iter().map(|e| (e.row, e.code.as_str())).collect();
    assert_eq!(
        codes,
        vec![
            (2, "days_of_month.format"),
            (3, "dates.format"),
            (4, "transaction_point.no_days"),
            (5, "commune_code.unknown")
        ]
    );
    assert!(book.batch.transaction_points.is_empty());
}
