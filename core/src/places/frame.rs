//! The part of the map a screen opens on: every point given with a margin around it, or the whole province when
//! there is none yet (no fix, no site near), so an app never holds coordinates of its own.

use super::boundaries::province_bounds;
use super::geo::distance_m;

/// Where a map opens: its centre and how far it reaches from there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapFrame {
    /// Latitude of the centre, WGS84 degrees.
    pub lat: f64,
    /// Longitude of the centre.
    pub lon: f64,
    /// Metres from the centre to the frame's edge, north–south and east–west alike.
    pub half_span_m: f64,
}

/// The frame never comes closer than this: a single site shows its surroundings (a hamlet, its road).
pub const MIN_HALF_SPAN_M: f64 = 500.0;
/// Room left around the outermost point, as a share of the reach.
const MARGIN: f64 = 0.15;

/// The frame that shows every one of `points` (`(lat, lon)`; non-finite ones are ignored) with a margin, or the
/// whole province when there is no point.
pub fn map_frame(points: &[(f64, f64)]) -> MapFrame {
    let points: Vec<(f64, f64)> = points.iter().copied().filter(|(a, o)| a.is_finite() && o.is_finite()).collect();
    let boxed = match points.split_first() {
        Some((&first, rest)) => Some(
            rest.iter().fold((first, first), |((s, w), (n, e)), &(a, o)| ((s.min(a), w.min(o)), (n.max(a), e.max(o)))),
        ),
        None => province_bounds().map(|r| ((r.min().y, r.min().x), (r.max().y, r.max().x))),
    };
    let Some(((south, west), (north, east))) = boxed else {
        // Unreachable with the shipped boundaries (a test holds them); the province's seat then.
        return MapFrame { lat: 21.85, lon: 106.76, half_span_m: 60_000.0 };
    };
    let (lat, lon) = ((south + north) / 2.0, (west + east) / 2.0);
    let reach = distance_m(lat, lon, north, lon).max(distance_m(lat, lon, lat, east));
    MapFrame { lat, lon, half_span_m: (reach * (1.0 + MARGIN)).max(MIN_HALF_SPAN_M) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_point_opens_on_the_whole_province() {
        let f = map_frame(&[]);
        let p = province_bounds().expect("boundaries ship");
        assert!((p.min().y..=p.max().y).contains(&f.lat) && (p.min().x..=p.max().x).contains(&f.lon));
        // Lạng Sơn is about 150 km across.
        assert!((50_000.0..120_000.0).contains(&f.half_span_m), "{}", f.half_span_m);
        assert_eq!(map_frame(&[(f64::NAN, 106.7)]), f, "a point that is no point is ignored");
    }

    #[test]
    fn one_site_shows_its_surroundings_and_many_all_fit() {
        let one = map_frame(&[(21.85, 106.76)]);
        assert_eq!((one.lat, one.lon, one.half_span_m), (21.85, 106.76, MIN_HALF_SPAN_M));
        let sites = [(21.80, 106.70), (21.90, 106.80), (21.84, 106.75)];
        let f = map_frame(&sites);
        for (lat, lon) in sites {
            assert!(distance_m(f.lat, f.lon, lat, f.lon) < f.half_span_m);
            assert!(distance_m(f.lat, f.lon, f.lat, lon) < f.half_span_m);
        }
        // 0.1° of latitude is 11.1 km: half of it, and the margin.
        assert!((6_000.0..7_000.0).contains(&f.half_span_m), "{}", f.half_span_m);
    }
}
