//! The plot walked on a check, on a real encrypted store: recorded on an open check it is compared with the funded
//! area, signed into the device's chain as a `walk` link (signing exactly the body that goes up) and queued once; a
//! second walk of the same check replaces it as an update, the chain keeping both versions; a walk whose figures
//! disagree with its ring, a walk on a finished check and a walk on an unknown check write nothing.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde_json::Value;
use vieclam_core::checks::checklist::{AnswerValue, QUESTIONS};
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict};
use vieclam_core::checks::plot_walk::ENTITY_WALK;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::checks::walk::{AreaVerdict, WalkedPlot, plot_from_walk};
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::evidence::binding::{Binding, LinkFacts, bind};
use vieclam_core::evidence::signing::{DeviceIdentity, enrol, load_chain, verify_store};
use vieclam_core::store::outbox;
use vieclam_core::{DbKey, Error, Store};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 10, 14, 1, 30, 0).unwrap()
}

/// A fix `north_m` / `east_m` metres from (`lat`, `lon`), `i` seconds after the start.
fn fix(lat: f64, lon: f64, i: i64, north_m: f64, east_m: f64) -> Fix {
    Fix {
        lat: lat + north_m / 111_320.0,
        lon: lon + east_m / (111_320.0 * lat.to_radians().cos()),
        accuracy_m: 3.0,
        altitude_m: None,
        time: t0() + Duration::seconds(i),
        provider: "gps".into(),
        satellites: Some(10),
        mocked: false,
    }
}

/// A walked square of `side_m` metres with its south-west corner at (`lat`, `lon`).
fn square(lat: f64, lon: f64, side_m: f64) -> WalkedPlot {
    let corners = [(0.0, 0.0), (0.0, side_m), (side_m, side_m), (side_m, 0.0)];
    let fixes: Vec<Fix> = corners.iter().enumerate().map(|(i, &(n, e))| fix(lat, lon, i as i64, n, e)).collect();
    plot_from_walk(&fixes, &CheckSettings::default()).unwrap()
}

/// A store with the demo office data, an enrolled device and a check started at a site whose loan funded 1 ha.
fn checked() -> (tempfile::TempDir, Store, DeviceIdentity, String, (f64, f64)) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("w.db"), &DbKey::Raw([7; 32])).unwrap();
    let batch =
        demo::load(&mut store, DemoSpec { loans: 100, seed: 4, as_of: NaiveDate::from_ymd_opt(2025, 10, 20).unwrap() })
            .unwrap();
    let site = batch.sites[0].clone();
    store
        .raw_connection_for_tests()
        .execute("UPDATE funded_models SET funded_area_ha = 1.0 WHERE id = ?1", [&site.model_id])
        .unwrap();
    let identity = enrol(&mut store).unwrap();
    let start = fix(site.lat, site.lon, 0, 0.0, 0.0);
    let v = verdict(&start, &SiteGeometry::from(&site), &CheckSettings::default());
    let id = lc::start(&mut store, &identity, &site.id, &start, &CheckVerdict::from(&v), t0()).unwrap();
    (dir, store, identity, id, (site.lat, site.lon))
}

fn queued(s: &Store) -> Vec<outbox::OutboxEntry> {
    outbox::pending(s.raw_connection_for_tests()).unwrap().into_iter().filter(|e| e.entity == ENTITY_WALK).collect()
}

