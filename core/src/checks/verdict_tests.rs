//! Tests of the site verdict with real places near Đình Lập and, for invariants, proptest.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::places::EARTH_RADIUS_M;

/// A funded model near Đình Lập.
const SITE: (f64, f64) = (21.545, 107.095);

fn metres_per_deg_lat() -> f64 {
    EARTH_RADIUS_M.to_radians()
}

/// The point `north` and `east` metres from `(lat, lon)` (flat offsets: exact enough over a few km here).
fn offset((lat, lon): (f64, f64), north: f64, east: f64) -> (f64, f64) {
    let dlat = north / metres_per_deg_lat();
    let dlon = east / (metres_per_deg_lat() * lat.to_radians().cos());
    (lat + dlat, lon + dlon)
}

fn fix((lat, lon): (f64, f64), accuracy_m: f64) -> Fix {
    Fix {
        lat,
        lon,
        accuracy_m,
        altitude_m: None,
        time: Utc.with_ymd_and_hms(2025, 10, 21, 10, 30, 0).single().unwrap_or_default(),
        provider: "fused".to_owned(),
        satellites: Some(7),
        mocked: false,
    }
}

fn site(radius_m: f64) -> SiteGeometry {
    let commune_code = commune_at(SITE.0, SITE.1).map(|c| c.code.clone()).unwrap_or_default();
    SiteGeometry { lat: SITE.0, lon: SITE.1, radius_m, plot: None, commune_code }
}

/// A plot of about 100 m × 100 m whose south-west corner is the site's point.
fn plot_site() -> SiteGeometry {
    let (n, e) = offset(SITE, 100.0, 100.0);
    let ring = vec![[SITE.1, SITE.0], [e, SITE.0], [e, n], [SITE.1, n], [SITE.1, SITE.0]];
    SiteGeometry { plot: Some(ring), ..site(20.0) }
}

#[test]
fn the_site_lies_in_a_lang_son_commune() {
    assert_eq!(site(0.0).commune_code.len(), 5, "the test site must be inside the province");
}

#[test]
fn a_fix_at_the_site_point_is_at_the_site() {
    let v = verdict(&fix(SITE, 4.0), &site(50.0), &CheckSettings::default());
    assert_eq!(v.place, Place::AtSite);
    assert_eq!(v.distance_m, 0.0);
    assert!(v.in_site_commune);
    assert_eq!(v.fix_commune_code.as_deref(), Some(site(0.0).commune_code.as_str()));
    assert_eq!((v.accuracy_level, v.accuracy_warning), (AccuracyLevel::Good, None));
    assert_eq!(v.message(Lang::Vi), "Đang ở tại mô hình (cách 0 m).");
    assert_eq!(v.commune_message(Lang::Vi), None);
}

#[test]
fn five_km_away_is_away() {
    let v = verdict(&fix(offset(SITE, 3_000.0, 4_000.0), 6.0), &site(50.0), &CheckSettings::default());
    assert_eq!(v.place, Place::Away);
    assert!((v.distance_m - 5_000.0).abs() < 10.0, "{}", v.distance_m);
    assert_eq!(v.message(Lang::Vi), "Đang ở xa mô hình (cách 5,0 km).");
    assert_eq!(v.message(Lang::En), "Away from the site (5.0 km away).");
}

#[test]
fn three_hundred_metres_beyond_the_radius_is_near() {
    // Radius 50 m, accuracy 8 m: 358 m from the point is 300 m beyond what counts as at the site.
    let v = verdict(&fix(offset(SITE, 358.0, 0.0), 8.0), &site(50.0), &CheckSettings::default());
    assert_eq!(v.place, Place::Near);
    assert!((v.distance_m - 358.0).abs() < 0.5, "{}", v.distance_m);
    assert_eq!(v.accuracy_level, AccuracyLevel::Fair);
    assert_eq!(v.message(Lang::Vi), "Đang ở gần mô hình (cách 358 m), chưa tới nơi.");
    // Just inside radius + accuracy is at the site; just past radius + accuracy + near_m is away.
    let at = verdict(&fix(offset(SITE, 57.0, 0.0), 8.0), &site(50.0), &CheckSettings::default());
    assert_eq!(at.place, Place::AtSite);
    let away = verdict(&fix(offset(SITE, 560.0, 0.0), 8.0), &site(50.0), &CheckSettings::default());
    assert_eq!(away.place, Place::Away);
}

