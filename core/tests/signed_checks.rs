//! A site check signed by the device's real identity: every step lands in the hash chain, the chain verifies, and
//! one changed byte of a stored record is reported with its reason.

use chrono::{NaiveDate, TimeZone, Utc};
use vieclam_core::checks::checklist::{AnswerValue, QUESTIONS};
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict, PhotoInput, PhotoRules};
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::evidence::signing::{ProblemCode, enrol, load_chain, verify_store};
use vieclam_core::{DbKey, Store};

#[test]
fn a_signed_check_verifies_and_a_changed_byte_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), &DbKey::Raw([5; 32])).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
    let batch = demo::load(&mut store, DemoSpec { loans: 100, seed: 3, as_of }).unwrap();
    let site = &batch.sites[0];
    let identity = enrol(&mut store).unwrap();

    let t0 = Utc.with_ymd_and_hms(2025, 10, 14, 1, 30, 0).unwrap();
    let fix = Fix {
        lat: site.lat,
        lon: site.lon,
        accuracy_m: 4.0,
        altitude_m: Some(400.0),
        time: t0,
        provider: "gps".into(),
        satellites: Some(12),
        mocked: false,
    };
    let v = verdict(&fix, &SiteGeometry::from(site), &CheckSettings::default());
    assert_eq!(v.place.code(), "at_site");
    let id = lc::start(&mut store, &identity, &site.id, &fix, &CheckVerdict::from(&v), t0).unwrap();
    for q in QUESTIONS.iter().filter(|q| q.required) {
        let value = match q.key {
            "model_type" => AnswerValue::Choice("livestock".into()),
            "model_state" => AnswerValue::Choice("good".into()),
            "effectiveness" => AnswerValue::Choice("effective".into()),
            "repayment_state" => AnswerValue::Choice("on_time".into()),
            "jobs_created" | "jobs_kept" => AnswerValue::Number(2.0),
            _ => AnswerValue::YesNo(false),
        };
        lc::answer(&mut store, &identity, &id, q.key, value).unwrap_or_else(|e| panic!("{}: {e}", q.key));
    }
    let photo = PhotoInput {
        sha256: "ab".repeat(32),
        width: 1600,
        height: 1200,
        size_bytes: 300_000,
        taken_at: t0,
        fix: fix.clone(),
        source_gps: None,
    };
    lc::add_photo(&mut store, &identity, &id, &photo, &PhotoRules::from(&CheckSettings::default())).unwrap();
    lc::finish(&mut store, &identity, &id, t0 + chrono::Duration::minutes(40)).unwrap();

    let report = verify_store(&store).unwrap();
    assert!(report.ok, "{:?}", report.problems);
    let chain = load_chain(store.raw_connection_for_tests()).unwrap();
    assert!(chain.len() >= 4, "start, answers, photo and finish are all links: {}", chain.len());
    assert!(chain.iter().any(|l| l.kind == "photo") && chain.iter().any(|l| l.kind == "answer"));

    // The attacker holds the store key and edits one byte of the photo record's body.
    let photo_seq = chain.iter().find(|l| l.kind == "photo").unwrap().seq;
    store
        .raw_connection_for_tests()
        .execute_batch("DROP TRIGGER evidence_chain_no_update; DROP TRIGGER evidence_chain_no_delete;")
        .unwrap();
    store
        .raw_connection_for_tests()
        .execute("UPDATE evidence_chain SET body = replace(body, '1600', '1601') WHERE seq = ?1", [photo_seq])
        .unwrap();
    let report = verify_store(&store).unwrap();
    assert!(!report.ok);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].seq, photo_seq);
    assert_eq!(report.problems[0].code, ProblemCode::BodyHashMismatch);
}
