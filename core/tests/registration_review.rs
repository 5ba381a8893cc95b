//! The office's decision on a worker's registration reaches the worker's device: a rejection comes down in a pull
//! with its reason, and the applications screen shows the reason beside "rejected"; a reason on anything but a
//! rejection (a verified record carrying one) is not shown.

use serde_json::{Value, json};
use vieclam_core::query::applications::{ApplicationState, applications};
use vieclam_core::sync::pull::apply_page;
use vieclam_core::sync::wire::{Change, ChangeOp, PullResponse};
use vieclam_core::{DbKey, Lang, Store};

fn registration(id: &str, status: &str, reason: Option<&str>) -> Value {
    json!({
        "id": id, "full_name": "Hoàng Thị Mai", "id_kind": "cccd", "id_number": "020190001234",
        "birth_date": "1990-05-01", "sex": "female", "phone": "0912345678", "commune_code": "06613",
        "commune_list": "2025", "address": "Thôn Bản Chắt", "country_abroad": "Nhật Bản", "years_abroad": 3,
        "occupation": "Cơ khí", "skills": ["hàn"], "languages": ["tiếng Nhật"], "certificates": [],
        "wants": ["domestic_job"], "consent": true, "consent_at": "2025-10-01T01:00:00.000Z", "status": status,
        "status_reason": reason, "created_at": "2025-10-01T01:00:00.000Z", "hlc": "0000000000002-0000-00000000"
    })
}

#[test]
fn a_rejection_comes_down_with_the_reason_the_worker_reads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("w.db"), &DbKey::Raw([5; 32])).unwrap();
    let reason = "Số CCCD không khớp với giấy tờ, vui lòng kiểm tra lại.";
    let change = |id: &str, body: Value| Change {
        kind: "worker_registration".into(),
        id: id.into(),
        op: ChangeOp::Upsert,
        body: Some(body),
    };
    let page = PullResponse {
        changes: vec![
            change("reg-rejected", registration("reg-rejected", "rejected", Some(reason))),
            change("reg-verified", registration("reg-verified", "verified", Some("left over"))),
        ],
        cursor: "p1".into(),
        more: false,
        reset: false,
    };
    let tx = store.raw_connection_for_tests().unchecked_transaction().unwrap();
    assert_eq!(apply_page(&tx, &page).unwrap(), (2, 0));
    tx.commit().unwrap();

    let list = applications(&store, Lang::Vi).unwrap();
    let row = |id: &str| list.rows.iter().find(|r| r.registration_id == id).unwrap();
    assert_eq!(row("reg-rejected").state, ApplicationState::Rejected);
    assert_eq!(row("reg-rejected").reason.as_deref(), Some(reason));
    assert_eq!(row("reg-verified").state, ApplicationState::Verified);
    assert_eq!(row("reg-verified").reason, None);
}