#[test]
fn a_150_m_fix_is_too_poor_to_tell_but_keeps_its_distance() {
    let v = verdict(&fix(offset(SITE, 0.0, 80.0), 150.0), &site(50.0), &CheckSettings::default());
    assert_eq!(v.place, Place::PoorFix);
    assert_eq!(v.accuracy_warning, Some(AccuracyLevel::Poor));
    assert!((v.distance_m - 80.0).abs() < 0.5);
    assert!(v.message(Lang::Vi).contains("sai số 150 m"), "{}", v.message(Lang::Vi));
    assert!(v.message(Lang::Vi).contains("vẫn có thể tiếp tục"), "a poor fix never blocks the work");
}

#[test]
fn a_mocked_fix_is_mocked_whatever_else_is_true() {
    for f in [fix(SITE, 3.0), fix(SITE, 150.0), fix(offset(SITE, 9_000.0, 0.0), 5.0)] {
        let v = verdict(&Fix { mocked: true, ..f }, &site(50.0), &CheckSettings::default());
        assert_eq!(v.place, Place::Mocked);
    }
    let v = verdict(&Fix { mocked: true, ..fix(SITE, 3.0) }, &site(50.0), &CheckSettings::default());
    assert!(v.message(Lang::En).starts_with("The location is mocked"), "{}", v.message(Lang::En));
}

#[test]
fn accuracy_levels_follow_the_settings() {
    let s = CheckSettings::default();
    let levels: Vec<_> = [0.0, 5.0, 5.1, 25.0, 25.1, 100.0, 100.1, f64::NAN, f64::INFINITY]
        .iter()
        .map(|&a| AccuracyLevel::of(a, &s))
        .collect();
    use AccuracyLevel::*;
    assert_eq!(levels, [Good, Good, Fair, Fair, Warn, Warn, Poor, Poor, Poor]);
    let v = verdict(&fix(SITE, 30.0), &site(50.0), &s);
    assert_eq!((v.place, v.accuracy_warning), (Place::AtSite, Some(Warn)));
    assert_eq!(v.accuracy_message(Lang::Vi), "Định vị kém (sai số 30 m); nếu được, hãy ra chỗ thoáng và chờ thêm.");
    // The office may tighten the thresholds: the same 30 m fix is then too poor.
    let strict = CheckSettings { warn_accuracy_m: 10.0, poor_accuracy_m: 20.0, ..s };
    assert_eq!(verdict(&fix(SITE, 30.0), &site(50.0), &strict).place, Place::PoorFix);
}

#[test]
fn a_fix_inside_the_plot_is_at_distance_zero() {
    // 70 m north and 70 m east of the point: 99 m from it, but inside the plot.
    let v = verdict(&fix(offset(SITE, 70.0, 70.0), 6.0), &plot_site(), &CheckSettings::default());
    assert_eq!(v.distance_m, 0.0);
    assert_eq!(v.place, Place::AtSite);
    // 150 m north of the plot's north edge: distance to that edge, not to the point.
    let v = verdict(&fix(offset(SITE, 250.0, 50.0), 6.0), &plot_site(), &CheckSettings::default());
    assert!((v.distance_m - 150.0).abs() < 0.5, "{}", v.distance_m);
    assert_eq!(v.place, Place::Near);
}

