//! The office's loan figures are the core's (issue 10, point 5): the overview's outstanding and overdue amounts on
//! the demo province equal the sum of each loan's status from `LoanFacts` over the records an admin pulls, on
//! SQLite and PostgreSQL. The demo holds frozen and written-off loans with instalments due and unpaid, so a figure
//! that only subtracts payments from what fell due (as the dashboard once did) disagrees; the test proves it does.

mod common;

use std::collections::HashMap;

use common::{Backend, Server, record};
use serde_json::Value;
use vieclam_core::loans::Instalment;
use vieclam_core::loans::status::LoanState;
use vieclam_core::query::facts::LoanFacts;
use vieclam_core::query::session::today_in_province;
use vieclam_core::records::{Loan, LoanPayment};
use vieclam_core::sync::pull::parse_schedule;
use vieclam_server::dashboard::DashboardData;
use vieclam_server::web::data::DbDashboard;

async fn loan_book(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    let s = s.start().await;
    let admin = s.client().login("admin", "admin-vieclam").await;
    let changes = admin.pull_all(5_000).await;
    let of = |kind: &str| -> Vec<Value> { changes.iter().filter(|c| c["kind"] == kind).map(record).collect() };
    let loans: Vec<Loan> = of("loan").into_iter().map(|b| serde_json::from_value(b).expect("a loan")).collect();
    let mut payments: HashMap<String, Vec<LoanPayment>> = HashMap::new();
    for b in of("payment") {
        let p: LoanPayment = serde_json::from_value(b).expect("a payment");
        payments.entry(p.loan_id.clone()).or_default().push(p);
    }
    let schedules: HashMap<String, Vec<Instalment>> = changes
        .iter()
        .filter(|c| c["kind"] == "schedule")
        .map(|c| (c["id"].as_str().unwrap().to_owned(), parse_schedule(c["body"].clone()).expect("a schedule")))
        .collect();
    assert!(loans.len() >= 100, "the demo's loan book: {}", loans.len());

    let today = today_in_province();
    let (mut outstanding, mut overdue, mut overdue_amount) = (0i64, 0u64, 0i64);
    let (mut naive_overdue, mut relieved_but_late) = (0i64, 0);
    for loan in &loans {
        let schedule = schedules.get(&loan.id).cloned().unwrap_or_default();
        let paid = payments.get(&loan.id).map_or(&[][..], Vec::as_slice);
        let st = LoanFacts::from_records(loan, schedule.clone(), paid).status(today, 0);
        outstanding += st.outstanding;
        if st.state == LoanState::Overdue {
            overdue += 1;
            overdue_amount += st.overdue_principal;
        }
        // What fell due before today less what was repaid, blind to freezes and write-offs.
        let due: i64 = schedule.iter().filter(|i| i.due_on < today).map(|i| i.principal_due).sum();
        let repaid: i64 = paid.iter().filter(|p| p.paid_on <= today).map(|p| p.principal_paid).sum();
        naive_overdue += (due - repaid).max(0);
        if matches!(st.state, LoanState::Frozen | LoanState::WrittenOff) && due > repaid {
            relieved_but_late += 1;
        }
    }
    assert!(relieved_but_late > 0, "the demo must hold a frozen or written-off loan with unpaid instalments due");
    assert_ne!(naive_overdue, overdue_amount, "the data must tell a blind sum from the loan status");

    let dashboard = std::sync::Arc::new(DbDashboard::new(s.db().await));
    assert!(!dashboard.book_is_current().await.expect("asked"), "nothing is made before it is asked for");
    let o = dashboard.overview().await.expect("the overview");
    assert!(dashboard.book_is_current().await.expect("asked"));
    assert_eq!(o.loans, loans.len() as u64);
    assert_eq!((o.outstanding, o.overdue, o.overdue_amount), (outstanding, overdue, overdue_amount));

    // The figures are kept between visits, and an import makes them again: the next visit counts the new loans.
    let again = dashboard.overview().await.expect("the overview again");
    assert_eq!((again.loans, again.outstanding), (o.loans, o.outstanding));
    let book = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/loans-good.csv");
    s.admin(&["import", "loans", book]);
    // Its rows are the lines that start with their number (STT); a title and the header come first.
    let text = std::fs::read_to_string(book).expect("the book");
    let imported = text.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).count() as u64;
    assert!(!dashboard.book_is_current().await.expect("asked"), "the import changed the book");
    // Kept warm, the figures are made again without anyone asking for a page.
    DbDashboard::keep_book_warm(&dashboard, std::time::Duration::from_millis(50));
    let started = std::time::Instant::now();
    while !dashboard.book_is_current().await.expect("asked") {
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "the figures were never made again");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let after = dashboard.overview().await.expect("the overview after the import");
    assert_eq!(after.loans, o.loans + imported, "the kept figures were made again after the import");
    assert!(after.outstanding > o.outstanding);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_counts_the_loan_book_as_the_core_does_on_sqlite() {
    loan_book(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_counts_the_loan_book_as_the_core_does_on_postgres() {
    loan_book(Backend::Postgres).await;
}
