//! A plot measured by walking its boundary: the fixes taken on the way become a ring, its geodesic area in hectares
//! and perimeter in metres, compared with the area the loan funded.
//!
//! The walk is cleaned before it is measured: fixes that fail [`Fix::check`] or whose accuracy is worse than
//! `walk_max_accuracy_m` are dropped (and counted, so the screen can say so); a fix within `walk_min_step_m` of the
//! last kept one is the walker standing still and is merged into it; the ring is closed back to its first point. A
//! ring that crosses itself has no meaningful area, so it is refused with the two segments that cross.
//! Area and perimeter are on the WGS84 ellipsoid (Karney's method through `geo::GeodesicArea`, which geo 0.33 has
//! without optional features), so they do not depend on where in the province the plot lies.

use ::geo::{Coord, GeodesicArea, LineString, Polygon, coord};
use serde::{Deserialize, Serialize};

use super::fix::Fix;
use super::settings::CheckSettings;
use crate::error::{Error, FieldError};
use crate::messages::checks_geo as msg;
use crate::messages::{Lang, Text};
use crate::places::distance_m;
use crossing::first_crossing;

#[path = "walk_crossing.rs"]
mod crossing;

/// Square metres in a hectare.
const M2_PER_HA: f64 = 10_000.0;
/// Allowance for binary rounding when a ratio is compared with the area tolerance.
const ROUNDING: f64 = 1e-9;
/// The fewest corners any plot has, whatever the settings say.
const MIN_CORNERS: usize = 3;

/// A plot measured on foot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WalkedPlot {
    /// The closed ring as `[[lon, lat], …]` (GeoJSON order), first point repeated at the end, in walking order.
    pub ring: Vec<[f64; 2]>,
    /// Area on the WGS84 ellipsoid, hectares.
    pub area_ha: f64,
    /// Perimeter on the WGS84 ellipsoid, metres.
    pub perimeter_m: f64,
    /// Fixes dropped as too imprecise (or invalid).
    pub dropped_points: usize,
    /// Distinct corners kept (the closing repeat not counted). Fixes neither dropped nor used were duplicates.
    pub used_points: usize,
    /// How many kept corners carried the mock-location flag: an auditor must see it.
    pub mocked_points: usize,
}

/// Why a walk could not make a plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WalkError {
    /// Fewer distinct precise points than a plot needs.
    #[error("only {used} usable points ({dropped} dropped); a plot needs {min}")]
    TooFewPoints {
        /// Distinct points kept.
        used: usize,
        /// Points dropped as imprecise or invalid.
        dropped: usize,
        /// Points needed.
        min: usize,
    },
    /// The ring crosses or touches itself. Segment `k` runs from corner `k` to corner `k + 1` of the cleaned walk
    /// (0-based; the last segment closes the ring).
    #[error("the walked boundary crosses itself (segments {segment_a} and {segment_b})")]
    SelfIntersecting {
        /// The earlier segment.
        segment_a: usize,
        /// The later segment.
        segment_b: usize,
    },
}

impl WalkError {
    /// Stable code, `walk.<reason>`.
    pub fn code(&self) -> &'static str {
        match self {
            WalkError::TooFewPoints { .. } => "walk.too_few_points",
            WalkError::SelfIntersecting { .. } => "walk.self_intersecting",
        }
    }

    /// The catalogue entry (placeholders unfilled).
    pub fn text(&self) -> Text {
        match self {
            WalkError::TooFewPoints { .. } => msg::WALK_TOO_FEW_POINTS,
            WalkError::SelfIntersecting { .. } => msg::WALK_SELF_INTERSECTING,
        }
    }

    /// One sentence for a person, in `lang`. Segments are numbered from 1 here, as people count.
    pub fn message(&self, lang: Lang) -> String {
        match *self {
            WalkError::TooFewPoints { used, dropped, min } => self.text().fill(
                lang,
                &[("used", &used.to_string()), ("dropped", &dropped.to_string()), ("min", &min.to_string())],
            ),
            WalkError::SelfIntersecting { segment_a, segment_b } => {
                self.text().fill(lang, &[("a", &(segment_a + 1).to_string()), ("b", &(segment_b + 1).to_string())])
            }
        }
    }
}

