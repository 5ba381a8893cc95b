//! A pull may bring a check's answers pages before the check itself (finishing a check gives it a newer place in the
//! server's order). They must not be lost: kept, then applied when the check arrives.

use chrono::{NaiveDate, TimeZone, Utc};
use vieclam_core::checks::checklist::{AnswerValue, QUESTIONS};
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict};
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::evidence::signing::enrol;
use vieclam_core::store::outbox;
use vieclam_core::sync::wire::{Change, ChangeOp, PullResponse};
use vieclam_core::sync::{deferred, pull};
use vieclam_core::{DbKey, Store};

fn demo_store(dir: &std::path::Path, name: &str) -> Store {
    let mut store = Store::open(dir.join(name), &DbKey::Raw([9; 32])).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
    demo::load(&mut store, DemoSpec { loans: 100, seed: 3, as_of }).unwrap();
    store
}

/// The changes an inspector's device made for one check with every required answer, as the server would send them.
fn inspector_changes(dir: &std::path::Path) -> (String, Vec<Change>) {
    let mut store = demo_store(dir, "inspector.db");
    let site = store.raw_connection_for_tests().query_row("SELECT id, lat, lon FROM sites LIMIT 1", [], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?, r.get::<_, f64>(2)?))
    });
    let (site_id, lat, lon) = site.unwrap();
    let site = vieclam_core::checks::lookup::site(&store, &site_id).unwrap();
    let identity = enrol(&mut store).unwrap();
    let t0 = Utc.with_ymd_and_hms(2025, 10, 14, 1, 30, 0).unwrap();
    let fix = Fix {
        lat,
        lon,
        accuracy_m: 4.0,
        altitude_m: None,
        time: t0,
        provider: "gps".into(),
        satellites: Some(9),
        mocked: false,
    };
    let v = verdict(&fix, &SiteGeometry::from(&site), &CheckSettings::default());
    let id = lc::start(&mut store, &identity, &site_id, &fix, &CheckVerdict::from(&v), t0).unwrap();
    for q in QUESTIONS.iter().filter(|q| q.required) {
        let value = match q.key {
            "model_type" => AnswerValue::Choice("livestock".into()),
            "model_state" => AnswerValue::Choice("good".into()),
            "effectiveness" => AnswerValue::Choice("effective".into()),
            "repayment_state" => AnswerValue::Choice("on_time".into()),
            "jobs_created" | "jobs_kept" => AnswerValue::Number(2.0),
            _ => AnswerValue::YesNo(false),
        };
        lc::answer(&mut store, &identity, &id, q.key, value).unwrap();
    }
    let changes = outbox::pending(store.raw_connection_for_tests())
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == "site_check" || e.entity == "check_answer")
        .map(|e| Change {
            kind: e.entity,
            id: e.entity_id,
            op: ChangeOp::Upsert,
            body: Some(serde_json::from_str(&e.payload).unwrap()),
        })
        .collect();
    (id, changes)
}

fn apply(store: &Store, changes: Vec<Change>, cursor: &str) -> (u64, u64) {
    let tx = store.raw_connection_for_tests().unchecked_transaction().unwrap();
    let page = PullResponse { changes, cursor: cursor.into(), more: true, reset: false };
    let out = pull::apply_page(&tx, &page).unwrap();
    tx.commit().unwrap();
    out
}

#[test]
fn answers_that_come_before_their_check_are_kept_until_it_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let (check_id, changes) = inspector_changes(dir.path());
    let (checks, answers): (Vec<Change>, Vec<Change>) = changes.into_iter().partition(|c| c.kind == "site_check");
    assert!(!answers.is_empty());
    let borrower = demo_store(dir.path(), "borrower.db");

    // Page 1: the answers alone. Nothing to hang them on yet, so none is written, but all are kept.
    let (applied, skipped) = apply(&borrower, answers.clone(), "p1");
    assert_eq!((applied, skipped), (0, answers.len() as u64));
    let held: i64 =
        borrower.raw_connection_for_tests().query_row("SELECT count(*) FROM check_answers", [], |r| r.get(0)).unwrap();
    assert_eq!(held, 0);
    assert_eq!(deferred::waiting(borrower.raw_connection_for_tests()).unwrap(), answers.len() as u64);

    // Page 2: the check. It and every kept answer are written; nothing waits any more.
    let (applied, skipped) = apply(&borrower, checks, "p2");
    assert_eq!((applied, skipped), (1 + answers.len() as u64, 0));
    let held: i64 = borrower
        .raw_connection_for_tests()
        .query_row("SELECT count(*) FROM check_answers WHERE check_id = ?1", [&check_id], |r| r.get(0))
        .unwrap();
    assert_eq!(held, answers.len() as i64);
    assert_eq!(deferred::waiting(borrower.raw_connection_for_tests()).unwrap(), 0);
}

/// Issue 9, point 3: a pulled field record is applied under the change's id only. A body naming another record
/// (a colleague's check, an answer of another check) is skipped, and the record it names is left as it was.
#[test]
fn a_body_naming_another_record_is_not_applied_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let (check_id, changes) = inspector_changes(dir.path());
    let borrower = demo_store(dir.path(), "borrower.db");
    let (applied, _) = apply(&borrower, changes.clone(), "p1");
    assert!(applied > 1);
    let verdict_of = |s: &Store| -> String {
        s.raw_connection_for_tests()
            .query_row("SELECT verdict_place FROM site_checks WHERE id = ?1", [&check_id], |r| r.get(0))
            .unwrap()
    };
    let before = verdict_of(&borrower);

    // Another change id, but the body is the colleague's check with its verdict rewritten.
    let mut forged = changes.iter().find(|c| c.kind == "site_check").unwrap().clone();
    let body = forged.body.as_mut().unwrap();
    body["verdict"]["place"] = serde_json::json!(if before == "away" { "at_site" } else { "away" });
    forged.id = vieclam_core::ids::new_id();
    // An answer change whose id names this check but whose body belongs to another.
    let mut answer = changes.iter().find(|c| c.kind == "check_answer").unwrap().clone();
    answer.body.as_mut().unwrap()["value"] = serde_json::json!("forged");
    answer.id =
        format!("{}/{}", vieclam_core::ids::new_id(), answer.body.as_ref().unwrap()["question"].as_str().unwrap());
    let (applied, skipped) = apply(&borrower, vec![forged, answer], "p2");
    assert_eq!((applied, skipped), (0, 2));
    assert_eq!(verdict_of(&borrower), before, "the colleague's check is untouched");
    let forged_answers: i64 = borrower
        .raw_connection_for_tests()
        .query_row("SELECT count(*) FROM check_answers WHERE value = '\"forged\"'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(forged_answers, 0);
}