#[test]
fn an_unusable_plot_falls_back_to_the_point() {
    let broken = SiteGeometry { plot: Some(vec![[SITE.1, SITE.0], [SITE.1, SITE.0]]), ..site(20.0) };
    let v = verdict(&fix(offset(SITE, 120.0, 0.0), 5.0), &broken, &CheckSettings::default());
    assert!((v.distance_m - 120.0).abs() < 0.5);
}

#[test]
fn a_fix_without_a_position_is_never_at_the_site() {
    for f in [fix((f64::NAN, SITE.1), 3.0), fix((SITE.0, f64::INFINITY), 3.0)] {
        for geometry in [site(50.0), plot_site()] {
            let v = verdict(&f, &geometry, &CheckSettings::default());
            assert_eq!(v.place, Place::PoorFix, "{f:?}");
            assert!(v.message(Lang::En).contains("? away"), "{}", v.message(Lang::En));
        }
    }
}

#[test]
fn outside_the_province_there_is_no_commune() {
    let hanoi = (21.0285, 105.8542);
    let v = verdict(&fix(hanoi, 5.0), &site(50.0), &CheckSettings::default());
    assert_eq!(v.place, Place::Away);
    assert_eq!((v.fix_commune_code, v.in_site_commune), (None, false));
    assert_eq!(
        verdict(&fix(hanoi, 5.0), &site(50.0), &CheckSettings::default()).commune_message(Lang::Vi),
        Some("Vị trí hiện tại không thuộc xã, phường của mô hình.")
    );
}

#[test]
fn a_site_record_converts_and_the_verdict_travels_as_json() -> Result<(), serde_json::Error> {
    let record = Site {
        id: "s1".to_owned(),
        model_id: "m1".to_owned(),
        commune_code: site(0.0).commune_code,
        lat: SITE.0,
        lon: SITE.1,
        radius_m: 40.0,
        plot: None,
    };
    let geometry = SiteGeometry::from(&record);
    assert_eq!(geometry, site(40.0));
    let v = verdict(&fix(SITE, 4.0), &geometry, &CheckSettings::default());
    let json = serde_json::to_string(&v)?;
    assert!(json.contains("\"place\":\"at_site\""), "{json}");
    assert_eq!(serde_json::from_str::<Verdict>(&json)?, v);
    assert_eq!(Place::PoorFix.code(), "poor_fix");
    Ok(())
}

proptest! {
    #[test]
    fn distance_is_never_negative_and_at_site_respects_the_reach(
        north in -20_000.0f64..20_000.0, east in -20_000.0f64..20_000.0,
        accuracy in 0.0f64..300.0, radius in -10.0f64..500.0, with_plot in any::<bool>(),
    ) {
        let geometry = if with_plot { SiteGeometry { radius_m: radius, ..plot_site() } } else { site(radius) };
        let v = verdict(&fix(offset(SITE, north, east), accuracy), &geometry, &CheckSettings::default());
        prop_assert!(v.distance_m >= 0.0, "{}", v.distance_m);
        if v.distance_m > radius.max(0.0) + accuracy {
            prop_assert_ne!(v.place, Place::AtSite);
        }
        if v.place == Place::AtSite {
            prop_assert!(v.distance_m <= v.radius_m + v.accuracy_m);
        }
    }

    #[test]
    fn any_fix_gives_a_verdict_without_panicking(
        lat in proptest::num::f64::ANY, lon in proptest::num::f64::ANY, accuracy in proptest::num::f64::ANY,
    ) {
        let v = verdict(&fix((lat, lon), accuracy), &plot_site(), &CheckSettings::default());
        prop_assert!(v.distance_m >= 0.0 || v.distance_m.is_nan());
        if !accuracy.is_finite() || !(0.0..=100.0).contains(&accuracy) || !v.distance_m.is_finite() {
            prop_assert_eq!(v.place, Place::PoorFix);
        }
        if !(lat.is_finite() && lon.is_finite()) {
            prop_assert_ne!(v.place, Place::AtSite);
        }
    }
}
