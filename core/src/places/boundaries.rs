//! Commune boundaries: the shipped GeoJSON parsed once into one MultiPolygon per unit, and point-in-commune.
//!
//! The file (`core/data/lang_son_communes_2025.geojson`, see its NOTICE.md) is compiled into the library (zstd-packed
//! by `core/build.rs`), so the
//! boundaries work offline from the first launch. It is parsed lazily on first use and kept for the life of the
//! process; that first use costs about 0.1 s in a release build (measured on the 2-core build machine), so an app
//! may touch [`province_bounds`] once on a background thread at start-up. Geometry is in WGS84 with `x = longitude`, `y = latitude`, as GeoJSON writes it; the functions that
//! take or return a plain latitude and longitude convert through [`super::geo`] only.

use std::collections::HashMap;
use std::sync::OnceLock;

use ::geo::{BoundingRect, Intersects, MultiPolygon, Rect};
use serde::Deserialize;

use super::band_index::BandIndex;
use super::communes::{Commune, commune};
use super::geo::point;

/// The GeoJSON as the build compressed it (`core/build.rs`): 0.6 MB in the library instead of 4.2 MB of text.
const GEOJSON_ZST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/communes.geojson.zst"));

/// The GeoJSON text, unpacked (a few milliseconds, once per process: only the table below asks for it).
fn geojson() -> String {
    let bytes = zstd::decode_all(GEOJSON_ZST).expect("the build packed the boundaries");
    String::from_utf8(bytes).expect("the boundaries are UTF-8 text")
}

/// One unit's boundary with its bounding box, which lets most units be ruled out by four comparisons, and the
/// band index that answers point-in-shape for the rest.
struct Entry {
    commune: &'static Commune,
    shape: MultiPolygon<f64>,
    bbox: Rect<f64>,
    index: BandIndex,
}

/// All parsed boundaries, in the order of the file, with an index by code.
struct Table {
    entries: Vec<Entry>,
    by_code: HashMap<&'static str, usize>,
}

/// The boundary of the unit with this code (list "2025"), `x = longitude`, `y = latitude`.
pub fn boundary(code: &str) -> Option<&'static MultiPolygon<f64>> {
    entry(code).map(|e| &e.shape)
}

/// The bounding box of the unit with this code, `x = longitude`, `y = latitude`.
pub fn bounds(code: &str) -> Option<Rect<f64>> {
    entry(code).map(|e| e.bbox)
}

/// The bounding box of the whole province (the union of all units' boxes), `x = longitude`, `y = latitude`.
///
/// `None` only if the shipped file yielded no boundary at all, which the tests rule out.
pub fn province_bounds() -> Option<Rect<f64>> {
    static PROVINCE: OnceLock<Option<Rect<f64>>> = OnceLock::new();
    *PROVINCE.get_or_init(|| {
        table().entries.iter().map(|e| e.bbox).reduce(|a, b| {
            Rect::new(
                (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
                (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
            )
        })
    })
}

/// The unit that contains the point, or `None` outside the province (or for a non-finite coordinate).
///
/// A point exactly on the border between two units may be answered with either of them, and one exactly on the
/// province's outer border with that unit or `None`.
pub fn commune_at(lat: f64, lon: f64) -> Option<&'static Commune> {
    if !lat.is_finite() || !lon.is_finite() {
        return None;
    }
    let p = point(lat, lon);
    table().entries.iter().find(|e| e.bbox.intersects(&p) && e.index.contains(p.0)).map(|e| e.commune)
}

/// Whether the point lies inside the unit with this code, by the same rule as [`commune_at`]; `None` for an
/// unknown code.
pub(super) fn is_inside(code: &str, lat: f64, lon: f64) -> Option<bool> {
    let p = point(lat, lon);
    entry(code).map(|e| e.bbox.intersects(&p) && e.index.contains(p.0))
}

fn entry(code: &str) -> Option<&'static Entry> {
    let t = table();
    t.by_code.get(code).map(|&i| &t.entries[i])
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let entries = parse(&geojson());
        let by_code = entries.iter().enumerate().map(|(i, e)| (e.commune.code.as_str(), i)).collect();
        Table { entries, by_code }
    })
}

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    code: String,
}

/// GeoJSON positions are `[lon, lat]`; extra elements (altitude) are allowed by the format and ignored here.
type Position = Vec<f64>;
type Ring = Vec<Position>;

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon { coordinates: Vec<Ring> },
    MultiPolygon { coordinates: Vec<Vec<Ring>> },
}

/// Parses the shipped file. A feature that cannot be read, whose code is not in the commune list, or whose shape is
/// empty is left out rather than failing the whole province; the tests check that all 65 units come through.
fn parse(text: &str) -> Vec<Entry> {
    let Ok(collection) = serde_json::from_str::<FeatureCollection>(text) else {
        return Vec::new();
    };
    collection
        .features
        .into_iter()
        .filter_map(|f| {
            let commune = commune(&f.properties.code)?;
            let shape = to_multipolygon(f.geometry)?;
            let bbox = shape.bounding_rect()?;
            let index = BandIndex::new(&shape);
            Some(Entry { commune, shape, bbox, index })
        })
        .collect()
}

fn to_multipolygon(geometry: Geometry) -> Option<MultiPolygon<f64>> {
    let polygons = match geometry {
        Geometry::Polygon { coordinates } => vec![coordinates],
        Geometry::MultiPolygon { coordinates } => coordinates,
    };
    let polygons: Option<Vec<_>> = polygons.into_iter().map(to_polygon).collect();
    let shape = MultiPolygon::new(polygons?);
    (!shape.0.is_empty()).then_some(shape)
}

fn to_polygon(rings: Vec<Ring>) -> Option<::geo::Polygon<f64>> {
    let mut rings = rings.into_iter().map(to_line_string);
    let exterior = rings.next()??;
    let interiors: Option<Vec<_>> = rings.collect();
    Some(::geo::Polygon::new(exterior, interiors?))
}

fn to_line_string(ring: Ring) -> Option<::geo::LineString<f64>> {
    // GeoJSON order is (lon, lat), which is already geo's (x, y): no swap here.
    let coords: Option<Vec<_>> = ring
        .into_iter()
        .map(|p| match p.as_slice() {
            [lon, lat, ..] if lon.is_finite() && lat.is_finite() => Some(::geo::coord! { x: *lon, y: *lat }),
            _ => None,
        })
        .collect();
    let coords = coords?;
    // A ring needs at least a triangle plus its closing point.
    (coords.len() >= 4).then(|| ::geo::LineString::new(coords))
}

#[cfg(test)]
#[path = "boundaries_tests.rs"]
mod tests;
