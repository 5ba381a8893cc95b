//! A loan that breaks its rule set is imported as the bank wrote it, with a finding the office sees (issue 10,
//! point 4): a rate none of the set's, a business loan above the cap per worker, no collateral above the set's
//! threshold, a loan abroad above its contract's costs or longer than the contract. `tests/data/loans-findings.csv`
//! (from `make_samples.py`) has one row of each and one that keeps every rule; the findings travel on the loan
//! record, and the import command prints them.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use common::{Backend, Server};
use vieclam_server::import::read_loans;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

#[test]
fn each_broken_rule_is_a_finding_on_a_loan_still_imported() {
    let book = read_loans(&data("loans-findings.csv"), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()).unwrap();
    assert!(book.rejected.is_empty(), "{:#?}", book.rejected);
    assert_eq!(book.batch.loans.len(), 6, "every loan is imported");
    let found: Vec<(u64, &str, &str)> =
        book.findings.iter().map(|f| (f.row, f.code.as_str(), f.column.as_str())).collect();
    assert_eq!(
        found,
        vec![
            (2, "annual_rate.not_in_rule_set", "Lãi suất"),
            (3, "principal.above_per_worker_cap", "Số tiền vay"),
            (4, "collateral.missing", "Tài sản bảo đảm"),
            (5, "principal.above_contract_costs", "Số tiền vay"),
            (6, "maturity_on.beyond_contract", "Ngày đến hạn"),
        ]
    );
    assert!(book.findings[0].message_vi.contains("(7,92, 3,96 %/năm)"), "{}", book.findings[0].message_vi);
    assert!(book.findings[1].message_en.contains("200.000.000"), "{}", book.findings[1].message_en);
    let codes =
        |agreement: &str| book.batch.loans.iter().find(|l| l.agreement_no == agreement).unwrap().findings.clone();
    assert_eq!(codes("7303000002"), vec!["principal.above_per_worker_cap".to_owned()]);
    assert!(codes("7303000006").is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_import_command_prints_the_findings_and_keeps_them_with_the_loan() {
    let s = Server::new(Backend::Sqlite, &[]).await;
    let out = s.admin(&["import", "loans", &data("loans-findings.csv").display().to_string()]);
    assert!(out.contains("Đã nhập 6 dòng"), "{out}");
    assert_eq!(out.matches("Lưu ý / Finding").count(), 5, "{out}");
    assert!(out.contains("collateral.missing"), "{out}");
    s.admin(&[
        "users",
        "add",
        "--role",
        "admin",
        "--username",
        "vanphong",
        "--name",
        "Văn Phòng",
        "--password",
        "mat-khau-vp",
    ]);
    let s = s.start().await;
    let admin = s.client().login("vanphong", "mat-khau-vp").await;
    let loans: Vec<_> = admin.pull_all(500).await.into_iter().filter(|c| c["kind"] == "loan").collect();
    let of = |agreement: &str| loans.iter().find(|c| c["body"]["agreement_no"] == agreement).expect("the loan");
    assert_eq!(of("7303000004")["body"]["findings"], serde_json::json!(["principal.above_contract_costs"]));
    assert!(of("7303000006")["body"].get("findings").is_none(), "a loan within the rules carries none");
}
