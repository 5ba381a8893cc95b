//! The loan list imported with its payment history and relief events (issue 10, point 1), from the sample files
//! in `tests/data/` (written by `make_samples.py`): as three CSV files and as one workbook of sheets. Each of the
//! five loans' status on 1 March 2026, worked out by hand below, comes from the core over the imported records; the
//! loans paid on time are not overdue. Bad rows of both histories are reported each with its code, and a re-read
//! makes the same records.
//!
//! Day figures: 7.92 % a year is 220 ₫ a day on 1,000,000 ₫ (overdue, 130 %: 286 ₫); 3.96 % is 110 ₫; 8.382 % on
//! 120,000,000 ₫ is 27,940 ₫ a day.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use vieclam_core::loans::rules::default_rule_sets;
use vieclam_core::loans::status::{LoanState, LoanStatus};
use vieclam_core::query::facts::LoanFacts;
use vieclam_server::import::{LoanImport, read_loan_files, read_loans_bytes};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    ymd(2026, 3, 1)
}

fn csv_book() -> LoanImport {
    let files = [data("loans-good.csv"), data("payments-good.csv"), data("relief-good.csv")];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    read_loan_files(&paths, today(), &default_rule_sets()).expect("the export reads")
}

/// Each loan's status on `today()`, by agreement number.
fn statuses(book: &LoanImport) -> HashMap<String, LoanStatus> {
    let b = &book.batch;
    b.loans
        .iter()
        .map(|loan| {
            let schedule = b.schedules.iter().find(|s| s.0 == loan.id).map(|s| s.1.clone()).unwrap_or_default();
            let paid = b.payments.iter().filter(|p| p.loan_id == loan.id);
            (loan.agreement_no.clone(), LoanFacts::from_records(loan, schedule, paid).status(today(), 7))
        })
        .collect()
}

#[test]
fn the_loan_book_with_its_histories_gives_the_banks_figures() {
    let book = csv_book();
    assert!(book.rejected.is_empty(), "{:#?}", book.rejected);
    assert_eq!(book.batch.loans.len(), 5);
    assert_eq!(book.batch.payments.len(), 7);
    assert_eq!(book.accepted_rows, 5 + 7 + 3);
    let st = statuses(&book);

    // 7301000001: 50,000,000 at 7.92 %, six instalments of 8,333,333 (the last 8,333,335), the first three paid on
    // their due days. Balances: 50,000,000 × 184 days (15/03–14/09/2024), 41,666,667 × 181, 33,333,334 × 184,
    // 25,000,001 × 168 (15/09/2025–01/03/2026) = 27,075,000,351 đồng-days × 0.00022 = 5,956,500 ₫ accrued; paid
    // 1,837,000 + 1,624,000 + 1,300,000 = 4,761,000; unpaid 1,195,500, which is all there is to pay now.
    let s = &st["7301000001"];
    assert_eq!((s.state, s.overdue_principal, s.days_overdue), (LoanState::Current, 0, 0));
    assert_eq!((s.principal_repaid, s.outstanding), (24_999_999, 25_000_001));
    assert_eq!((s.interest_accrued, s.interest_paid_total, s.unpaid_interest), (5_956_500, 4_761_000, 1_195_500));
    assert_eq!(s.to_pay_now, 1_195_500);
    // Its borrower's savings-and-loan group, with its leader, and the savings kept with the loan.
    let loan = book.batch.loans.iter().find(|l| l.agreement_no == "7301000001").unwrap();
    assert_eq!(loan.savings_balance, 1_200_000);
    let borrower = book.batch.borrowers.iter().find(|b| b.id == loan.borrower_id).unwrap();
    let group = book.batch.groups.iter().find(|g| Some(&g.id) == borrower.group_id.as_ref()).expect("a group");
    assert_eq!((group.name.as_str(), group.leader_name.as_str()), ("Tổ Bản Chắt 1", "Hoàng Thị Nga"));
    assert_eq!((group.organisation.as_str(), group.commune_code.as_str()), ("farmers_union", "05977"));
    // Two borrowers' rows name the same group: one record.
    assert_eq!(book.batch.groups.len(), 2);
    assert_eq!(s.next_instalment.as_ref().map(|i| (i.due_on, i.amount_remaining)), Some((ymd(2026, 3, 15), 8_333_333)));

    // 7301000002: 80,000,000 at 3.96 %, 26,666,666 paid on 01/06/2024; extended until 01/12/2024 (superseded), then
    // frozen 01/05/2025–30/04/2027, so the instalment of 01/06/2025 is not overdue. Interest stops with the freeze:
    // 80,000,000 × 366 days + 53,333,334 × 334 days (01/06/2024–30/04/2025) = 47,093,333,556 × 0.00011 = 5,180,267.
    let s = &st["7301000002"];
    assert_eq!((s.state, s.overdue_principal, s.to_pay_now), (LoanState::Frozen, 0, 0));
    assert_eq!((s.outstanding, s.frozen_principal), (53_333_334, 53_333_334));
    assert_eq!(s.interest_accrued, 5_180_267);
    assert_eq!((s.relief.from, s.relief.to), (Some(ymd(2025, 5, 1)), Some(ymd(2027, 4, 30))));

    // 7301000003: 30,000,000 at 7.92 %, nothing paid. 5,000,000 overdue from 11/07/2025 (234 days) and 5,000,000
    // from 11/01/2026 (50 days): overdue interest 5 × 234 × 286 + 5 × 50 × 286 = 334,620 + 71,500 = 406,120. Normal
    // interest on the rest: (416 days × 30 − 284 × 5) million-days × 220 = 2,433,200. To pay now: 10,000,000 +
    // 2,433,200 + 406,120 = 12,839,320.
    let s = &st["7301000003"];
    assert_eq!((s.state, s.overdue_principal, s.days_overdue), (LoanState::Overdue, 10_000_000, 234));
    assert_eq!(s.first_overdue_since, Some(ymd(2025, 7, 11)));
    assert_eq!((s.overdue_interest, s.interest_accrued), (406_120, 2_433_200));
    assert_eq!(s.to_pay_now, 12_839_320);

    // 7301000004: 120,000,000 at 8.382 % from 01/02/2026; February's interest 28 × 27,940 = 782,320 paid on
    // 28/02; on 1 March one more day is owed: 27,940.
    let s = &st["7301000004"];
    assert_eq!(
        (s.state, s.interest_accrued, s.unpaid_interest, s.to_pay_now),
        (LoanState::Current, 810_260, 27_940, 27_940)
    );

    // 7301000005: 1,500,000,000, two instalments of 300,000,000 paid, written off on 01/12/2025: 900,000,000.
    let s = &st["7301000005"];
    assert_eq!(
        (s.state, s.outstanding, s.written_off_amount, s.to_pay_now),
        (LoanState::WrittenOff, 0, 900_000_000, 0)
    );
}

