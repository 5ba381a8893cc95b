//! Every record the core signs binds to its link the way the server checks it (`evidence::binding`): a check from
//! start to finish, its answers (one re-answered), a photo, its plot walked twice, a corrected check with its copied answers and its own
//! finish, and a commune's findings written twice. Each record's last outbox payload, stored whole as the server
//! stores it, must be exactly what the link it names signed, and that link its device's latest for the record; an
//! earlier state sent again must read as superseded.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value;
use vieclam_core::checks::checklist::{AnswerValue, QUESTIONS};
use vieclam_core::checks::findings::{CommuneFindings, record_findings};
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict, PhotoInput, PhotoRules};
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::checks::walk::plot_from_walk;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::evidence::binding::{Binding, LinkFacts, bind, is_evidence_kind, signed_reference};
use vieclam_core::evidence::signing::{SignedLink, enrol, load_chain};
use vieclam_core::store::outbox;
use vieclam_core::{DbKey, Store};

fn answer_value(key: &str) -> AnswerValue {
    match key {
        "model_type" => AnswerValue::Choice("livestock".into()),
        "model_state" => AnswerValue::Choice("good".into()),
        "effectiveness" => AnswerValue::Choice("effective".into()),
        "repayment_state" => AnswerValue::Choice("on_time".into()),
        "jobs_created" | "jobs_kept" => AnswerValue::Number(2.0),
        _ => AnswerValue::YesNo(true),
    }
}

/// The binding of `body` (record `id` of `kind`) against the device's own chain, as the server works it out.
fn binding(chain: &[SignedLink], kind: &str, id: &str, body: &Value) -> Binding {
    let named = signed_reference(kind, body).and_then(|(_, hash)| chain.iter().find(|l| l.link_hash == hash));
    let facts = named.map(|l| LinkFacts {
        device_id: &l.device_id,
        of_author: true,
        kind: &l.kind,
        record_id: &l.record_id,
        body: &l.body,
        problem: None,
        latest: !chain.iter().any(|n| n.record_id == l.record_id && n.kind == l.kind && n.seq > l.seq),
    });
    bind(kind, id, body, facts.as_ref())
}

