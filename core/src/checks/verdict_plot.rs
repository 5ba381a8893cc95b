//! Distance from a fix to a plot polygon: 0 inside, otherwise to the nearest edge.
//!
//! The plot is projected onto a flat plane in metres centred on the fix (equirectangular: east = R·Δλ·cos φ₀,
//! north = R·Δφ), where plane geometry answers both questions. Funded plots are a few hectares, a few hundred metres
//! across: over such a span the projection's scale error is below 10⁻⁴ (centimetres), far under any GPS accuracy.
//! For a plot kilometres away the error grows to a few metres per kilometre, which cannot change "away" into
//! "at the site".

use ::geo::{Distance, Euclidean, LineString, Point, Polygon, coord};

use crate::places::EARTH_RADIUS_M;

/// The fewest corners a plot can have (a triangle).
const MIN_CORNERS: usize = 3;

/// Metres from `(lat, lon)` to the plot given as `[[lon, lat], …]` (GeoJSON order, closed or not): 0 when the point
/// lies inside or on the edge. `None` when the plot cannot be used (fewer than 3 corners, or a non-finite or
/// out-of-range coordinate), so the caller falls back to the site's point.
pub(crate) fn distance_to_plot_m(lat: f64, lon: f64, plot: &[[f64; 2]]) -> Option<f64> {
    if !(lat.is_finite() && lon.is_finite()) {
        return None;
    }
    let usable = plot
        .iter()
        .all(|[x, y]| x.is_finite() && y.is_finite() && (-180.0..=180.0).contains(x) && (-90.0..=90.0).contains(y));
    if !usable || distinct_corners(plot) < MIN_CORNERS {
        return None;
    }
    let plane = Plane::around(lat, lon);
    let ring: LineString<f64> = plot.iter().map(|&[x, y]| plane.project(y, x)).collect();
    // `Polygon::new` closes the ring if the plot was sent open.
    let polygon = Polygon::new(ring, vec![]);
    let d = Euclidean.distance(&Point::new(0.0, 0.0), &polygon);
    d.is_finite().then_some(d.max(0.0))
}

/// How many corners differ from the one before (the closing repeat of the first corner not counted).
fn distinct_corners(plot: &[[f64; 2]]) -> usize {
    let mut n = plot.windows(2).filter(|w| w[0] != w[1]).count() + usize::from(!plot.is_empty());
    if plot.len() > 1 && plot.first() == plot.last() {
        n -= 1;
    }
    n
}

/// A flat plane in metres, x east and y north, with its origin at a chosen point.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plane {
    lat0: f64,
    lon0: f64,
    /// Metres per degree of longitude at the origin's latitude.
    east_m_per_deg: f64,
    /// Metres per degree of latitude.
    north_m_per_deg: f64,
}

impl Plane {
    /// The plane whose origin is `(lat, lon)`.
    pub(crate) fn around(lat: f64, lon: f64) -> Self {
        let north_m_per_deg = EARTH_RADIUS_M.to_radians();
        Plane { lat0: lat, lon0: lon, east_m_per_deg: north_m_per_deg * lat.to_radians().cos(), north_m_per_deg }
    }

    /// `(lat, lon)` in metres east and north of the origin.
    pub(crate) fn project(&self, lat: f64, lon: f64) -> ::geo::Coord<f64> {
        coord! { x: (lon - self.lon0) * self.east_m_per_deg, y: (lat - self.lat0) * self.north_m_per_deg }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::distance_m;

    /// A square plot of about 100 m × 100 m with its south-west corner at Đình Lập (21.545, 107.095).
    fn square() -> Vec<[f64; 2]> {
        let (lat, lon): (f64, f64) = (21.545, 107.095);
        let dlat = 100.0 / EARTH_RADIUS_M.to_radians();
        let dlon = dlat / lat.to_radians().cos();
        vec![[lon, lat], [lon + dlon, lat], [lon + dlon, lat + dlat], [lon, lat + dlat], [lon, lat]]
    }

    #[test]
    fn inside_and_on_the_edge_are_zero() {
        let plot = square();
        assert_eq!(distance_to_plot_m(21.5454, 107.0955, &plot), Some(0.0));
        assert_eq!(distance_to_plot_m(21.545, 107.0955, &plot), Some(0.0));
        // The same plot sent open (without the closing corner).
        assert_eq!(distance_to_plot_m(21.5454, 107.0955, &plot[..4]), Some(0.0));
    }

    #[test]
    fn outside_is_the_distance_to_the_nearest_edge() {
        let plot = square();
        // 50 m south of the south edge's middle: the nearest edge, not the nearest corner.
        let dlat = 50.0 / EARTH_RADIUS_M.to_radians();
        let (lat, lon) = (21.545 - dlat, plot[0][0] + (plot[1][0] - plot[0][0]) / 2.0);
        let d = distance_to_plot_m(lat, lon, &plot).unwrap_or(f64::NAN);
        assert!((d - 50.0).abs() < 0.01, "{d}");
        // 2 km east of the plot: the flat plane still agrees with the haversine to within a metre.
        let far_lon = plot[1][0] + 2_000.0 / (EARTH_RADIUS_M.to_radians() * 21.5454_f64.to_radians().cos());
        let d = distance_to_plot_m(21.5454, far_lon, &plot).unwrap_or(f64::NAN);
        let exact = distance_m(21.5454, far_lon, 21.5454, plot[1][0]);
        assert!((d - exact).abs() < 1.0, "{d} vs {exact}");
    }

    #[test]
    fn unusable_plots_are_refused() {
        let plot = square();
        assert_eq!(distance_to_plot_m(21.5, 107.0, &plot[..2]), None);
        assert_eq!(distance_to_plot_m(21.5, 107.0, &[plot[0], plot[1], plot[1], plot[0]]), None);
        assert_eq!(distance_to_plot_m(21.5, 107.0, &[plot[0], [f64::NAN, 21.5], plot[2]]), None);
        assert_eq!(distance_to_plot_m(21.5, 107.0, &[plot[0], [200.0, 21.5], plot[2]]), None);
        assert_eq!(distance_to_plot_m(f64::NAN, 107.0, &plot), None);
        assert_eq!(distance_to_plot_m(21.5, 107.0, &[]), None);
    }
}
