//! A property of the office's figures (issue 10): for any loan book, the dashboard's province totals (loans,
//! outstanding, loans overdue and their overdue principal) equal the sum of the core's per-loan status over the
//! same store. Books are the core's demo generator's over random seeds, sizes and history dates (payments, late
//! payers, freezes, extensions, write-offs), applied to a fresh embedded database each.

use std::collections::HashMap;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use vieclam_core::demo::{DemoSpec, generate};
use vieclam_core::loans::status::LoanState;
use vieclam_core::query::facts::LoanFacts;
use vieclam_core::query::session::today_in_province;
use vieclam_server::dashboard::DashboardData;
use vieclam_server::db::Db;
use vieclam_server::web::data::DbDashboard;

/// (loans, outstanding, loans overdue, overdue principal) summed from the core's status of each loan.
fn core_totals(batch: &vieclam_core::store::office::OfficeBatch) -> (u64, i64, u64, i64) {
    let today = today_in_province();
    let mut paid: HashMap<&str, Vec<&vieclam_core::records::LoanPayment>> = HashMap::new();
    for p in &batch.payments {
        paid.entry(p.loan_id.as_str()).or_default().push(p);
    }
    let mut t = (0u64, 0i64, 0u64, 0i64);
    for loan in &batch.loans {
        let schedule = batch.schedules.iter().find(|s| s.0 == loan.id).map(|s| s.1.clone()).unwrap_or_default();
        let st = LoanFacts::from_records(loan, schedule, paid.get(loan.id.as_str()).cloned().unwrap_or_default())
            .status(today, 0);
        t.0 += 1;
        t.1 += st.outstanding;
        if st.state == LoanState::Overdue {
            t.2 += 1;
            t.3 += st.overdue_principal;
        }
    }
    t
}

#[test]
fn the_dashboards_totals_are_the_sum_of_the_cores_loan_status() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut runner = TestRunner::new(Config { cases: 12, ..Config::default() });
    let days_back = 0u64..2_000;
    runner
        .run(&(100usize..250, any::<u64>(), days_back), |(loans, seed, back)| {
            let as_of = today_in_province() - chrono::Days::new(back);
            let batch = generate(DemoSpec { loans, seed, as_of }).expect("a demo book");
            let dir = tempfile::tempdir().unwrap();
            let o = rt.block_on(async {
                let db = Db::open_sqlite(&dir.path().join("server.db")).await.unwrap();
                db.apply_office_batch(&batch).await.unwrap();
                DbDashboard::new(db).overview().await.unwrap()
            });
            prop_assert_eq!((o.loans, o.outstanding, o.overdue, o.overdue_amount), core_totals(&batch));
            Ok(())
        })
        .unwrap();
}
