//! The sample bank export of 1,000 loans with their payment history and relief events (`tests/data/book-1000/`,
//! written by `make_samples.py` from a seed as of 30/11/2026) imports whole, and each loan's status from the core
//! agrees with how the sample says it was repaid (its "Ghi chú" column, which the import ignores): no loan paid on
//! time is overdue, every loan repaid early is settled, every loan written off owes nothing. The five loans worked
//! by hand (`import_history.rs`) show the same figures inside the large export.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use vieclam_core::loans::rules::default_rule_sets;
use vieclam_core::loans::status::{LoanState, LoanStatus};
use vieclam_core::query::facts::LoanFacts;
use vieclam_server::import::{LoanImport, read_loan_files};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/book-1000").join(name)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn book() -> LoanImport {
    let files = [data("du-no.csv"), data("tra-no.csv"), data("xu-ly-no.csv")];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    read_loan_files(&paths, ymd(2026, 11, 30), &default_rule_sets()).expect("the sample reads")
}

/// Agreement number → the sample's note on how the loan was repaid.
fn notes() -> HashMap<String, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_path(data("du-no.csv"))
        .expect("the loan list");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let header = rows.iter().position(|r| r.get(0).is_some_and(|c| c.contains("Số khế ước"))).expect("a header");
    let note = rows[header].iter().position(|c| c == "Ghi chú").expect("a note column");
    rows[header + 1..].iter().map(|r| (r[0].to_owned(), r[note].to_owned())).collect()
}

fn statuses(book: &LoanImport, on: NaiveDate) -> HashMap<String, LoanStatus> {
    let b = &book.batch;
    let schedules: HashMap<&str, &Vec<_>> = b.schedules.iter().map(|(id, s)| (id.as_str(), s)).collect();
    let mut payments: HashMap<&str, Vec<&vieclam_core::records::LoanPayment>> = HashMap::new();
    for p in &b.payments {
        payments.entry(p.loan_id.as_str()).or_default().push(p);
    }
    b.loans
        .iter()
        .map(|loan| {
            let schedule = schedules.get(loan.id.as_str()).map(|s| (*s).clone()).unwrap_or_default();
            let paid = payments.get(loan.id.as_str()).cloned().unwrap_or_default();
            (loan.agreement_no.clone(), LoanFacts::from_records(loan, schedule, paid).status(on, 7))
        })
        .collect()
}

#[test]
fn a_thousand_loans_with_their_histories_import_and_read_as_repaid() {
    let book = book();
    assert!(book.rejected.is_empty(), "{:#?}", &book.rejected[..book.rejected.len().min(10)]);
    assert!(
        book.findings.is_empty(),
        "the sample keeps its rule sets: {:#?}",
        &book.findings[..book.findings.len().min(5)]
    );
    assert_eq!(book.batch.loans.len(), 1_000);
    assert!(book.batch.payments.len() > 3_000, "{} payments", book.batch.payments.len());
    let notes = notes();
    assert_eq!(notes.len(), 1_000);

    let on = ymd(2026, 11, 30);
    let st = statuses(&book, on);
    let mut tally: HashMap<(&str, LoanState), usize> = HashMap::new();
    for (agreement, s) in &st {
        let note = notes[agreement].as_str();
        *tally.entry((note, s.state)).or_default() += 1;
        match note {
            "đúng hạn" => assert!(
                matches!(s.state, LoanState::Current | LoanState::Settled) && s.overdue_principal == 0,
                "{agreement} was paid on time: {s:?}"
            ),
            "tất toán" => assert_eq!(s.state, LoanState::Settled, "{agreement} was repaid early: {s:?}"),
            "xóa nợ" => assert!(
                s.state == LoanState::WrittenOff || s.state == LoanState::Settled,
                "{agreement} was written off: {s:?}"
            ),
            _ => {}
        }
        assert!(s.outstanding >= 0 && s.overdue_principal <= s.outstanding);
    }
    let mut table: Vec<_> = tally.iter().map(|((note, state), n)| format!("{note} / {state:?}: {n}")).collect();
    table.sort();
    println!("note / state on 30/11/2026: loans\n{}", table.join("\n"));
    // The sample is varied enough to mean something: loans paid on time, overdue, frozen and written off.
    let count = |state: LoanState| st.values().filter(|s| s.state == state).count();
    assert!(tally.keys().filter(|k| k.0 == "đúng hạn").map(|k| tally[k]).sum::<usize>() > 500, "{tally:?}");
    assert!(count(LoanState::Overdue) > 50, "{tally:?}");
    assert!(count(LoanState::Frozen) > 10 && count(LoanState::WrittenOff) > 5, "{tally:?}");

    // The five loans worked by hand keep their figures inside the large export.
    let march = statuses(&book, ymd(2026, 3, 1));
    assert_eq!(march["7301000001"].to_pay_now, 1_195_500);
    assert_eq!(march["7301000002"].state, LoanState::Frozen);
    assert_eq!(march["7301000003"].to_pay_now, 12_839_320);
    assert_eq!(march["7301000004"].unpaid_interest, 27_940);
    assert_eq!(march["7301000005"].written_off_amount, 900_000_000);
}

#[test]
fn re_reading_the_sample_makes_the_same_records() {
    let (a, b) = (book(), book());
    assert_eq!(a.batch.loans, b.batch.loans);
    assert_eq!(a.batch.payments, b.batch.payments);
    assert_eq!(a.batch.borrowers, b.batch.borrowers);
}