impl From<WalkError> for Error {
    /// A walk that makes no plot is invalid input on the `walk` field: nothing is written.
    fn from(e: WalkError) -> Self {
        Error::Invalid(vec![FieldError { field: "walk".to_owned(), code: e.code().to_owned(), message: e.text() }])
    }
}

/// Makes a plot from the fixes of a boundary walk, in walking order (either direction).
pub fn plot_from_walk(fixes: &[Fix], s: &CheckSettings) -> Result<WalkedPlot, WalkError> {
    let precise: Vec<&Fix> =
        fixes.iter().filter(|f| f.check().is_ok() && f.accuracy_m <= s.walk_max_accuracy_m).collect();
    let dropped = fixes.len() - precise.len();
    let corners = merge_standing_still(&precise, s.walk_min_step_m);
    let min = MIN_CORNERS.max(usize::try_from(s.walk_min_points).unwrap_or(usize::MAX));
    if corners.len() < min {
        return Err(WalkError::TooFewPoints { used: corners.len(), dropped, min });
    }
    let coords: Vec<Coord<f64>> = corners.iter().map(|f| coord! { x: f.lon, y: f.lat }).collect();
    if let Some((segment_a, segment_b)) = first_crossing(&coords) {
        return Err(WalkError::SelfIntersecting { segment_a, segment_b });
    }
    let (perimeter_m, area_ha) = measure(&coords);
    let mut ring: Vec<[f64; 2]> = coords.iter().map(|c| [c.x, c.y]).collect();
    ring.push(ring[0]);
    Ok(WalkedPlot {
        ring,
        area_ha,
        perimeter_m,
        dropped_points: dropped,
        used_points: corners.len(),
        mocked_points: corners.iter().filter(|f| f.mocked).count(),
    })
}

/// Perimeter in metres and area in hectares of a closed ring as [`WalkedPlot::ring`] holds it (`[lon, lat]`, first
/// point repeated at the end), measured as [`plot_from_walk`] measures: a stored or received walk is checked against
/// its ring with this rather than trusted. `None` when the ring is no plot: not closed, fewer than three distinct
/// corners, or crossing itself.
pub fn measure_ring(ring: &[[f64; 2]]) -> Option<(f64, f64)> {
    let (first, last) = (ring.first()?, ring.last()?);
    if ring.len() < MIN_CORNERS + 1 || first != last {
        return None;
    }
    let corners = &ring[..ring.len() - 1];
    let mut distinct: Vec<(u64, u64)> = corners.iter().map(|p| (p[0].to_bits(), p[1].to_bits())).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_CORNERS {
        return None;
    }
    let coords: Vec<Coord<f64>> = corners.iter().map(|p| coord! { x: p[0], y: p[1] }).collect();
    if first_crossing(&coords).is_some() {
        return None;
    }
    Some(measure(&coords))
}

/// Keeps a fix only if it lies at least `min_step_m` from the last kept one, then drops a final fix that came back
/// within `min_step_m` of the first (the walker closed the loop by hand; the ring closes itself).
fn merge_standing_still<'a>(fixes: &[&'a Fix], min_step_m: f64) -> Vec<&'a Fix> {
    let apart =
        |a: &Fix, b: &Fix| distance_m(a.lat, a.lon, b.lat, b.lon) >= min_step_m && (a.lat, a.lon) != (b.lat, b.lon);
    let mut kept: Vec<&Fix> = Vec::with_capacity(fixes.len());
    for &f in fixes {
        if kept.last().is_none_or(|last| apart(last, f)) {
            kept.push(f);
        }
    }
    while kept.len() > 1 && kept.first().zip(kept.last()).is_some_and(|(first, last)| !apart(first, last)) {
        kept.pop();
    }
    kept
}

