//! The plot walked on a check (`plot_walk`): the [`WalkedPlot`] measured on foot, kept with the check it belongs to,
//! the area the loan funded at the time and the comparison, signed into the chain and sent up like a photo.
//!
//! One walk per check: its id is the check's id, so a new walk of the same check replaces the stored one (the chain
//! keeps every signed version). [`problems`] holds the rules a walk record must keep wherever it comes from: the
//! device applies them before signing, the server again on every push, and neither trusts the figures: area and
//! perimeter are measured again from the ring with [`measure_ring`] and must agree within a small tolerance.

use serde::{Deserialize, Serialize};

use super::walk::{AreaVerdict, WalkedPlot, measure_ring};
use crate::error::FieldError;
use crate::messages::Text;
use crate::messages::plot_walk as msg;

/// Outbox entity (and server kind) of a walk record.
pub const ENTITY_WALK: &str = "plot_walk";
/// The most points a ring may hold (closing repeat included): a walk round a farm at one point every few metres
/// stays far below it, and it bounds what the server measures.
pub const MAX_RING_POINTS: usize = 2_000;
/// The most fixes a walk may say it dropped (an hour of fixes every second).
pub const MAX_DROPPED_POINTS: usize = 3_600;
/// The longest id a check or site may have.
const MAX_ID_LEN: usize = 64;
/// How far a stated area or perimeter may be from the ring's own measure, as a fraction of it: the same function on
/// another platform may round differently, a forged figure is far off.
pub const MEASURE_TOLERANCE: f64 = 0.005;
/// The widest area tolerance an office may set: a walk said to match the funded area beyond it is not believed.
pub const MAX_AREA_TOLERANCE: f64 = 0.5;
/// How far a verdict's percentage may be from the one its figures give, in percentage points (rounding only).
const PCT_SLACK: f64 = 0.01;
/// Added to the tolerance so that a tiny plot is not refused over a square metre (hectares).
const AREA_SLACK_HA: f64 = 0.000_1;
/// Added to the tolerance for the perimeter (metres).
const PERIMETER_SLACK_M: f64 = 0.5;

/// A walk as stored on the device, signed and sent up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlotWalkRecord {
    /// The check walked on: also the record's id (one walk per check).
    pub check_id: String,
    /// The site of the check.
    pub site_id: String,
    /// The closed ring as `[[lon, lat], …]`, first point repeated at the end.
    pub ring: Vec<[f64; 2]>,
    /// Area on the WGS84 ellipsoid, hectares.
    pub area_ha: f64,
    /// Perimeter on the WGS84 ellipsoid, metres.
    pub perimeter_m: f64,
    /// Fixes dropped as too imprecise (or invalid).
    pub dropped_points: usize,
    /// Distinct corners kept (the closing repeat not counted).
    pub used_points: usize,
    /// Corners that carried the mock-location flag.
    pub mocked_points: usize,
    /// The area the loan funded when the walk was recorded, hectares (0 when the loan file names none).
    pub funded_ha: f64,
    /// The walked area against the funded one, under the settings of the time.
    pub verdict: AreaVerdict,
    /// When the walk was recorded (UTC ISO 8601).
    pub walked_at: String,
    /// The chain link signing this version.
    pub signature: Option<String>,
    /// Clock of the change.
    pub hlc: String,
}

impl PlotWalkRecord {
    /// The plot as measured.
    pub fn plot(&self) -> WalkedPlot {
        WalkedPlot {
            ring: self.ring.clone(),
            area_ha: self.area_ha,
            perimeter_m: self.perimeter_m,
            dropped_points: self.dropped_points,
            used_points: self.used_points,
            mocked_points: self.mocked_points,
        }
    }

    /// The difference between the walked and the funded area in percent of the funded (negative when smaller);
    /// `None` when the loan names no area.
    pub fn difference_pct(&self) -> Option<f64> {
        (self.funded_ha.is_finite() && self.funded_ha > 0.0)
            .then(|| (self.area_ha - self.funded_ha) / self.funded_ha * 100.0)
    }
}

fn problem(field: &str, code: &str, message: Text) -> FieldError {
    FieldError { field: field.to_owned(), code: code.to_owned(), message }
}

fn is_id(text: &str) -> bool {
    !text.trim().is_empty() && text.len() <= MAX_ID_LEN && !text.chars().any(char::is_control)
}