fn codes(e: Error) -> Vec<String> {
    match e {
        Error::Invalid(list) => list.into_iter().map(|f| f.code).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// Everything a refusal must leave alone: the walk rows, the outbox, the chain.
fn footprint(s: &Store) -> (i64, usize, usize) {
    let rows = s.raw_connection_for_tests().query_row("SELECT COUNT(*) FROM plot_walks", [], |r| r.get(0)).unwrap();
    (
        rows,
        outbox::pending(s.raw_connection_for_tests()).unwrap().len(),
        load_chain(s.raw_connection_for_tests()).unwrap().len(),
    )
}

#[test]
fn a_walk_is_recorded_compared_signed_and_queued_and_a_second_walk_replaces_it() {
    let (_d, mut s, identity, check, (lat, lon)) = checked();
    let tolerance = CheckSettings::default().area_tolerance;
    let plot = square(lat, lon, 80.0);
    let rec = lc::record_walk(&mut s, &identity, &check, &plot, tolerance, t0() + Duration::minutes(20)).unwrap();
    assert_eq!((rec.check_id.as_str(), rec.funded_ha), (check.as_str(), 1.0));
    let AreaVerdict::Smaller { pct } = rec.verdict else { panic!("0.64 ha against 1 ha: {:?}", rec.verdict) };
    assert!((pct - 36.0).abs() < 0.5, "{pct}");
    assert_eq!(lc::walk_of(&s, &check).unwrap().as_ref(), Some(&rec));
    // The check screen says it in words.
    let screen = lc::check(&s, &check, vieclam_core::Lang::Vi).unwrap();
    let row = screen.fields.iter().find(|f| f.label == "Diện tích đo thực địa").expect("the walk's row");
    assert_eq!(row.value, rec.verdict.message(rec.area_ha, rec.funded_ha, vieclam_core::Lang::Vi));

    // The outbox payload is what the server stores; the `walk` link it names signed exactly that body.
    let q = queued(&s);
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].op.as_str(), q[0].entity_id.as_str()), ("insert", check.as_str()));
    let body: Value = serde_json::from_str(&q[0].payload).unwrap();
    assert_eq!(body["verdict"]["kind"], "smaller");
    let chain = load_chain(s.raw_connection_for_tests()).unwrap();
    let link = chain.iter().find(|l| Some(&l.link_hash) == rec.signature.as_ref()).expect("the named link");
    assert_eq!((link.kind.as_str(), link.record_id.as_str()), ("walk", check.as_str()));
    let facts = LinkFacts {
        device_id: &link.device_id,
        of_author: true,
        kind: &link.kind,
        record_id: &link.record_id,
        body: &link.body,
        problem: None,
        latest: true,
    };
    assert_eq!(bind(ENTITY_WALK, &check, &body, Some(&facts)), Binding::Verified);

    // Walked again, 100 m a side: it replaces the first, as an update; the chain keeps both versions.
    let again =
        lc::record_walk(&mut s, &identity, &check, &square(lat, lon, 100.0), tolerance, t0() + Duration::minutes(30))
            .unwrap();
    assert_eq!(again.verdict, AreaVerdict::Matches);
    assert_eq!(queued(&s).iter().map(|e| e.op.as_str()).collect::<Vec<_>>(), ["insert", "update"]);
    assert_eq!(lc::walk_of(&s, &check).unwrap().unwrap().area_ha, again.area_ha);
    let walks = load_chain(s.raw_connection_for_tests()).unwrap().into_iter().filter(|l| l.kind == "walk").count();
    assert_eq!(walks, 2);
    assert_eq!(footprint(&s).0, 1);
    assert!(verify_store(&s).unwrap().problems.is_empty());
}

#[test]
fn refused_walks_write_nothing() {
    let (_d, mut s, identity, check, (lat, lon)) = checked();
    let tolerance = CheckSettings::default().area_tolerance;
    let good = square(lat, lon, 100.0);
    let before = footprint(&s);

    // An area that is not the ring's.
    let forged = WalkedPlot { area_ha: good.area_ha * 2.0, ..good.clone() };
    assert_eq!(
        codes(lc::record_walk(&mut s, &identity, &check, &forged, tolerance, t0()).unwrap_err()),
        ["walk.area_mismatch"]
    );
    // A ring left open, and one with a point off the Earth.
    let mut open = good.clone();
    open.ring.pop();
    assert_eq!(
        codes(lc::record_walk(&mut s, &identity, &check, &open, tolerance, t0()).unwrap_err()),
        ["walk.not_a_ring"]
    );
    let mut off = good.clone();
    off.ring[1] = [200.0, lat];
    assert_eq!(
        codes(lc::record_walk(&mut s, &identity, &check, &off, tolerance, t0()).unwrap_err()),
        ["walk.bad_coordinates"]
    );
    // An unknown check.
    assert!(matches!(
        lc::record_walk(&mut s, &identity, "no-such-check", &good, tolerance, t0()),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(footprint(&s), before);

    // A finished check is locked: like a photo, a walk must be taken while the check is open.
    for q in QUESTIONS.iter().filter(|q| q.required) {
        let value = match q.key {
            "model_type" => AnswerValue::Choice("livestock".into()),
            "model_state" => AnswerValue::Choice("good".into()),
            "effectiveness" => AnswerValue::Choice("effective".into()),
            "repayment_state" => AnswerValue::Choice("on_time".into()),
            "jobs_created" | "jobs_kept" => AnswerValue::Number(2.0),
            _ => AnswerValue::YesNo(false),
        };
        lc::answer(&mut s, &identity, &check, q.key, value).unwrap();
    }
    lc::finish(&mut s, &identity, &check, t0() + Duration::minutes(40)).unwrap();
    let finished = footprint(&s);
    assert_eq!(
        codes(lc::record_walk(&mut s, &identity, &check, &good, tolerance, t0()).unwrap_err()),
        ["check.locked"]
    );
    assert_eq!(footprint(&s), finished);
    assert!(lc::walk_of(&s, &check).unwrap().is_none());
}