/// Perimeter in metres and area in hectares of the ring through `corners` (not closed) on the WGS84 ellipsoid.
fn measure(corners: &[Coord<f64>]) -> (f64, f64) {
    let polygon = Polygon::new(LineString::new(corners.to_vec()), vec![]);
    // The signed area is negative for a clockwise walk; its magnitude is the area either way. (The "unsigned"
    // variant would instead give the rest of the Earth for a clockwise ring.)
    let (perimeter, signed_area) = polygon.geodesic_perimeter_area_signed();
    (perimeter, signed_area.abs() / M2_PER_HA)
}

impl WalkedPlot {
    /// The area as people read it in `lang`: `1,00 ha` in Vietnamese, `1.00 ha` in English.
    pub fn area_text(&self, lang: Lang) -> String {
        msg::hectares(self.area_ha, lang)
    }

    /// The perimeter alone, as people read it (`400 m`, `1,2 km`).
    pub fn perimeter_text(&self, lang: Lang) -> String {
        msg::distance(self.perimeter_m, lang)
    }

    /// The plot's figures as a sentence: `Diện tích đo được 1,00 ha, chu vi 400 m (…)`.
    pub fn message(&self, lang: Lang) -> String {
        msg::WALK_MEASURED.fill(
            lang,
            &[
                ("area", &msg::hectares(self.area_ha, lang)),
                ("perimeter", &msg::distance(self.perimeter_m, lang)),
                ("used", &self.used_points.to_string()),
                ("dropped", &self.dropped_points.to_string()),
            ],
        )
    }
}

/// How a measured area compares with the area the loan funded.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AreaVerdict {
    /// Within the tolerance.
    Matches,
    /// Smaller than funded by `pct` percent (positive).
    Smaller {
        /// How much smaller, percent of the funded area.
        pct: f64,
    },
    /// Larger than funded by `pct` percent (positive).
    Larger {
        /// How much larger, percent of the funded area.
        pct: f64,
    },
    /// No comparison possible: the loan records no (positive) area, or the measurement is not a number.
    Unknown,
}

/// Compares a measured area with the funded one: `Matches` when they differ by at most `tolerance` (a fraction,
/// 0.15 = 15%) of the funded area, else how much smaller or larger in percent.
pub fn compare_area(measured_ha: f64, funded_ha: f64, tolerance: f64) -> AreaVerdict {
    if !(funded_ha.is_finite() && funded_ha > 0.0 && measured_ha.is_finite() && measured_ha >= 0.0) {
        return AreaVerdict::Unknown;
    }
    let ratio = (measured_ha - funded_ha) / funded_ha;
    // A difference exactly at the tolerance on paper (0.85 ha against 1 ha at 15%) must match, though binary
    // floating point makes it 15.000000000000002%: hence the allowance far below any real measurement.
    if ratio.abs() <= tolerance + ROUNDING {
        AreaVerdict::Matches
    } else if ratio < 0.0 {
        AreaVerdict::Smaller { pct: -ratio * 100.0 }
    } else {
        AreaVerdict::Larger { pct: ratio * 100.0 }
    }
}

impl AreaVerdict {
    /// Stable code (`matches`, `smaller`, `larger`, `unknown`).
    pub fn code(&self) -> &'static str {
        match self {
            AreaVerdict::Matches => "matches",
            AreaVerdict::Smaller { .. } => "smaller",
            AreaVerdict::Larger { .. } => "larger",
            AreaVerdict::Unknown => "unknown",
        }
    }

    /// The comparison as a sentence with both areas: `Diện tích đo được 0,80 ha nhỏ hơn 20% so với …`.
    pub fn message(&self, measured_ha: f64, funded_ha: f64, lang: Lang) -> String {
        let (text, pct) = match *self {
            AreaVerdict::Matches => (msg::AREA_MATCHES, 0.0),
            AreaVerdict::Smaller { pct } => (msg::AREA_SMALLER, pct),
            AreaVerdict::Larger { pct } => (msg::AREA_LARGER, pct),
            AreaVerdict::Unknown => (msg::AREA_NO_FUNDED, 0.0),
        };
        text.fill(
            lang,
            &[
                ("measured", &msg::hectares(measured_ha, lang)),
                ("funded", &msg::hectares(funded_ha, lang)),
                ("pct", &msg::percent(pct)),
            ],
        )
    }
}

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;
