//! Geodesy helpers on a spherical Earth: distances, search boxes, a point inside a commune, random points for demos.
//!
//! Every function here takes and returns `(lat, lon)`, the order people and the apps use. GeoJSON and the `geo`
//! crate use `(x = lon, y = lat)`; [`point`] and [`lat_lon`] are the only places that convert between the two.
//! A sphere of the mean Earth radius is accurate to about 0.5% — plenty for "how far is this borrower from the
//! transaction point" and for choosing rows to check exactly.

use ::geo::{Coord, Distance, Haversine, InteriorPoint, Point};
use rand::Rng;

use super::boundaries::{boundary, bounds, is_inside};

/// Mean Earth radius in metres (IUGG, R₁ of GRS80), the one `geo::Haversine` uses too.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// How many candidates [`random_point_in`] draws before giving up. Every unit fills more than 30% of its box (a
/// test checks it), so the chance of 1,000 misses is below 10⁻¹⁵⁰; the bound exists so nothing can loop forever.
const MAX_DRAWS: usize = 1_000;

/// A geo point from a latitude and longitude: the one place where `(lat, lon)` becomes `(x = lon, y = lat)`.
pub(crate) fn point(lat: f64, lon: f64) -> Point<f64> {
    Point::new(lon, lat)
}

/// A geo coordinate back to `(lat, lon)`: the one place where `(x, y)` becomes `(lat, lon)`.
pub(crate) fn lat_lon(c: Coord<f64>) -> (f64, f64) {
    (c.y, c.x)
}

/// Great-circle distance in metres between two points given in degrees (haversine, mean Earth radius).
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Haversine.distance(point(lat1, lon1), point(lat2, lon2))
}

/// The smallest latitude/longitude box that holds every point within `radius_m` metres of `(lat, lon)`:
/// `(min_lat, max_lat, min_lon, max_lon)`, for a first cut in an R*Tree or an SQL range before exact distances.
///
/// Longitude spreads by `asin(sin δ / cos φ)` (the widest point of a spherical circle), not by `δ / cos φ`, so the
/// box is tight and still holds the whole circle. A circle that reaches a pole spans every longitude. Longitudes are
/// not wrapped at ±180°: Vietnam is nowhere near the antimeridian.
pub fn degrees_box(lat: f64, lon: f64, radius_m: f64) -> (f64, f64, f64, f64) {
    let radius_m = radius_m.max(0.0);
    let delta = radius_m / EARTH_RADIUS_M; // angular radius, radians
    let phi = lat.to_radians();
    let min_lat = (phi - delta).to_degrees().max(-90.0);
    let max_lat = (phi + delta).to_degrees().min(90.0);
    let reaches_pole = min_lat <= -90.0 || max_lat >= 90.0;
    let ratio = delta.sin() / phi.cos();
    if reaches_pole || ratio.is_nan() || ratio >= 1.0 {
        return (min_lat, max_lat, -180.0, 180.0);
    }
    let d_lon = ratio.asin().to_degrees();
    (min_lat, max_lat, lon - d_lon, lon + d_lon)
}

/// A point guaranteed to lie inside the unit with this code, as `(lat, lon)`: where to put its label or pin.
///
/// This is the interior point of the boundary, not the centre of mass, which can fall outside a crescent-shaped
/// commune.
pub fn centroid(code: &str) -> Option<(f64, f64)> {
    boundary(code)?.interior_point().map(|p| lat_lon(p.0))
}

/// A random point inside the unit with this code, as `(lat, lon)`; `None` for an unknown code.
///
/// Draws uniformly in longitude and latitude within the unit's bounding box until a draw falls inside (rejection
/// sampling), so the same seed gives the same points. At Lạng Sơn's size, uniform in degrees is uniform in area to
/// within a fraction of a percent. Used by the demo generator to place households.
pub fn random_point_in(code: &str, rng: &mut impl Rng) -> Option<(f64, f64)> {
    let bbox = bounds(code)?;
    (0..MAX_DRAWS).find_map(|_| {
        let lon = rng.random_range(bbox.min().x..=bbox.max().x);
        let lat = rng.random_range(bbox.min().y..=bbox.max().y);
        // The same inside test as `commune_at`, so every point drawn here is found in this unit again.
        is_inside(code, lat, lon)?.then_some((lat, lon))
    })
}

#[cfg(test)]
#[path = "geo_tests.rs"]
mod tests;
