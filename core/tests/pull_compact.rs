//! Pages with ids that follow from the page (`sync::compact`): whatever the server holds, what the device puts back
//! is exactly what the server would have sent whole, and the ids made from natural keys are left out.

use proptest::prelude::*;
use serde_json::{Value, json};
use vieclam_core::ids::stable_id;
use vieclam_core::sync::compact::{Underivable, compact, expand};
use vieclam_core::sync::wire::{Change, ChangeOp};

fn upsert(kind: &str, id: &str, body: Value) -> Change {
    Change { kind: kind.into(), id: id.into(), op: ChangeOp::Upsert, body: Some(body) }
}

/// One borrower's records as an import writes them: natural ids, parents right before.
fn borrower_group(id_number: &str, agreement: &str, payments: &[&str]) -> Vec<Change> {
    let borrower = stable_id("borrower", id_number);
    let loan = stable_id("loan", agreement);
    let model = stable_id("model", agreement);
    let mut out = vec![
        upsert("borrower", &borrower, json!({ "full_name": "Hoàng Thị Mai", "id_number": id_number })),
        upsert("loan", &loan, json!({ "agreement_no": agreement, "borrower_id": borrower, "principal": 50_000_000 })),
        upsert("schedule", &loan, json!({ "loan_id": loan, "instalments": [] })),
    ];
    let mut seen = std::collections::HashMap::new();
    for day in payments {
        let n = seen.entry(*day).or_insert(0);
        *n += 1;
        let id = stable_id("payment", &format!("{agreement}|{day}|{n}"));
        out.push(upsert("payment", &id, json!({ "loan_id": loan, "paid_on": day, "interest_paid": 330_000 })));
    }
    out.push(upsert("funded_model", &model, json!({ "loan_id": loan, "kind": "livestock" })));
    out.push(upsert("site", &stable_id("site", agreement), json!({ "model_id": model, "lat": 21.85 })));
    out
}

#[test]
fn an_imported_borrower_travels_without_a_single_id() {
    let original = borrower_group("020085000001", "BN0000001", &["2024-04-25", "2024-05-25", "2024-05-25"]);
    let mut page = original.clone();
    compact(&mut page);
    for c in &page {
        assert_eq!(c.id, "", "{} sent its id", c.kind);
        let body = c.body.as_ref().unwrap().as_object().unwrap();
        for field in ["borrower_id", "loan_id", "model_id"] {
            assert!(!body.contains_key(field), "{} sent {field}", c.kind);
        }
    }
    // Smaller on the wire, and whole again on the device.
    assert!(serde_json::to_vec(&page).unwrap().len() * 2 < serde_json::to_vec(&original).unwrap().len());
    expand(&mut page).unwrap();
    assert_eq!(page, original);
}

#[test]
fn ids_made_another_way_and_parents_out_of_order_are_sent() {
    let mut original = borrower_group("020085000002", "BN0000002", &["2024-04-25"]);
    // An id the office made by hand, a payment of another loan, and a payment of the first loan on a day whose
    // first payment the page does not hold (its number is 2): each must keep its id, or its parent.
    original[0].id = "0190a2b3-0000-7000-8000-000000000001".into();
    original[1].body.as_mut().unwrap()["borrower_id"] = json!(original[0].id);
    let loan = original[1].id.clone();
    original.push(upsert("payment", &stable_id("payment", "BN0000009|2024-04-25|1"), json!({ "loan_id": "other" })));
    original.push(upsert(
        "payment",
        &stable_id("payment", "BN0000002|2024-06-25|2"),
        json!({ "loan_id": loan, "paid_on": "2024-06-25" }),
    ));
    let mut page = original.clone();
    compact(&mut page);
    assert_eq!(page[0].id, original[0].id);
    // The loan names its borrower by id still (the borrower's id was sent, so the field can lean on it).
    assert!(!page[1].body.as_ref().unwrap().as_object().unwrap().contains_key("borrower_id"));
    assert_eq!(page[page.len() - 2].id, original[original.len() - 2].id);
    assert_eq!(page[page.len() - 2].body.as_ref().unwrap()["loan_id"], "other");
    assert_eq!(page[page.len() - 1].id, original[original.len() - 1].id);
    expand(&mut page).unwrap();
    assert_eq!(page, original);
}

