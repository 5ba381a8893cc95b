//! Rule sets reach the device by sync (issue 10): a pulled `rule_set` record, changed by the office, replaces the
//! store's copy of the set, and the loans under it read the new values; a pulled delete never removes a set loans
//! still name.

use chrono::NaiveDate;
use vieclam_core::loans::rules::default_rule_sets;
use vieclam_core::sync::pull;
use vieclam_core::sync::wire::{Change, ChangeOp, PullResponse};
use vieclam_core::{DbKey, Store};

fn apply(store: &Store, changes: Vec<Change>) {
    let tx = store.raw_connection_for_tests().unchecked_transaction().unwrap();
    let page = PullResponse { changes, cursor: "c1".into(), more: false, reset: false };
    pull::apply_page(&tx, &page).unwrap();
    tx.commit().unwrap();
}

fn worker_limit(store: &Store, code: &str) -> i64 {
    let body: String = store
        .raw_connection_for_tests()
        .query_row("SELECT body FROM rule_sets WHERE code = ?1", [code], |r| r.get(0))
        .unwrap();
    serde_json::from_str::<serde_json::Value>(&body).unwrap()["worker_limit"].as_i64().unwrap()
}

#[test]
fn a_changed_rule_set_replaces_the_devices_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("v.db"), &DbKey::Raw([3; 32])).unwrap();
    assert_eq!(worker_limit(&store, "ND338"), 200_000_000, "the shipped set seeds a new store");

    let mut nd338 = default_rule_sets().into_iter().find(|s| s.code == "ND338").unwrap();
    nd338.values.worker_limit = 250_000_000;
    let mut body = serde_json::to_value(&nd338).unwrap();
    body.as_object_mut().unwrap().remove("id"); // office bodies travel without their id
    let change = Change { kind: "rule_set".into(), id: nd338.id.clone(), op: ChangeOp::Upsert, body: Some(body) };
    apply(&store, vec![change]);
    assert_eq!(worker_limit(&store, "ND338"), 250_000_000);

    // A new set arrives whole, with its dates.
    let mut next = nd338.clone();
    next.id = vieclam_core::ids::stable_id("rule_set", "ND-2027");
    next.code = "ND-2027".into();
    next.effective_from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let change = Change {
        kind: "rule_set".into(),
        id: next.id.clone(),
        op: ChangeOp::Upsert,
        body: Some(serde_json::to_value(&next).unwrap()),
    };
    apply(&store, vec![change]);
    let from: String = store
        .raw_connection_for_tests()
        .query_row("SELECT effective_from FROM rule_sets WHERE code = 'ND-2027'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(from, "2027-01-01");

    // A delete leaves the set: loans keep naming it.
    let delete = Change { kind: "rule_set".into(), id: nd338.id.clone(), op: ChangeOp::Delete, body: None };
    apply(&store, vec![delete]);
    assert_eq!(worker_limit(&store, "ND338"), 250_000_000);
}
