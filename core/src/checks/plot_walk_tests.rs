use proptest::prelude::*;

use super::*;

/// A rectangle `north_m` × `east_m` from a point in Lộc Bình, as a closed ring `[lon, lat]`.
fn rectangle(north_m: f64, east_m: f64) -> Vec<[f64; 2]> {
    let (lat, lon): (f64, f64) = (21.75, 106.9);
    let dlat = north_m / 111_320.0;
    let dlon = east_m / (111_320.0 * lat.to_radians().cos());
    vec![[lon, lat], [lon + dlon, lat], [lon + dlon, lat + dlat], [lon, lat + dlat], [lon, lat]]
}

fn record(ring: Vec<[f64; 2]>) -> PlotWalkRecord {
    let (perimeter_m, area_ha) = measure_ring(&ring).expect("a plot");
    PlotWalkRecord {
        check_id: "chk-1".into(),
        site_id: "site-1".into(),
        used_points: ring.len() - 1,
        ring,
        area_ha,
        perimeter_m,
        dropped_points: 2,
        mocked_points: 0,
        funded_ha: 1.0,
        verdict: crate::checks::walk::compare_area(area_ha, 1.0, 0.15),
        walked_at: "2025-10-14T03:00:00.000Z".into(),
        signature: None,
        hlc: "h".into(),
    }
}

/// `r` stating `area_ha` instead, its verdict following (so only the area itself is wrong).
fn with_area(r: &PlotWalkRecord, area_ha: f64) -> PlotWalkRecord {
    let verdict = crate::checks::walk::compare_area(area_ha, r.funded_ha, 0.15);
    PlotWalkRecord { area_ha, verdict, ..r.clone() }
}

fn codes(r: &PlotWalkRecord) -> Vec<String> {
    problems(r).into_iter().map(|p| p.code).collect()
}

#[test]
fn a_measured_rectangle_passes_and_its_difference_is_against_the_funded_area() {
    let r = record(rectangle(100.0, 80.0));
    assert!(problems(&r).is_empty(), "{:?}", codes(&r));
    assert!((r.area_ha - 0.8).abs() < 0.005, "{}", r.area_ha);
    assert!((r.difference_pct().unwrap() + 20.0).abs() < 0.5);
    assert_eq!(PlotWalkRecord { funded_ha: 0.0, ..r }.difference_pct(), None);
}

#[test]
fn each_broken_rule_has_its_code() {
    let good = record(rectangle(100.0, 100.0));
    let tampered = with_area(&good, good.area_ha * 1.5);
    assert_eq!(codes(&tampered), ["walk.area_mismatch"]);
    let long_fence = PlotWalkRecord { perimeter_m: good.perimeter_m + 50.0, ..good.clone() };
    assert_eq!(codes(&long_fence), ["walk.area_mismatch"]);
    let mut open = good.clone();
    open.ring.pop();
    assert_eq!(codes(&open), ["walk.not_a_ring"]);
    let mut two = good.clone();
    two.ring = vec![two.ring[0], two.ring[1], two.ring[0], two.ring[1], two.ring[0]];
    assert_eq!(codes(&two), ["walk.not_a_ring"]);
    let mut bowtie = good.clone();
    bowtie.ring.swap(1, 2);
    assert_eq!(codes(&bowtie), ["walk.not_a_ring"]);
    let mut off_earth = good.clone();
    off_earth.ring[1][1] = 91.0;
    assert_eq!(codes(&off_earth), ["walk.bad_coordinates"]);
    let mut nan = good.clone();
    nan.ring[2][0] = f64::NAN;
    assert_eq!(codes(&nan), ["walk.bad_coordinates"]);
    let huge = PlotWalkRecord { ring: vec![good.ring[0]; MAX_RING_POINTS + 1], ..good.clone() };
    assert_eq!(codes(&huge), ["walk.ring_too_long"]);
    assert_eq!(codes(&PlotWalkRecord { mocked_points: 5, ..good.clone() }), ["walk.counts_inconsistent"]);
    assert_eq!(codes(&PlotWalkRecord { used_points: 9, ..good.clone() }), ["walk.counts_inconsistent"]);
    assert_eq!(codes(&PlotWalkRecord { funded_ha: -1.0, ..good.clone() }), ["walk.bad_funded_area"]);
    assert_eq!(codes(&PlotWalkRecord { walked_at: "hôm qua".into(), ..good.clone() }), ["walk.bad_time"]);
    assert_eq!(codes(&PlotWalkRecord { check_id: " ".into(), ..good.clone() }), ["walk.not_a_check"]);
    // A verdict its figures do not give: 0.8 ha said to match 2 ha, smaller by the wrong amount, or compared with
    // no funded area.
    let small = record(rectangle(100.0, 80.0));
    let verdict = |funded_ha, verdict| codes(&PlotWalkRecord { funded_ha, verdict, ..small.clone() });
    assert_eq!(verdict(2.0, AreaVerdict::Matches), ["walk.verdict_inconsistent"]);
    assert_eq!(verdict(1.0, AreaVerdict::Smaller { pct: 5.0 }), ["walk.verdict_inconsistent"]);
    assert_eq!(verdict(1.0, AreaVerdict::Larger { pct: 20.0 }), ["walk.verdict_inconsistent"]);
    assert_eq!(verdict(0.0, AreaVerdict::Matches), ["walk.verdict_inconsistent"]);
    assert!(verdict(0.0, AreaVerdict::Unknown).is_empty());
    let pct = -small.difference_pct().unwrap();
    assert!(verdict(1.0, AreaVerdict::Smaller { pct }).is_empty());
    assert_eq!(codes(&good), Vec::<String>::new());
    for (code, _) in CODES {
        assert_eq!(code_message(code).map(|(c, _)| c), Some(*code));
    }
}

proptest! {
    /// Whatever rectangle is walked, the record made from its own measure passes, and a stated area off by more
    /// than the tolerance never does.
    #[test]
    fn a_record_passes_exactly_when_its_figures_are_the_rings(
        north in 20.0f64..2_000.0,
        east in 20.0f64..2_000.0,
        off in 0.02f64..5.0,
    ) {
        let r = record(rectangle(north, east));
        prop_assert!(problems(&r).is_empty());
        let forged = with_area(&r, r.area_ha * (1.0 + off));
        prop_assert_eq!(codes(&forged), vec!["walk.area_mismatch".to_owned()]);
        let shrunk = with_area(&r, r.area_ha / (1.0 + off));
        prop_assert_eq!(codes(&shrunk), vec!["walk.area_mismatch".to_owned()]);
    }
}
