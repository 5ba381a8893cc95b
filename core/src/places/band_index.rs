//! A fast point-in-shape test: a unit's edges sorted into horizontal bands, so a lookup reads only a few dozen edges.
//!
//! A commune's boundary has up to ~5,000 vertices; testing them all for every lookup costs hundreds of microseconds
//! in a debug build and tens in release. Cutting the shape's height into bands and listing in each band the edges
//! that reach into it lets the crossing test read one band only, which keeps `commune_at` in single microseconds.

use ::geo::{Coord, LineString, MultiPolygon};

/// How many edges a band should hold on average; smaller bands mean faster lookups and more memory for edges that
/// cross several bands.
const EDGES_PER_BAND: usize = 16;

/// One unit's edges, bucketed by latitude band.
pub(super) struct BandIndex {
    /// Every ring's vertices, one ring after another; edge `i` runs from `points[i]` to `points[i + 1]`.
    points: Vec<Coord<f64>>,
    /// For each band, the start indices of the edges that reach into it.
    bands: Vec<Vec<u32>>,
    min_y: f64,
    band_height: f64,
}

impl BandIndex {
    /// Indexes every ring (outer and holes) of every polygon of the shape.
    pub(super) fn new(shape: &MultiPolygon<f64>) -> Self {
        let rings: Vec<&LineString<f64>> =
            shape.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).collect();
        let mut points = Vec::with_capacity(rings.iter().map(|r| r.0.len()).sum());
        let mut edges = Vec::new();
        for ring in rings {
            let start = points.len();
            points.extend_from_slice(&ring.0);
            // Rings are closed (last point = first), so consecutive pairs within the ring are all its edges.
            edges.extend((start..points.len().saturating_sub(1)).map(|i| i as u32));
        }
        let (min_y, max_y) =
            points.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), c| (lo.min(c.y), hi.max(c.y)));
        let band_count = (edges.len() / EDGES_PER_BAND).max(1);
        let height = max_y - min_y;
        let band_height = if height > 0.0 { height / band_count as f64 } else { 1.0 };
        let mut index = BandIndex { points, bands: vec![Vec::new(); band_count], min_y, band_height };
        for e in edges {
            let (a, b) = index.edge(e);
            let (lo, hi) = (index.band_of(a.y.min(b.y)), index.band_of(a.y.max(b.y)));
            for band in &mut index.bands[lo..=hi] {
                band.push(e);
            }
        }
        index
    }

    /// Whether the point lies inside the shape (even-odd rule, so holes are outside).
    ///
    /// An edge counts when the point's latitude is in `[min y, max y)` of the edge, the half-open rule that gives a
    /// point on the border between two units to one of them rather than both or neither.
    pub(super) fn contains(&self, p: Coord<f64>) -> bool {
        if !(p.y >= self.min_y && p.y <= self.min_y + self.band_height * self.bands.len() as f64) {
            return false;
        }
        let mut inside = false;
        for &e in &self.bands[self.band_of(p.y)] {
            let (a, b) = self.edge(e);
            if (a.y > p.y) != (b.y > p.y) {
                let x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if p.x < x {
                    inside = !inside;
                }
            }
        }
        inside
    }

    fn edge(&self, start: u32) -> (Coord<f64>, Coord<f64>) {
        let i = start as usize;
        (self.points[i], self.points[i + 1])
    }

    /// The band holding latitude `y`, clamped so the top edge falls in the last band.
    fn band_of(&self, y: f64) -> usize {
        let band = ((y - self.min_y) / self.band_height).floor();
        (band.max(0.0) as usize).min(self.bands.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use ::geo::{Contains, MultiPolygon, Point, Polygon, coord, polygon};
    use proptest::prelude::*;

    use super::*;

    /// A 4×4 square with a 2×2 hole, and a separate 1×1 island to its right.
    fn square_with_hole_and_island() -> MultiPolygon<f64> {
        let outer = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 4.0, y: 4.0), (x: 0.0, y: 4.0), (x: 0.0, y: 0.0)],
            interiors: [[(x: 1.0, y: 1.0), (x: 3.0, y: 1.0), (x: 3.0, y: 3.0), (x: 1.0, y: 3.0), (x: 1.0, y: 1.0)]],
        );
        let island: Polygon<f64> =
            polygon![(x: 5.0, y: 0.0), (x: 6.0, y: 0.0), (x: 6.0, y: 1.0), (x: 5.0, y: 1.0), (x: 5.0, y: 0.0)];
        MultiPolygon::new(vec![outer, island])
    }

    #[test]
    fn holes_are_outside_and_islands_inside() {
        let index = BandIndex::new(&square_with_hole_and_island());
        assert!(index.contains(coord! { x: 0.5, y: 0.5 }));
        assert!(!index.contains(coord! { x: 2.0, y: 2.0 }), "in the hole");
        assert!(index.contains(coord! { x: 5.5, y: 0.5 }), "on the island");
        assert!(!index.contains(coord! { x: 4.5, y: 0.5 }), "between them");
        assert!(!index.contains(coord! { x: 2.0, y: 9.0 }));
        assert!(!index.contains(coord! { x: f64::NAN, y: 2.0 }));
        assert!(!index.contains(coord! { x: 2.0, y: f64::NAN }));
    }

    #[test]
    fn an_empty_shape_contains_nothing() {
        let index = BandIndex::new(&MultiPolygon::new(vec![]));
        assert!(!index.contains(coord! { x: 0.0, y: 0.0 }));
    }

    proptest! {
        #[test]
        fn agrees_with_geo_away_from_the_border(x in -1.0f64..7.0, y in -1.0f64..5.0) {
            let shape = square_with_hole_and_island();
            // Stay off the edges, where either answer is allowed.
            let near_edge = |v: f64| (v - v.round()).abs() < 1e-9;
            prop_assume!(!near_edge(x) && !near_edge(y));
            let index = BandIndex::new(&shape);
            prop_assert_eq!(index.contains(coord! { x: x, y: y }), shape.contains(&Point::new(x, y)));
        }
    }
}