#[test]
fn every_record_the_core_signs_binds_to_its_latest_link() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("b.db"), &DbKey::Raw([6; 32])).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
    let batch = demo::load(&mut store, DemoSpec { loans: 100, seed: 5, as_of }).unwrap();
    let identity = enrol(&mut store).unwrap();
    let site = &batch.sites[0];
    let t0 = Utc.with_ymd_and_hms(2025, 10, 14, 1, 30, 0).unwrap();
    let fix = Fix {
        lat: site.lat,
        lon: site.lon,
        accuracy_m: 4.0,
        altitude_m: Some(312.5),
        time: t0,
        provider: "gps".into(),
        satellites: Some(11),
        mocked: false,
    };
    let v = verdict(&fix, &SiteGeometry::from(site), &CheckSettings::default());
    let id = lc::start(&mut store, &identity, &site.id, &fix, &CheckVerdict::from(&v), t0).unwrap();
    for q in QUESTIONS.iter().filter(|q| q.required) {
        lc::answer(&mut store, &identity, &id, q.key, answer_value(q.key)).unwrap();
    }
    // One answer changed before finishing: its record's latest link is the second one.
    lc::answer(&mut store, &identity, &id, "jobs_created", AnswerValue::Number(3.0)).unwrap();
    let photo = PhotoInput {
        sha256: "cd".repeat(32),
        width: 1600,
        height: 1200,
        size_bytes: 280_000,
        taken_at: t0,
        fix: fix.clone(),
        source_gps: Some((site.lat + 0.0001, site.lon)),
    };
    lc::add_photo(&mut store, &identity, &id, &photo, &PhotoRules::from(&CheckSettings::default())).unwrap();
    // The plot walked twice: the second walk replaces the first.
    let walk = |side_m: f64| {
        let corners = [(0.0, 0.0), (0.0, side_m), (side_m, side_m), (side_m, 0.0)];
        let fixes: Vec<Fix> = corners
            .iter()
            .enumerate()
            .map(|(i, &(n, e))| Fix {
                lat: site.lat + n / 111_320.0,
                lon: site.lon + e / (111_320.0 * site.lat.to_radians().cos()),
                time: t0 + chrono::Duration::seconds(i as i64),
                ..fix.clone()
            })
            .collect();
        plot_from_walk(&fixes, &CheckSettings::default()).unwrap()
    };
    let tolerance = CheckSettings::default().area_tolerance;
    lc::record_walk(&mut store, &identity, &id, &walk(60.0), tolerance, t0).unwrap();
    lc::record_walk(&mut store, &identity, &id, &walk(90.0), tolerance, t0 + chrono::Duration::minutes(5)).unwrap();
    lc::finish(&mut store, &identity, &id, t0 + chrono::Duration::minutes(35)).unwrap();
    // A correction: a new revision with the answers copied, changed once, and finished.
    let revision = lc::correct(&mut store, &identity, &id, "Nhập nhầm số việc làm").unwrap();
    lc::answer(&mut store, &identity, &revision, "jobs_kept", AnswerValue::Number(1.0)).unwrap();
    lc::finish(&mut store, &identity, &revision, t0 + chrono::Duration::minutes(50)).unwrap();
    // A commune's findings, written and then rewritten.
    let plan = &batch.plans[0];
    let mut notes = CommuneFindings {
        commune_code: plan.commune_codes[0].clone(),
        plan_id: plan.id.clone(),
        findings: "Vốn vay được sử dụng đúng mục đích.".into(),
        recommendations: String::new(),
        opinions: String::new(),
    };
    record_findings(&mut store, &identity, &notes, t0).unwrap();
    notes.recommendations = "Đôn đốc trả lãi đúng hạn.".into();
    record_findings(&mut store, &identity, &notes, t0 + chrono::Duration::hours(1)).unwrap();

    let chain = load_chain(store.raw_connection_for_tests()).unwrap();
    let entries = outbox::pending(store.raw_connection_for_tests()).unwrap();
    // The server keeps each record whole, as its last change left it.
    let mut stored: HashMap<(String, String), Value> = HashMap::new();
    let mut first: HashMap<(String, String), Value> = HashMap::new();
    for e in entries.iter().filter(|e| is_evidence_kind(&e.entity)) {
        let body: Value = serde_json::from_str(&e.payload).unwrap();
        first.entry((e.entity.clone(), e.entity_id.clone())).or_insert_with(|| body.clone());
        stored.insert((e.entity.clone(), e.entity_id.clone()), body);
    }
    let kinds = |k: &str| stored.keys().filter(|(kind, _)| kind == k).count();
    assert_eq!(
        (kinds("site_check"), kinds("check_photo"), kinds("plot_walk"), kinds("commune_findings")),
        (2, 1, 1, 1)
    );
    assert!(kinds("check_answer") >= 2 * 5, "answers of both revisions: {}", kinds("check_answer"));
    for ((kind, rid), body) in &stored {
        assert_eq!(binding(&chain, kind, rid, body), Binding::Verified, "{kind} {rid}: {body}");
    }
    // The first state of a record that changed since, sent again, is a replay.
    let check_key = ("site_check".to_owned(), id.clone());
    assert_eq!(binding(&chain, "site_check", &id, &first[&check_key]), Binding::Superseded);
    let answer_key = ("check_answer".to_owned(), format!("{id}/jobs_created"));
    assert_eq!(binding(&chain, "check_answer", &answer_key.1, &first[&answer_key]), Binding::Superseded);
    let walk_key = ("plot_walk".to_owned(), id.clone());
    assert_eq!(binding(&chain, "plot_walk", &id, &first[&walk_key]), Binding::Superseded);
    // The finished revision still carries its answers (a finish that dropped them would lose them on the server,
    // which keeps each state whole), and one changed value of it is caught.
    let mut edited = stored[&("site_check".to_owned(), revision.clone())].clone();
    assert_eq!(edited["state"], "finished");
    assert!(edited["answers"].as_array().is_some_and(|a| a.len() >= 5), "{edited}");
    edited["answers"][0]["value"] = serde_json::json!("đã sửa");
    assert_eq!(binding(&chain, "site_check", &revision, &edited), Binding::ChangedAfterSigning);
}
