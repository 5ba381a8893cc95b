//! Whether a closed ring crosses itself: the test that turns a figure-eight walk into a clear error instead of a
//! meaningless area.
//!
//! Runs on longitude/latitude directly. Whether two segments meet is unchanged by any affine map, and over a plot's
//! few hundred metres the local flat projection is affine in (lon, lat), so degrees give the same answer as metres
//! without converting. Every pair of segments is tried (n²/2 tests): a walk keeps at most a few thousand points, a
//! few million cheap tests at worst, each pair first ruled out by its bounding boxes.

use ::geo::{Coord, Line, LineIntersection, line_intersection::line_intersection};

/// The first pair of segments `(a, b)`, `a < b`, where the closed ring crosses or touches itself; `None` for a
/// simple ring. Segment `k` runs from `points[k]` to `points[k + 1]`, the last one back to `points[0]`; `points`
/// holds each corner once (not closed).
///
/// Neighbouring segments share a corner, which is allowed; they count as crossing only when they overlap along a
/// stretch (the walker went out and came back along the same line, a spike with no area).
pub(crate) fn first_crossing(points: &[Coord<f64>]) -> Option<(usize, usize)> {
    let n = points.len();
    if n < 3 {
        return None;
    }
    let segment = |k: usize| Line::new(points[k], points[(k + 1) % n]);
    for a in 0..n {
        let la = segment(a);
        for b in (a + 1)..n {
            let lb = segment(b);
            if !boxes_meet(&la, &lb) {
                continue;
            }
            let neighbours = b == a + 1 || (a == 0 && b == n - 1);
            let crosses = match line_intersection(la, lb) {
                None => false,
                // Neighbours always meet at their shared corner; only an overlap along a stretch is a crossing.
                Some(LineIntersection::Collinear { intersection }) if neighbours => {
                    intersection.start != intersection.end
                }
                Some(_) => !neighbours,
            };
            if crosses {
                return Some((a, b));
            }
        }
    }
    None
}

/// Whether the bounding boxes of two segments overlap (touching counts): a quick way to skip most pairs.
fn boxes_meet(a: &Line<f64>, b: &Line<f64>) -> bool {
    let (a_min_x, a_max_x) = min_max(a.start.x, a.end.x);
    let (a_min_y, a_max_y) = min_max(a.start.y, a.end.y);
    let (b_min_x, b_max_x) = min_max(b.start.x, b.end.x);
    let (b_min_y, b_max_y) = min_max(b.start.y, b.end.y);
    a_min_x <= b_max_x && b_min_x <= a_max_x && a_min_y <= b_max_y && b_min_y <= a_max_y
}

fn min_max(p: f64, q: f64) -> (f64, f64) {
    if p <= q { (p, q) } else { (q, p) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::geo::coord;

    fn ring(points: &[(f64, f64)]) -> Vec<Coord<f64>> {
        points.iter().map(|&(x, y)| coord! { x: x, y: y }).collect()
    }

    #[test]
    fn a_square_and_a_concave_ring_are_simple() {
        assert_eq!(first_crossing(&ring(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)])), None);
        let l_shape = [(0.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 2.0), (0.0, 2.0)];
        assert_eq!(first_crossing(&ring(&l_shape)), None);
    }

    #[test]
    fn a_figure_eight_crosses() {
        // (0,0) → (1,1) crosses (1,0) → (0,1).
        assert_eq!(first_crossing(&ring(&[(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)])), Some((0, 2)));
    }

    #[test]
    fn a_ring_touching_itself_at_a_corner_is_refused() {
        // The walk passes the same corner (1, 1) twice: two loops joined at a point.
        let bow = [(0.0, 0.0), (1.0, 1.0), (2.0, 0.0), (2.0, 2.0), (1.0, 1.0), (0.0, 2.0)];
        assert!(first_crossing(&ring(&bow)).is_some());
    }

    #[test]
    fn a_spike_back_along_the_same_line_is_refused() {
        let spike = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (2.0, 3.0), (2.0, 2.5), (0.0, 2.0)];
        assert_eq!(first_crossing(&ring(&spike)), Some((2, 3)));
        // Three points on one line enclose nothing.
        assert!(first_crossing(&ring(&[(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)])).is_some());
    }
}
