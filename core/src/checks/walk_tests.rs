//! Tests of plot walks near Đình Lập with real sizes, and proptest for invariants of the area.

use ::geo::{Destination, Geodesic, Point};
use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::*;

/// Đình Lập, where the walks start.
const START: (f64, f64) = (21.545, 107.095);

/// The point `metres` from `(lat, lon)` on `bearing` degrees (0 = north, 90 = east), on the WGS84 ellipsoid.
fn go((lat, lon): (f64, f64), bearing: f64, metres: f64) -> (f64, f64) {
    if metres == 0.0 {
        return (lat, lon); // the geodesic solver is off by an ulp or so even for no move
    }
    let p = Geodesic.destination(Point::new(lon, lat), bearing, metres);
    (p.y(), p.x())
}

/// The `i`-th fix of a walk, one per second, at `accuracy_m`.
fn walk_fix(i: usize, (lat, lon): (f64, f64), accuracy_m: f64) -> Fix {
    let start = Utc.with_ymd_and_hms(2025, 10, 22, 8, 0, 0).single().unwrap_or_default();
    Fix {
        lat,
        lon,
        accuracy_m,
        altitude_m: None,
        time: start + Duration::seconds(i64::try_from(i).unwrap_or(0)),
        provider: "gps".to_owned(),
        satellites: Some(10),
        mocked: false,
    }
}

fn walk(points: &[(f64, f64)], accuracy_m: f64) -> Vec<Fix> {
    points.iter().enumerate().map(|(i, &p)| walk_fix(i, p, accuracy_m)).collect()
}

/// The corners of a square with sides of `side` metres, south-west corner at START, walked north, east, south,
/// west (clockwise), with a fix every 10 m along each side.
fn square_walk(side: f64) -> Vec<(f64, f64)> {
    let sw = START;
    let nw = go(sw, 0.0, side);
    let ne = go(nw, 90.0, side);
    let se = go(sw, 90.0, side);
    let mut points = Vec::new();
    for (from, bearing) in [(sw, 0.0), (nw, 90.0), (ne, 180.0), (se, 270.0)] {
        let steps = (side / 10.0).round() as usize;
        points.extend((0..steps).map(|k| go(from, bearing, k as f64 * 10.0)));
    }
    points
}

#[test]
fn a_100_m_square_is_one_hectare_and_400_m_around() -> Result<(), WalkError> {
    let plot = plot_from_walk(&walk(&square_walk(100.0), 4.0), &CheckSettings::default())?;
    assert!((plot.area_ha - 1.0).abs() < 0.01, "{} ha", plot.area_ha);
    assert!((plot.perimeter_m - 400.0).abs() < 4.0, "{} m", plot.perimeter_m);
    assert_eq!((plot.used_points, plot.dropped_points, plot.mocked_points), (40, 0, 0));
    assert_eq!(plot.ring.len(), 41);
    assert_eq!(plot.ring.first(), plot.ring.last());
    assert_eq!(plot.ring[0], [START.1, START.0], "the ring is [lon, lat]");
    assert_eq!(plot.message(Lang::Vi), "Diện tích đo được 1,00 ha, chu vi 400 m (40 điểm; bỏ 0 điểm kém chính xác).");
    Ok(())
}

#[test]
fn poor_points_are_dropped_and_counted() -> Result<(), WalkError> {
    let mut fixes = walk(&square_walk(100.0), 6.0);
    // Three fixes under thick canopy, 40 m off the line and ±40 m: dropped, so the area does not change.
    for i in [5, 17, 33] {
        let (lat, lon) = go((fixes[i].lat, fixes[i].lon), 45.0, 40.0);
        fixes[i] = Fix { lat, lon, accuracy_m: 40.0, ..fixes[i].clone() };
    }
    // And one the platform sent broken.
    fixes.push(Fix { accuracy_m: f64::NAN, ..fixes[2].clone() });
    let plot = plot_from_walk(&fixes, &CheckSettings::default())?;
    assert_eq!((plot.dropped_points, plot.used_points), (4, 37));
    assert!((plot.area_ha - 1.0).abs() < 0.01, "{} ha", plot.area_ha);
    Ok(())
}

#[test]
fn standing_still_and_closing_by_hand_change_nothing() -> Result<(), WalkError> {
    let base = plot_from_walk(&walk(&square_walk(100.0), 4.0), &CheckSettings::default())?;
    let mut points = Vec::new();
    for p in square_walk(100.0) {
        // The walker pauses at every point: the same fix three times, and one 0.5 m off.
        points.extend([p, p, go(p, 30.0, 0.5)]);
    }
    points.push(START); // back at the first corner
    let plot = plot_from_walk(&walk(&points, 4.0), &CheckSettings::default())?;
    assert_eq!(plot.used_points, 40);
    assert!((plot.area_ha - base.area_ha).abs() < 1e-4, "{} vs {}", plot.area_ha, base.area_ha);
    Ok(())
}

