//! The loan import over the sample CSV files in `tests/data/`: a good `;`-separated export with BOM and a title
//! row becomes records that a real encrypted store accepts, and every kind of bad row is reported with its row
//! number, column and stable code.

use std::path::PathBuf;

use chrono::NaiveDate;
use vieclam_core::records::Borrower;
use vieclam_core::{DbKey, Store};
use vieclam_server::import::{ImportError, read_loans, read_loans_bytes, stable_id};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn borrower<'a>(all: &'a [Borrower], id_number: &str) -> &'a Borrower {
    all.iter().find(|b| b.id_number == id_number).unwrap()
}

#[test]
fn good_csv_gives_loans_borrowers_schedules_models_and_sites() {
    let import = read_loans(&data("loans-good.csv"), today()).unwrap();
    assert!(import.rejected.is_empty(), "{:#?}", import.rejected);
    assert_eq!(import.accepted_rows, 5);
    let b = &import.batch;
    assert_eq!(b.loans.len(), 5);
    // Hoàng Văn Minh has two loans (his ID written once with spaces): one borrower.
    assert_eq!(b.borrowers.len(), 4);
    let minh = borrower(&b.borrowers, "020085001234");
    assert_eq!((minh.full_name.as_str(), minh.birth_year), ("Hoàng Văn Minh", 1985));
    assert_eq!(minh.phone.as_deref(), Some("0912345678"));
    assert!(minh.ethnic_minority);
    assert_eq!(b.loans.iter().filter(|l| l.borrower_id == minh.id).count(), 2);
    assert_eq!(borrower(&b.borrowers, "082123456").phone.as_deref(), Some("0987654321"));
    assert_eq!(borrower(&b.borrowers, "020178009999").address, "Khu Phai Vệ; phường Đông Kinh");

    let first = b.loans.iter().find(|l| l.agreement_no == "7301000001").unwrap();
    assert_eq!(first.id, stable_id("loan", "7301000001"));
    assert_eq!((first.principal, first.annual_rate_ppm, first.overdue_rate_ppm), (50_000_000, 79_200, 102_960));
    assert_eq!((first.disbursed_on, first.maturity_on), (ymd(2024, 3, 15), ymd(2027, 3, 15)));
    assert_eq!(first.rule_set_id, "0190a000-0000-7000-8000-000000000061");
    // Disbursed in 2026: Decree 338.
    let abroad = b.loans.iter().find(|l| l.agreement_no == "7301000004").unwrap();
    assert_eq!(abroad.rule_set_id, "0190a000-0000-7000-8000-000000000338");
    assert_eq!(abroad.annual_rate_ppm, 83_820);

    // 36 months every 6: six instalments of 8.333.333 (the last takes the remainder), ending on maturity.
    let (_, schedule) = b.schedules.iter().find(|(id, _)| *id == first.id).unwrap();
    assert_eq!(schedule.len(), 6);
    assert_eq!(schedule[0].due_on, ymd(2024, 9, 15));
    assert_eq!(schedule.iter().map(|i| i.principal_due).sum::<i64>(), 50_000_000);
    assert_eq!(schedule.last().unwrap().due_on, ymd(2027, 3, 15));

    assert_eq!(b.models.len(), 3);
    let forest = b.models.iter().find(|m| m.kind == "afforestation").unwrap();
    assert_eq!((forest.funded_area_ha, forest.description.as_str()), (Some(2.5), "Rừng keo"));
    assert_eq!(b.sites.len(), 2);
    let site = b.sites.iter().find(|s| s.commune_code == "06040").unwrap();
    assert_eq!((site.lat, site.lon, site.radius_m), (22.29943, 106.4442, 60.0));
    let codes: Vec<_> = b.programmes.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["TVL-CS", "TVL-LD", "XKLD"]);
}

#[test]
fn good_batch_applies_to_a_real_store_and_a_reimport_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::raw(&[7u8; 32]).unwrap();
    let mut store = Store::open(dir.path().join("office.db"), &key).unwrap();
    let import = read_loans(&data("loans-good.csv"), today()).unwrap();
    store.apply_office_batch(&import.batch).unwrap();
    let count = |store: &Store, table: &str| -> i64 {
        store.raw_connection_for_tests().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
    };
    assert_eq!((count(&store, "loans"), count(&store, "borrowers")), (5, 4));
    // The same export again: same ids, so the same rows are rewritten, none added.
    store.apply_office_batch(&read_loans(&data("loans-good.csv"), today()).unwrap().batch).unwrap();
    assert_eq!((count(&store, "loans"), count(&store, "borrowers")), (5, 4));
    let list = vieclam_core::query::loans::loan_list(&store, "hoang van minh", 0, 20, today(), vieclam_core::Lang::Vi)
        .unwrap();
    assert_eq!(list.rows.len(), 2);
    assert!(list.rows.iter().all(|r| r.borrower_name == "Hoàng Văn Minh"));
}