#[test]
fn a_body_without_its_parent_field_does_not_gain_one() {
    let original = vec![
        upsert("loan", &stable_id("loan", "A1"), json!({ "agreement_no": "A1" })),
        upsert("payment", "p-1", json!({ "paid_on": "2024-04-25" })),
    ];
    let mut page = original.clone();
    compact(&mut page);
    expand(&mut page).unwrap();
    // The server's explicit null stands for "absent": the body does not name the loan before it.
    assert_eq!(page[1].body.as_ref().unwrap()["loan_id"], Value::Null);
    assert_ne!(page[1].body.as_ref().unwrap().get("loan_id"), original[0].body.as_ref().unwrap().get("id"));
}

#[test]
fn a_missing_id_the_page_does_not_give_is_refused() {
    let mut page = vec![upsert("payment", "", json!({ "loan_id": "somewhere", "paid_on": "2024-04-25" }))];
    assert_eq!(expand(&mut page), Err(Underivable { index: 0, kind: "payment".into() }));
    let mut field = vec![upsert("site_check", "", json!({}))];
    assert!(expand(&mut field).is_err());
    let mut delete = vec![Change { kind: "loan".into(), id: String::new(), op: ChangeOp::Delete, body: None }];
    assert!(expand(&mut delete).is_err());
}

/// A change of a random office (or field) kind over a small pool of keys, with natural or other ids and parents
/// that are or are not the last record of their kind.
fn any_change() -> impl Strategy<Value = Change> {
    let kinds = prop::sample::select(vec![
        "borrower",
        "loan",
        "schedule",
        "payment",
        "funded_model",
        "site",
        "rule_set",
        "site_check",
    ]);
    let key = prop::sample::select(vec!["K1", "K2", "K3"]);
    let day = prop::sample::select(vec!["2024-04-25", "2024-05-25"]);
    (kinds, key.clone(), key, day, any::<bool>(), 0u8..4, any::<bool>()).prop_map(
        |(kind, own, other, day, natural, parent_form, delete)| {
            let id = if natural {
                match kind {
                    "borrower" => stable_id("borrower", own),
                    "loan" => stable_id("loan", own),
                    "schedule" => stable_id("loan", other),
                    "funded_model" => stable_id("model", own),
                    "site" => stable_id("site", own),
                    "payment" => stable_id("payment", &format!("{own}|{day}|1")),
                    _ => stable_id(kind, own),
                }
            } else {
                stable_id("hand", &format!("{kind}{own}{day}"))
            };
            let parent = match parent_form {
                0 => None,
                1 => Some(Value::Null),
                2 => Some(json!(stable_id("loan", other))),
                _ => Some(json!(stable_id("model", other))),
            };
            let mut body = serde_json::Map::new();
            body.insert("id_number".into(), json!(own));
            body.insert("agreement_no".into(), json!(own));
            body.insert("paid_on".into(), json!(day));
            if let Some(p) = parent {
                for field in ["borrower_id", "loan_id", "model_id"] {
                    body.insert(field.into(), p.clone());
                }
            }
            if delete {
                Change { kind: kind.into(), id, op: ChangeOp::Delete, body: None }
            } else {
                upsert(kind, &id, Value::Object(body))
            }
        },
    )
}

proptest! {
    /// Whatever a page holds, the device puts back exactly what was left out: no field gained, none lost, no id
    /// changed; and the device never meets an id it cannot make.
    #[test]
    fn expand_undoes_compact(original in prop::collection::vec(any_change(), 0..40)) {
        let mut page = original.clone();
        compact(&mut page);
        expand(&mut page).expect("every id the server leaves out follows from the page");
        // A body that had no parent field comes back with an explicit null, which the records read alike.
        let mut want = original.clone();
        for (w, got) in want.iter_mut().zip(&page) {
            if let (Some(Value::Object(w)), Some(Value::Object(g))) = (w.body.as_mut(), got.body.as_ref()) {
                for (k, v) in g {
                    if v.is_null() && !w.contains_key(k) {
                        w.insert(k.clone(), Value::Null);
                    }
                }
            }
        }
        prop_assert_eq!(page, want);
    }
}
