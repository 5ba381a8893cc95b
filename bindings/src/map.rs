//! Where a map opens, through the FFI: the core frames the points a screen shows (or the whole province when it
//! has none yet), so no app holds coordinates of its own.

use vieclam_core::places;

use crate::walk::GeoPoint;

/// The part of the map to show: its centre and how far it reaches from there.
#[derive(Clone, Copy, Debug, PartialEq, uniffi::Record)]
pub struct MapFrame {
    /// Latitude of the centre.
    pub lat: f64,
    /// Longitude of the centre.
    pub lon: f64,
    /// Metres from the centre to the edge, north–south and east–west alike (at least 500 m).
    pub half_span_m: f64,
}

/// The frame that shows every one of `points` with a margin, or the whole province when `points` is empty.
#[uniffi::export]
pub fn map_frame(points: Vec<GeoPoint>) -> MapFrame {
    let points: Vec<(f64, f64)> = points.iter().map(|p| (p.lat, p.lon)).collect();
    let f = places::map_frame(&points);
    MapFrame { lat: f.lat, lon: f.lon, half_span_m: f.half_span_m }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_point_is_the_province_and_a_site_is_its_surroundings() {
        let province = map_frame(vec![]);
        assert!(places::commune_at(province.lat, province.lon).is_some(), "the province's middle is in it");
        assert!(province.half_span_m > 50_000.0);
        let site = map_frame(vec![GeoPoint { lat: 21.85, lon: 106.76 }]);
        assert_eq!(site, MapFrame { lat: 21.85, lon: 106.76, half_span_m: 500.0 });
    }
}
