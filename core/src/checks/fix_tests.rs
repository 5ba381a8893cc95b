//! Tests of fix validation and of choosing the best fix over a window.

use chrono::{Duration, TimeZone};
use proptest::prelude::*;

use super::*;

/// A real fix near Đình Lập at `second` seconds past 09:00 on 20 Oct 2025 (during the inspection's field work).
fn fix_at(second: i64, accuracy_m: f64) -> Fix {
    let base = Utc.with_ymd_and_hms(2025, 10, 20, 9, 0, 0).single().unwrap_or_default();
    Fix {
        lat: 21.545,
        lon: 107.095,
        accuracy_m,
        altitude_m: Some(412.0),
        time: base + Duration::seconds(second),
        provider: "gps".to_owned(),
        satellites: Some(9),
        mocked: false,
    }
}

fn window(from: i64, to: i64) -> (DateTime<Utc>, DateTime<Utc>) {
    (fix_at(from, 0.0).time, fix_at(to, 0.0).time)
}

#[test]
fn a_real_fix_passes() {
    assert_eq!(fix_at(0, 8.0).check(), Ok(()));
    assert_eq!(Fix { altitude_m: None, satellites: None, ..fix_at(0, 0.0) }.check(), Ok(()));
}

#[test]
fn impossible_fixes_are_refused_with_codes() {
    let cases = [
        (Fix { lat: 91.0, ..fix_at(0, 5.0) }, FixError::Latitude),
        (Fix { lat: f64::NAN, ..fix_at(0, 5.0) }, FixError::Latitude),
        (Fix { lon: -180.5, ..fix_at(0, 5.0) }, FixError::Longitude),
        (Fix { lon: f64::INFINITY, ..fix_at(0, 5.0) }, FixError::Longitude),
        (Fix { lat: 0.0, lon: 0.0, ..fix_at(0, 5.0) }, FixError::NullIsland),
        (fix_at(0, -1.0), FixError::Accuracy),
        (fix_at(0, f64::NAN), FixError::Accuracy),
        (Fix { altitude_m: Some(f64::NEG_INFINITY), ..fix_at(0, 5.0) }, FixError::Altitude),
        (Fix { provider: "  ".to_owned(), ..fix_at(0, 5.0) }, FixError::Provider),
    ];
    for (fix, expected) in cases {
        assert_eq!(fix.check(), Err(expected), "{fix:?}");
    }
    assert_eq!(FixError::NullIsland.code(), "fix.null_island");
    assert_eq!(FixError::Accuracy.field(), "accuracy_m");
    let e: Error = FixError::Latitude.into();
    assert_eq!(e.code(), "invalid");
    assert!(e.message(Lang::Vi).contains("Vĩ độ"), "{}", e.message(Lang::Vi));
}

#[test]
fn every_fix_error_has_both_languages() {
    for e in [
        FixError::Latitude,
        FixError::Longitude,
        FixError::NullIsland,
        FixError::Accuracy,
        FixError::Altitude,
        FixError::Provider,
    ] {
        assert!(!e.message(Lang::Vi).is_empty() && !e.message(Lang::En).is_empty());
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
        assert!(e.code().starts_with("fix."));
    }
}

#[test]
fn best_is_most_accurate_then_most_satellites_then_latest() {
    let fixes = vec![
        fix_at(1, 12.0),
        fix_at(2, 4.0),
        Fix { satellites: Some(12), ..fix_at(3, 4.0) },
        Fix { satellites: Some(12), ..fix_at(4, 4.0) },
        fix_at(5, 30.0),
    ];
    assert_eq!(best_fix(&fixes, window(0, 10)), Some(fixes[3].clone()));
    // Without the satellite-rich ones, accuracy decides.
    assert_eq!(best_fix(&fixes[..2], window(0, 10)), Some(fixes[1].clone()));
}

#[test]
fn the_window_bounds_are_inclusive_and_outside_fixes_ignored() {
    let fixes = vec![fix_at(0, 3.0), fix_at(10, 9.0), fix_at(20, 7.0), fix_at(31, 1.0)];
    assert_eq!(best_fix(&fixes, window(10, 20)).map(|f| f.accuracy_m), Some(7.0));
    assert_eq!(best_fix(&fixes, window(0, 30)).map(|f| f.accuracy_m), Some(3.0));
    assert_eq!(best_fix(&fixes, window(40, 50)), None);
    assert_eq!(best_fix(&[], window(0, 50)), None);
}

#[test]
fn a_mocked_fix_loses_to_any_real_one_but_is_returned_if_alone() {
    let mocked = Fix { mocked: true, ..fix_at(1, 1.0) };
    let fixes = vec![mocked.clone(), fix_at(2, 60.0)];
    assert_eq!(best_fix(&fixes, window(0, 10)).map(|f| f.mocked), Some(false));
    let only_mocked = vec![Fix { mocked: true, ..fix_at(3, 9.0) }, mocked.clone()];
    assert_eq!(best_fix(&only_mocked, window(0, 10)), Some(mocked));
}

#[test]
fn invalid_fixes_never_win() {
    let fixes = vec![fix_at(1, f64::NAN), Fix { lat: 120.0, ..fix_at(2, 0.5) }, fix_at(3, 20.0)];
    assert_eq!(best_fix(&fixes, window(0, 10)).map(|f| f.accuracy_m), Some(20.0));
}

#[test]
fn a_fix_travels_as_json() -> Result<(), serde_json::Error> {
    let f = fix_at(7, 6.5);
    let json = serde_json::to_string(&f)?;
    assert!(json.contains("\"provider\":\"gps\"") && json.contains("\"mocked\":false"), "{json}");
    assert_eq!(serde_json::from_str::<Fix>(&json)?, f);
    Ok(())
}

fn arb_fix() -> impl Strategy<Value = Fix> {
    (0i64..60, 0.0f64..200.0, proptest::option::of(0u32..30), any::<bool>()).prop_map(|(s, acc, sats, mocked)| Fix {
        satellites: sats,
        mocked,
        ..fix_at(s, acc)
    })
}

proptest! {
    #[test]
    fn best_fix_is_never_mocked_when_a_real_one_exists(fixes in proptest::collection::vec(arb_fix(), 0..20)) {
        let best = best_fix(&fixes, window(0, 60));
        let any_real = fixes.iter().any(|f| !f.mocked);
        prop_assert_eq!(best.is_some(), !fixes.is_empty());
        if any_real {
            let best = best.unwrap_or_else(|| fix_at(0, 0.0));
            prop_assert!(!best.mocked);
            let least = fixes.iter().filter(|f| !f.mocked).map(|f| f.accuracy_m).fold(f64::INFINITY, f64::min);
            prop_assert_eq!(best.accuracy_m, least);
        }
    }
}

#[test]
fn a_photo_takes_the_best_fix_of_the_fifteen_seconds_before_its_shutter() {
    // Shutter at second 40: the 2 m fix of second 20 is another place (20 s before); the 9 m fix of second 25 and
    // the 6 m one of second 41 (reported a moment late) count, the 1 m one of second 45 is after.
    let fixes = vec![fix_at(20, 2.0), fix_at(25, 9.0), fix_at(41, 6.0), fix_at(45, 1.0)];
    let shutter = fix_at(40, 0.0).time;
    assert_eq!(shutter_fix(&fixes, shutter).map(|f| f.accuracy_m), Some(6.0));
    assert_eq!(shutter_fix(&fixes[..1], shutter), None, "nothing taken then: the app opens a window");
}
