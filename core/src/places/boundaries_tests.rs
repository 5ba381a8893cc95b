//! Tests of the boundaries against places whose commune is known.

use std::time::Instant;

use ::geo::{Area, InteriorPoint};

use super::*;
use crate::places::communes::{CommuneKind, communes};

#[test]
fn all_65_units_have_a_non_empty_boundary() {
    assert_eq!(table().entries.len(), 65);
    for c in communes() {
        let shape = boundary(&c.code).unwrap_or_else(|| panic!("no boundary for {} {}", c.code, c.name));
        assert!(!shape.0.is_empty(), "{}", c.name);
        assert!(shape.unsigned_area() > 0.0, "{}", c.name);
        assert!(shape.0.iter().all(|p| p.exterior().0.len() >= 4), "{}", c.name);
    }
    assert!(boundary("99999").is_none());
    assert!(bounds("").is_none());
}

#[test]
fn each_units_interior_point_is_found_in_that_unit() {
    for c in communes() {
        let p = boundary(&c.code).and_then(|s| s.interior_point()).expect("interior point");
        let found = commune_at(p.y(), p.x()).map(|f| f.code.as_str());
        assert_eq!(found, Some(c.code.as_str()), "{}", c.name);
    }
}

#[test]
fn boxes_sit_inside_the_province_box_around_lang_son() {
    let province = province_bounds().expect("province box");
    // Lạng Sơn lies roughly between 21.3° and 22.5° N and 106.0° and 107.4° E.
    assert!(province.min().y > 21.2 && province.max().y < 22.6, "{province:?}");
    assert!(province.min().x > 105.9 && province.max().x < 107.5, "{province:?}");
    for c in communes() {
        let b = bounds(&c.code).expect("box");
        assert!(b.min().x >= province.min().x && b.max().x <= province.max().x, "{}", c.name);
        assert!(b.min().y >= province.min().y && b.max().y <= province.max().y, "{}", c.name);
    }
}

#[test]
fn every_unit_fills_over_30_percent_of_its_box() {
    // random_point_in relies on this for its bound on draws.
    for c in communes() {
        let fill = boundary(&c.code).map(|s| s.unsigned_area()).unwrap_or(0.0)
            / bounds(&c.code).map(|b| b.to_polygon().unsigned_area()).unwrap_or(f64::INFINITY);
        assert!(fill > 0.30, "{} fills {fill:.2}", c.name);
    }
}

#[test]
fn hanoi_and_the_sea_are_in_no_commune() {
    assert_eq!(commune_at(21.0285, 105.8542), None, "Hà Nội");
    assert_eq!(commune_at(21.0, 107.8), None, "Gulf of Tonkin");
    assert_eq!(commune_at(0.0, 0.0), None);
    assert_eq!(commune_at(f64::NAN, 106.76), None);
    assert_eq!(commune_at(21.85, f64::INFINITY), None);
}

#[test]
fn lang_son_city_centre_is_in_a_ward() {
    let c = commune_at(21.8537, 106.7615).expect("city centre is in the province");
    assert_eq!(c.kind, CommuneKind::Ward);
    assert_eq!(c.name, "Phường Đông Kinh");
}

#[test]
fn dinh_lap_town_is_in_dinh_lap_commune() {
    let c = commune_at(21.545, 107.095).expect("Đình Lập town is in the province");
    assert!(c.name.contains("Đình Lập"), "{}", c.name);
    assert_eq!(c.code, "06613");
}

#[test]
fn is_inside_agrees_with_commune_at() {
    let (lat, lon) = (21.545, 107.095);
    assert_eq!(is_inside("06613", lat, lon), Some(true));
    assert_eq!(is_inside("05977", lat, lon), Some(false));
    assert_eq!(is_inside("nope", lat, lon), None);
}

#[test]
fn parse_skips_broken_features_and_keeps_good_ones() {
    let text = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"code":"06613"},"geometry":{"type":"Polygon",
            "coordinates":[[[107.0,21.5],[107.1,21.5],[107.1,21.6,12.0],[107.0,21.5]]]}},
        {"type":"Feature","properties":{"code":"00000"},"geometry":{"type":"Polygon",
            "coordinates":[[[107.0,21.5],[107.1,21.5],[107.1,21.6],[107.0,21.5]]]}},
        {"type":"Feature","properties":{"code":"05977"},"geometry":{"type":"Polygon",
            "coordinates":[[[107.0,21.5],[107.1,21.5],[107.0,21.5]]]}}
    ]}"#;
    let entries = parse(text);
    assert_eq!(entries.len(), 1, "unknown code and two-point ring are left out");
    assert_eq!(entries[0].commune.code, "06613");
    assert!(parse("not json").is_empty());
}

/// Prints how long parsing and lookups take; run with `--nocapture` to see it. No timed assertions.
#[test]
fn report_timings() {
    let start = Instant::now();
    let parsed = parse(&geojson());
    let parse_time = start.elapsed();
    assert_eq!(parsed.len(), 65);
    table();

    // A grid over the province box: points inside, outside and near borders.
    let province = province_bounds().expect("province box");
    let n = 100;
    let points: Vec<(f64, f64)> = (0..n * n)
        .map(|i| {
            let (r, c) = ((i / n) as f64 / n as f64, (i % n) as f64 / n as f64);
            let lat = province.min().y + r * (province.max().y - province.min().y);
            let lon = province.min().x + c * (province.max().x - province.min().x);
            (lat, lon)
        })
        .collect();
    let start = Instant::now();
    let hits = points.iter().filter(|&&(lat, lon)| commune_at(lat, lon).is_some()).count();
    let per_lookup = start.elapsed() / points.len() as u32;
    assert!(hits > points.len() / 3, "the province fills a good part of its box: {hits}");
    println!("boundaries: parse {parse_time:?}; commune_at {per_lookup:?} per lookup ({hits}/{} hits)", points.len());
}