#[test]
fn one_workbook_of_sheets_reads_as_the_three_files() {
    let bytes = std::fs::read(data("book-good.xlsx")).unwrap();
    let xlsx = read_loans_bytes(&bytes, today()).expect("the workbook reads");
    assert!(xlsx.rejected.is_empty(), "{:#?}", xlsx.rejected);
    let csv = csv_book();
    assert_eq!(xlsx.batch.loans, csv.batch.loans);
    assert_eq!(xlsx.batch.payments, csv.batch.payments);
    assert_eq!(xlsx.batch.schedules, csv.batch.schedules);
    assert_eq!(xlsx.accepted_rows, csv.accepted_rows);
}

#[test]
fn reading_the_same_export_again_makes_the_same_records() {
    let (a, b) = (csv_book(), csv_book());
    assert_eq!(a.batch.payments, b.batch.payments);
    assert_eq!(a.batch.loans, b.batch.loans);
    // The files in another order make the same records too (a payment may come before its loan).
    let files = [data("relief-good.csv"), data("payments-good.csv"), data("loans-good.csv")];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let c = read_loan_files(&paths, today(), &default_rule_sets()).unwrap();
    assert_eq!(c.batch.payments, a.batch.payments);
    assert_eq!(c.batch.loans, a.batch.loans);
}

fn want_rows(table: &str, rows: &[(u64, &str)]) -> Vec<(String, u64, String)> {
    rows.iter().map(|(r, c)| (table.to_owned(), *r, (*c).to_owned())).collect()
}

#[test]
fn every_bad_history_row_is_reported_with_its_code_and_file() {
    let files = [data("loans-good.csv"), data("payments-bad.csv"), data("relief-bad.csv")];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let book = read_loan_files(&paths, today(), &default_rule_sets()).expect("the files read");
    let mut found: Vec<(String, u64, String)> =
        book.rejected.iter().map(|e| (e.table.clone(), e.row, e.code.clone())).collect();
    found.sort();
    let mut expected: Vec<(String, u64, String)> = want_rows(
        "payments-bad.csv",
        &[
            (2, "agreement_no.unknown"),
            (3, "paid_on.before_disbursement"),
            (4, "paid_on.future"),
            (5, "payment.nothing_paid"),
            (6, "principal_paid.above_principal"),
            (7, "principal_paid.format"),
            (8, "paid_on.format"),
        ],
    )
    .into_iter()
    .chain(want_rows(
        "relief-bad.csv",
        &[
            (2, "relief_kind.unknown"),
            (3, "relief_to.before_from"),
            (4, "relief_to.write_off"),
            (5, "relief_from.before_disbursement"),
            (6, "relief_amount.above_principal"),
        ],
    ))
    .collect();
    expected.sort();
    assert_eq!(found, expected);
    // Every message names the problem in both languages.
    assert!(
        book.rejected
            .iter()
            .all(|e| !e.message_vi.is_empty() && !e.message_en.is_empty() && e.message_vi != e.message_en)
    );
    // The loans themselves are good; no bad history row became a record.
    assert_eq!(book.batch.loans.len(), 5);
    assert!(book.batch.payments.is_empty());
    assert!(book.batch.loans.iter().all(|l| l.relief == "none"));
}

#[test]
fn histories_without_their_loan_list_are_refused_whole() {
    let files = [data("payments-good.csv"), data("relief-good.csv")];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let Err(e) = read_loan_files(&paths, today(), &default_rule_sets()) else {
        panic!("payments alone must not import")
    };
    assert_eq!(e.code(), "import.no_loan_list");
}