#[test]
fn a_figure_eight_is_refused_with_the_crossing_segments() {
    // South-west → north-east → south-east → north-west: the two diagonals cross.
    let sw = START;
    let points = [sw, go(go(sw, 0.0, 100.0), 90.0, 100.0), go(sw, 90.0, 100.0), go(sw, 0.0, 100.0)];
    let err = plot_from_walk(&walk(&points, 3.0), &CheckSettings::default());
    assert_eq!(err, Err(WalkError::SelfIntersecting { segment_a: 0, segment_b: 2 }));
    let err = WalkError::SelfIntersecting { segment_a: 0, segment_b: 2 };
    assert_eq!(err.code(), "walk.self_intersecting");
    assert_eq!(
        err.message(Lang::Vi),
        "Đường đi quanh thửa đất tự cắt nhau (đoạn 1 và đoạn 3); hãy đi lại theo ranh giới, không đi cắt ngang."
    );
    assert!(err.message(Lang::En).contains("segments 1 and 3"));
    let e: Error = err.into();
    assert_eq!(e.code(), "invalid");
}

#[test]
fn too_few_precise_points_is_a_clear_error() {
    let mut fixes = walk(&square_walk(100.0)[..3], 4.0);
    fixes[1].accuracy_m = 30.0;
    let err = plot_from_walk(&fixes, &CheckSettings::default());
    assert_eq!(err, Err(WalkError::TooFewPoints { used: 2, dropped: 1, min: 3 }));
    assert_eq!(
        err.map_err(|e| e.message(Lang::En)),
        Err("Only 2 precise enough points are left (1 dropped); a plot needs at least 3. Please walk the boundary \
             again."
            .to_owned())
    );
    assert_eq!(
        plot_from_walk(&[], &CheckSettings::default()),
        Err(WalkError::TooFewPoints { used: 0, dropped: 0, min: 3 })
    );
    // The office may ask for more points.
    let s = CheckSettings { walk_min_points: 50, ..CheckSettings::default() };
    assert!(matches!(plot_from_walk(&walk(&square_walk(100.0), 4.0), &s), Err(WalkError::TooFewPoints { .. })));
}

#[test]
fn mocked_corners_are_counted() -> Result<(), WalkError> {
    let mut fixes = walk(&square_walk(100.0), 4.0);
    fixes[3].mocked = true;
    assert_eq!(plot_from_walk(&fixes, &CheckSettings::default())?.mocked_points, 1);
    Ok(())
}

#[test]
fn areas_compare_within_the_tolerance() {
    assert_eq!(compare_area(1.10, 1.0, 0.15), AreaVerdict::Matches);
    assert_eq!(compare_area(0.85, 1.0, 0.15), AreaVerdict::Matches);
    let smaller = compare_area(0.80, 1.0, 0.15);
    assert!(matches!(smaller, AreaVerdict::Smaller { pct } if (pct - 20.0).abs() < 1e-9), "{smaller:?}");
    assert_eq!(
        smaller.message(0.80, 1.0, Lang::Vi),
        "Diện tích đo được 0,80 ha nhỏ hơn 20% so với diện tích được vay vốn 1,00 ha."
    );
    let larger = compare_area(2.6, 2.0, 0.15);
    assert!(matches!(larger, AreaVerdict::Larger { pct } if (pct - 30.0).abs() < 1e-9), "{larger:?}");
    assert_eq!(
        larger.message(2.6, 2.0, Lang::En),
        "The measured area 2.60 ha is 30% larger than the funded area 2.00 ha."
    );
    assert_eq!(compare_area(1.0, 0.0, 0.15), AreaVerdict::Unknown);
    assert_eq!(compare_area(f64::NAN, 1.0, 0.15), AreaVerdict::Unknown);
    assert_eq!(compare_area(1.0, 1.0, 0.15).code(), "matches");
}

#[test]
fn an_area_verdict_travels_as_json() -> Result<(), serde_json::Error> {
    let v = AreaVerdict::Smaller { pct: 20.0 };
    let json = serde_json::to_string(&v)?;
    assert_eq!(json, r#"{"kind":"smaller","pct":20.0}"#);
    assert_eq!(serde_json::from_str::<AreaVerdict>(&json)?, v);
    Ok(())
}

proptest! {
    #[test]
    fn a_convex_plot_has_the_same_area_walked_either_way(
        degrees in proptest::collection::btree_set(0u16..360, 3..24),
        radius in 200.0f64..400.0,
        north in -5_000.0f64..5_000.0,
        east in -5_000.0f64..5_000.0,
    ) {
        // Corners on a circle at distinct whole degrees are a convex polygon; at ≥ 200 m, one degree is ≥ 3.5 m,
        // more than the 2 m that would merge neighbouring corners.
        let centre = go(go(START, 0.0, north), 90.0, east);
        let points: Vec<(f64, f64)> = degrees.iter().map(|&d| go(centre, f64::from(d), radius)).collect();
        let forward = plot_from_walk(&walk(&points, 3.0), &CheckSettings::default());
        let reversed: Vec<_> = points.iter().rev().copied().collect();
        let backward = plot_from_walk(&walk(&reversed, 3.0), &CheckSettings::default());
        let (f, b) = match (forward, backward) {
            (Ok(f), Ok(b)) => (f, b),
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        prop_assert!(f.area_ha > 0.0);
        prop_assert!((f.area_ha - b.area_ha).abs() <= 1e-9 * f.area_ha.max(1.0), "{} vs {}", f.area_ha, b.area_ha);
        prop_assert!((f.perimeter_m - b.perimeter_m).abs() < 1e-6);
        // Never more than the circle around it.
        prop_assert!(f.area_ha <= std::f64::consts::PI * radius * radius / 1e4 * 1.01);
    }
}
