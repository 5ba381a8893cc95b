//! Tests of the geodesy helpers with known distances and, for invariants, proptest.

use ::geo::{Destination, Haversine, Intersects};
use proptest::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::places::boundaries::commune_at;
use crate::places::communes::communes;

const LANG_SON: (f64, f64) = (21.8537, 106.7615);
const HANOI: (f64, f64) = (21.0285, 105.8542);

#[test]
fn our_radius_is_the_one_geo_uses() {
    assert_eq!(Haversine.radius(), EARTH_RADIUS_M);
}

#[test]
fn lang_son_city_to_hanoi_is_about_130_km() {
    let d = distance_m(LANG_SON.0, LANG_SON.1, HANOI.0, HANOI.1);
    assert!((117_000.0..=143_000.0).contains(&d), "{d} m");
    assert_eq!(d, distance_m(HANOI.0, HANOI.1, LANG_SON.0, LANG_SON.1));
    assert_eq!(distance_m(LANG_SON.0, LANG_SON.1, LANG_SON.0, LANG_SON.1), 0.0);
}

#[test]
fn one_degree_of_latitude_is_about_111_km() {
    let d = distance_m(21.0, 106.0, 22.0, 106.0);
    assert!((d - 111_195.0).abs() < 1.0, "{d} m");
}

#[test]
fn conversion_keeps_lat_lon_order() {
    let p = point(21.5, 107.1);
    assert_eq!((p.x(), p.y()), (107.1, 21.5));
    assert_eq!(lat_lon(p.0), (21.5, 107.1));
}

#[test]
fn centroid_is_inside_its_own_unit() {
    for c in communes() {
        let (lat, lon) = centroid(&c.code).expect("centroid");
        assert_eq!(commune_at(lat, lon).map(|f| &f.code), Some(&c.code), "{}", c.name);
    }
    assert_eq!(centroid("12345"), None);
}

#[test]
fn degrees_box_near_a_pole_spans_all_longitudes() {
    let (min_lat, max_lat, min_lon, max_lon) = degrees_box(89.9, 10.0, 50_000.0);
    assert_eq!((max_lat, min_lon, max_lon), (90.0, -180.0, 180.0));
    assert!(min_lat < 89.9);
}

#[test]
fn degrees_box_of_zero_radius_is_the_point() {
    assert_eq!(degrees_box(21.5, 107.1, 0.0), (21.5, 21.5, 107.1, 107.1));
    assert_eq!(degrees_box(21.5, 107.1, -5.0), (21.5, 21.5, 107.1, 107.1));
}

#[test]
fn random_points_are_the_same_for_the_same_seed() {
    let draw = |seed| {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..5).map(|_| random_point_in("06613", &mut rng)).collect::<Vec<_>>()
    };
    assert_eq!(draw(7), draw(7));
    assert_ne!(draw(7), draw(8));
    assert_eq!(random_point_in("nope", &mut ChaCha8Rng::seed_from_u64(1)), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_points_land_inside_their_commune(seed in any::<u64>(), index in 0usize..65) {
        let code = &communes()[index].code;
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (lat, lon) = random_point_in(code, &mut rng).expect("a point");
        let found = commune_at(lat, lon).map(|c| &c.code);
        prop_assert_eq!(found, Some(code), "({}, {})", lat, lon);
        prop_assert!(bounds(code).is_some_and(|b| b.intersects(&point(lat, lon))));
    }

    #[test]
    fn degrees_box_holds_points_at_radius_in_all_four_directions(
        lat in -80.0f64..80.0,
        lon in -170.0f64..170.0,
        radius_m in 1.0f64..200_000.0,
    ) {
        let (min_lat, max_lat, min_lon, max_lon) = degrees_box(lat, lon, radius_m);
        let eps = 1e-9;
        for bearing in [0.0, 90.0, 180.0, 270.0] {
            let p = Haversine.destination(point(lat, lon), bearing, radius_m);
            prop_assert!(p.y() >= min_lat - eps && p.y() <= max_lat + eps, "bearing {bearing}: {p:?}");
            prop_assert!(p.x() >= min_lon - eps && p.x() <= max_lon + eps, "bearing {bearing}: {p:?}");
        }
        // Tight: the box is no wider than a flat approximation plus a little.
        let flat_lat = (radius_m / EARTH_RADIUS_M).to_degrees();
        prop_assert!((max_lat - lat - flat_lat).abs() < 1e-9);
        prop_assert!(max_lon - lon <= flat_lat / lat.to_radians().cos() * 1.01);
    }
}
