//! Rule sets are data the office changes (issue 10): a new database holds the shipped sets; `rules set` changes a
//! value or refuses a bad change with nothing changed; the import judges a loan by the stored set in force on its
//! disbursement day, so a limit raised by the office lets a loan in that the shipped limit refused; and every
//! device, even a returning worker's, receives the sets by sync. On SQLite and on PostgreSQL.

mod common;

use common::{Backend, Server};
use serde_json::json;

/// One loan of 210,000,000 ₫ to a worker, disbursed 1 Feb 2026: above Decree 338's 200,000,000 ₫.
const LOAN: &str = "Số khế ước;Họ và tên;Năm sinh;Số CCCD/CMND;Địa chỉ;Mã xã;Mã chương trình;Ngày giải ngân;\
Ngày đến hạn;Số tiền vay;Lãi suất;Mục đích sử dụng vốn;Phòng giao dịch\n\
7309000001;Hoàng Văn Bảy;1985;020085007007;Thôn Bản Chắt;05977;TVL-LD;01/02/2026;01/02/2029;210.000.000;8,382;\
Nuôi bò;PGD NHCSXH thành phố Lạng Sơn\n";

async fn rule_sets(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    let file = s.data.path().join("du-no.csv");
    std::fs::write(&file, LOAN).unwrap();
    let file = file.display().to_string();

    let listed = s.admin(&["rules", "list"]);
    assert!(listed.contains("ND61-74") && listed.contains("ND338"), "{listed}");
    assert!(listed.contains("200.000.000"), "{listed}");

    // The shipped limit refuses the loan, and nothing is written.
    let refused = s.admin_refused(&["import", "loans", &file]);
    assert!(refused.contains("1 dòng lỗi"), "{refused}");

    // Bad changes are refused whole.
    for (args, says) in [
        (&["--code", "ND338", "--standard-rate", "25"][..], "20 %"),
        (&["--code", "ND338", "--overdue-percent", "90"][..], "100 %"),
        (&["--code", "ND338", "--from", "2026-01-01", "--to", "2025-01-01"][..], "hết hiệu lực"),
        (&["--code", "ND999", "--from", "2027-01-01"][..], "--legal-basis"),
        (&["--code", "ND338", "--standing", "rumour"][..], "official"),
    ] {
        let err = s.admin_refused(&[&["rules", "set"][..], args].concat());
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(s.admin(&["rules", "list"]), listed, "a refused change changes nothing");

    // The office raises the limit: the same file now imports.
    let saved = s.admin(&["rules", "set", "--code", "ND338", "--worker-limit", "250000000"]);
    assert!(saved.contains("250.000.000") && saved.contains("8,382"), "{saved}");
    let imported = s.admin(&["import", "loans", &file]);
    assert!(imported.contains("Đã nhập 1 dòng"), "{imported}");
    // A new set, with all its values, takes effect from its day.
    let args = [
        "rules",
        "set",
        "--code",
        "ND-2027",
        "--legal-basis",
        "Nghị định mẫu",
        "--from",
        "2027-01-01",
        "--worker-limit",
        "300000000",
        "--business-limit",
        "10000000000",
        "--per-worker-limit",
        "200000000",
        "--standard-rate",
        "8,382",
        "--priority-rate",
        "6,6",
        "--overseas-rate",
        "8,382",
        "--overseas-priority-rate",
        "6,6",
        "--overdue-percent",
        "130",
        "--max-term-months",
        "120",
        "--standing",
        "secondary",
    ];
    assert!(s.admin(&args).contains("ND-2027"));
    assert!(s.admin(&["rules", "list"]).contains("01/01/2027"));

    // Every device receives the sets: here a returning worker's, which sees only public records and its own.
    let s = s.start().await;
    let worker = s.enrolled_worker().await;
    let pulled = worker.pull_all(500).await;
    let sets: Vec<_> = pulled.iter().filter(|c| c["kind"] == "rule_set").collect();
    assert_eq!(sets.len(), 3, "{sets:?}");
    let nd338 = sets.iter().find(|c| c["body"]["code"] == "ND338").expect("ND338");
    assert_eq!(nd338["body"]["values"]["worker_limit"], json!(250_000_000));
    assert!(pulled.iter().all(|c| c["kind"] != "loan"), "a worker sees no loans");
}

#[tokio::test(flavor = "multi_thread")]
async fn rule_sets_are_data_the_office_changes_on_sqlite() {
    rule_sets(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rule_sets_are_data_the_office_changes_on_postgres() {
    rule_sets(Backend::Postgres).await;
}