fn is_coordinate(p: &[f64; 2]) -> bool {
    let [lon, lat] = *p;
    lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

/// Whether `stated` is `measured` within the tolerance plus `slack`.
fn agrees(stated: f64, measured: f64, slack: f64) -> bool {
    stated.is_finite() && (stated - measured).abs() <= measured * MEASURE_TOLERANCE + slack
}

/// What is wrong with a walk record, each with its field and code (empty when nothing is). The ring is checked
/// before it is measured (bounded, coordinates in range, closed, three distinct corners, not crossing itself), then
/// the stated figures against the ring's own measure.
pub fn problems(r: &PlotWalkRecord) -> Vec<FieldError> {
    let mut found = Vec::new();
    if !is_id(&r.check_id) || !is_id(&r.site_id) {
        found.push(problem("check_id", "walk.not_a_check", msg::NOT_A_CHECK));
    }
    if chrono::DateTime::parse_from_rfc3339(&r.walked_at).is_err() {
        found.push(problem("walked_at", "walk.bad_time", msg::BAD_TIME));
    }
    if !(r.funded_ha.is_finite() && r.funded_ha >= 0.0) {
        found.push(problem("funded_ha", "walk.bad_funded_area", msg::BAD_FUNDED_AREA));
    }
    if r.ring.len() > MAX_RING_POINTS {
        found.push(problem("ring", "walk.ring_too_long", msg::RING_TOO_LONG));
        return found;
    }
    if !r.ring.iter().all(is_coordinate) {
        found.push(problem("ring", "walk.bad_coordinates", msg::BAD_COORDINATES));
        return found;
    }
    let Some((perimeter_m, area_ha)) = measure_ring(&r.ring) else {
        found.push(problem("ring", "walk.not_a_ring", msg::NOT_A_RING));
        return found;
    };
    if r.used_points + 1 != r.ring.len() || r.mocked_points > r.used_points || r.dropped_points > MAX_DROPPED_POINTS {
        found.push(problem("used_points", "walk.counts_inconsistent", msg::COUNTS_INCONSISTENT));
    }
    if !agrees(r.area_ha, area_ha, AREA_SLACK_HA) || !agrees(r.perimeter_m, perimeter_m, PERIMETER_SLACK_M) {
        found.push(problem("area_ha", "walk.area_mismatch", msg::AREA_MISMATCH));
    }
    // A funded area that is no number was answered above; its verdict cannot be judged.
    let funded_ok = r.funded_ha.is_finite() && r.funded_ha >= 0.0;
    if funded_ok && !verdict_fits(r) {
        found.push(problem("verdict", "walk.verdict_inconsistent", msg::VERDICT_INCONSISTENT));
    }
    found
}

/// Whether the verdict says what the stated area and the funded one give: nothing to compare with exactly when no
/// area was funded, smaller or larger by the figures' own percentage, a match only within the widest tolerance.
fn verdict_fits(r: &PlotWalkRecord) -> bool {
    match (r.verdict, r.difference_pct()) {
        (AreaVerdict::Unknown, None) => true,
        (AreaVerdict::Matches, Some(d)) => d.abs() <= MAX_AREA_TOLERANCE * 100.0 + PCT_SLACK,
        (AreaVerdict::Smaller { pct }, Some(d)) => d < 0.0 && (pct + d).abs() <= PCT_SLACK,
        (AreaVerdict::Larger { pct }, Some(d)) => d > 0.0 && (pct - d).abs() <= PCT_SLACK,
        _ => false,
    }
}

/// Every code [`problems`] (and the store's guards) answer, with its message: a server answers them by code.
pub const CODES: &[(&str, Text)] = &[
    ("walk.not_a_check", msg::NOT_A_CHECK),
    ("walk.bad_time", msg::BAD_TIME),
    ("walk.bad_funded_area", msg::BAD_FUNDED_AREA),
    ("walk.ring_too_long", msg::RING_TOO_LONG),
    ("walk.bad_coordinates", msg::BAD_COORDINATES),
    ("walk.not_a_ring", msg::NOT_A_RING),
    ("walk.counts_inconsistent", msg::COUNTS_INCONSISTENT),
    ("walk.area_mismatch", msg::AREA_MISMATCH),
    ("walk.verdict_inconsistent", msg::VERDICT_INCONSISTENT),
    ("walk.site_mismatch", msg::SITE_MISMATCH),
];

/// The message of a walk code, with the code as `&'static str` (a server's refusals hold static codes).
pub fn code_message(code: &str) -> Option<(&'static str, Text)> {
    CODES.iter().find(|(c, _)| *c == code).copied()
}

#[cfg(test)]
#[path = "plot_walk_tests.rs"]
mod tests;