/// `(row, code)` for every problem in `loans-bad.csv`, in file order (see `make_samples.py`).
const EXPECTED: [(u64, &str); 24] = [
    (3, "full_name.required"),
    (4, "id_number.format"),
    (5, "id_number.province_unknown"),
    (6, "id_number.birth_year_mismatch"),
    (7, "phone.prefix_unknown"),
    (8, "commune_code.unknown"),
    (9, "programme_code.unknown"),
    (10, "disbursed_on.format"),
    (11, "disbursed_on.future"),
    (12, "disbursed_on.no_rule_set"),
    (13, "maturity_on.before_disbursement"),
    (14, "principal.format"),
    (15, "principal.above_limit"),
    (16, "annual_rate.range"),
    (17, "agreement_no.duplicate"),
    (18, "id_number.conflict"),
    (19, "model_kind.unknown"),
    (20, "site.incomplete"),
    (21, "site.outside_commune"),
    (22, "maturity_on.term_too_long"),
    (23, "birth_year.range"),
    (24, "id_number.format"),
    (24, "principal.format"),
    (25, "site.without_model"),
];

#[test]
fn every_bad_row_is_reported_with_row_column_and_code() {
    let import = read_loans(&data("loans-bad.csv"), today()).unwrap();
    let got: Vec<(u64, &str)> = import.rejected.iter().map(|e| (e.row, e.code.as_str())).collect();
    assert_eq!(got, EXPECTED);
    assert_eq!(import.accepted_rows, 1);
    assert_eq!(import.batch.loans.len(), 1);
    assert_eq!(import.batch.loans[0].agreement_no, "A0002");
    assert_eq!(import.rejected_rows().len(), 23);

    let by = |row: u64, code: &str| import.rejected.iter().find(|e| e.row == row && e.code == code).unwrap();
    let name = by(3, "full_name.required");
    assert_eq!(name.column, "Borrower name");
    assert_eq!(name.message_vi, "Cột «Borrower name» đang trống.");
    assert_eq!(name.message_en, "Column “Borrower name” is empty.");
    let limit = by(15, "principal.above_limit");
    assert_eq!(limit.column, "Principal");
    assert!(limit.message_vi.contains("100.000.000\u{a0}₫"), "{}", limit.message_vi);
    assert!(by(17, "agreement_no.duplicate").message_en.contains("row 2"));
    assert!(by(18, "id_number.conflict").message_vi.contains("dòng 2"));
    assert!(by(22, "maturity_on.term_too_long").message_vi.contains("137 tháng"));
    assert_eq!(by(6, "id_number.birth_year_mismatch").column, "ID number");
    assert!(by(8, "commune_code.unknown").message_vi.contains("99999"));
    // No message repeats an ID number: personal data stays in the file, not in the report.
    assert!(import.rejected.iter().all(|e| !e.message_vi.contains("020085") && !e.message_en.contains("020085")));
}

#[test]
fn file_level_problems_are_errors_not_rows() {
    let missing = read_loans_bytes("Số khế ước;Họ và tên\n1;A\n".as_bytes(), today()).unwrap_err();
    assert_eq!(missing.code(), "import.missing_columns");
    let ImportError::MissingColumns(cols) = &missing else { panic!("{missing:?}") };
    assert!(cols.contains(&"principal".to_owned()) && !cols.contains(&"phone".to_owned()));
    assert!(missing.message(vieclam_core::Lang::Vi).starts_with("Thiếu các cột bắt buộc: birth_year"));
    assert_eq!(read_loans_bytes(b"", today()).unwrap_err(), ImportError::Empty);
    assert_eq!(read_loans_bytes(b"\xff\xfe;a\n", today()).unwrap_err(), ImportError::NotUtf8);
    let dup = read_loans_bytes("Số khế ước,Khế ước\n".as_bytes(), today()).unwrap_err();
    assert_eq!(dup, ImportError::DuplicateColumn("Khế ước".into()));
    assert_eq!(read_loans_bytes(b"PK\x03\x04junk", today()).unwrap_err().code(), "import.bad_xlsx");
    assert_eq!(read_loans(&data("no-such-file.csv"), today()).unwrap_err().code(), "import.io");
}
