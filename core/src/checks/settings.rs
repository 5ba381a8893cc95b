//! The thresholds of a site check, as data the office can change: how good a fix must be, how far still counts as
//! "near", how a walked plot is cleaned, and the photo limits that the evidence module reads.
//!
//! Defaults come from docs/design.md: accept at ≤ 5 m accuracy at once, warn above 25 m, "too poor" above 100 m. Under
//! forest canopy 5–12 m is normal, so none of these ever blocks the work; they decide what the verdict says. The
//! office ships its own values with the inspection plan; `#[serde(default)]` lets it send only what it changes.

use serde::{Deserialize, Serialize};

use crate::messages::checks_geo as msg;
use crate::messages::{Lang, Text};

/// Every threshold of a site check. Distances in metres, times in seconds or minutes as named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckSettings {
    /// A fix this good (accuracy ≤ this) is taken at once: capture stops early. Default 5 m.
    pub accept_accuracy_m: f64,
    /// Above this accuracy the verdict carries a warning. Default 25 m.
    pub warn_accuracy_m: f64,
    /// Above this accuracy the fix is "too poor to tell": the verdict says so instead of at/near/away, and the work
    /// goes on. Default 100 m.
    pub poor_accuracy_m: f64,
    /// How far beyond radius plus accuracy still counts as "near" rather than "away". Default 500 m.
    pub near_m: f64,
    /// The longest capture window the shell should run when no fix reaches `accept_accuracy_m`. Default 30 s.
    pub capture_window_s: u32,
    /// Points of a plot walk with accuracy above this are dropped. Default 15 m.
    pub walk_max_accuracy_m: f64,
    /// A walk point closer than this to the last kept point is a duplicate (the walker stood still). Default 2 m.
    pub walk_min_step_m: f64,
    /// Distinct points a walk must keep after dropping, to make a plot. Default 3 (a triangle).
    pub walk_min_points: u32,
    /// How far (as a fraction) a measured area may differ from the funded one and still match. Default 0.15 (15%).
    pub area_tolerance: f64,
    /// A photo whose own EXIF position is farther than this from the check's fix is flagged. Default 200 m.
    pub photo_gps_disagree_m: f64,
    /// A photo taken longer than this after the check started is flagged. Default 120 minutes.
    pub photo_max_delay_min: u32,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            accept_accuracy_m: 5.0,
            warn_accuracy_m: 25.0,
            poor_accuracy_m: 100.0,
            near_m: 500.0,
            capture_window_s: 30,
            walk_max_accuracy_m: 15.0,
            walk_min_step_m: 2.0,
            walk_min_points: 3,
            area_tolerance: 0.15,
            photo_gps_disagree_m: 200.0,
            photo_max_delay_min: 120,
        }
    }
}

/// Why settings sent by the office were refused. Settings come from outside the device, so they are checked
/// before use rather than trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// A distance is negative, infinite or not a number.
    #[error("setting `{field}` must be a finite number ≥ 0")]
    NotFinite {
        /// The setting's name.
        field: &'static str,
    },
    /// The three accuracy thresholds are not in order accept ≤ warn ≤ poor.
    #[error("accuracy thresholds must satisfy accept ≤ warn ≤ poor")]
    AccuracyOrder,
    /// The area tolerance is outside 0–1.
    #[error("area tolerance must lie between 0 and 1")]
    Tolerance,
    /// Fewer than 3 walk points asked for: no plot has fewer.
    #[error("a walk needs at least 3 points")]
    MinPoints,
}

impl SettingsError {
    /// Stable code.
    pub fn code(&self) -> &'static str {
        match self {
            SettingsError::NotFinite { .. } => "settings.not_finite",
            SettingsError::AccuracyOrder => "settings.accuracy_order",
            SettingsError::Tolerance => "settings.tolerance",
            SettingsError::MinPoints => "settings.min_points",
        }
    }

    /// The catalogue entry (placeholders unfilled).
    pub fn text(&self) -> Text {
        match self {
            SettingsError::NotFinite { .. } => msg::SETTINGS_NOT_FINITE,
            SettingsError::AccuracyOrder => msg::SETTINGS_ACCURACY_ORDER,
            SettingsError::Tolerance => msg::SETTINGS_TOLERANCE,
            SettingsError::MinPoints => msg::SETTINGS_MIN_POINTS,
        }
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SettingsError::NotFinite { field } => self.text().fill(lang, &[("field", field)]),
            _ => self.text().get(lang).to_owned(),
        }
    }
}

impl CheckSettings {
    /// Checks settings received from the office: every distance finite and ≥ 0, accuracy thresholds in order,
    /// tolerance in 0–1, at least 3 walk points.
    pub fn check(&self) -> Result<(), SettingsError> {
        let distances = [
            ("accept_accuracy_m", self.accept_accuracy_m),
            ("warn_accuracy_m", self.warn_accuracy_m),
            ("poor_accuracy_m", self.poor_accuracy_m),
            ("near_m", self.near_m),
            ("walk_max_accuracy_m", self.walk_max_accuracy_m),
            ("walk_min_step_m", self.walk_min_step_m),
            ("photo_gps_disagree_m", self.photo_gps_disagree_m),
        ];
        if let Some((field, _)) = distances.iter().find(|(_, v)| !(v.is_finite() && *v >= 0.0)) {
            return Err(SettingsError::NotFinite { field });
        }
        if !(self.accept_accuracy_m <= self.warn_accuracy_m && self.warn_accuracy_m <= self.poor_accuracy_m) {
            return Err(SettingsError::AccuracyOrder);
        }
        if !(0.0..=1.0).contains(&self.area_tolerance) {
            return Err(SettingsError::Tolerance);
        }
        if self.walk_min_points < 3 {
            return Err(SettingsError::MinPoints);
        }
        Ok(())
    }

    /// Whether a fix of this accuracy ends the capture at once (docs/design.md: "accept at ≤ 5 m accuracy at once").
    pub fn accepts_at_once(&self, accuracy_m: f64) -> bool {
        accuracy_m <= self.accept_accuracy_m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_design_figures() {
        let s = CheckSettings::default();
        assert_eq!((s.accept_accuracy_m, s.warn_accuracy_m, s.poor_accuracy_m), (5.0, 25.0, 100.0));
        assert_eq!(s.near_m, 500.0);
        assert_eq!((s.photo_gps_disagree_m, s.photo_max_delay_min), (200.0, 120));
        assert_eq!(s.check(), Ok(()));
        assert!(s.accepts_at_once(4.9) && s.accepts_at_once(5.0) && !s.accepts_at_once(5.1));
    }

    #[test]
    fn the_office_may_send_only_what_it_changes() -> Result<(), serde_json::Error> {
        let s: CheckSettings = serde_json::from_str(r#"{"near_m": 300, "poor_accuracy_m": 80}"#)?;
        assert_eq!(s.near_m, 300.0);
        assert_eq!(s.poor_accuracy_m, 80.0);
        assert_eq!(s.warn_accuracy_m, 25.0);
        let back: CheckSettings = serde_json::from_str(&serde_json::to_string(&s)?)?;
        assert_eq!(back, s);
        Ok(())
    }

    #[test]
    fn bad_settings_are_refused_with_a_code() {
        let s = CheckSettings { near_m: -1.0, ..CheckSettings::default() };
        assert_eq!(s.check(), Err(SettingsError::NotFinite { field: "near_m" }));
        assert_eq!(s.check().map_err(|e| e.code()), Err("settings.not_finite"));
        assert!(s.check().map_err(|e| e.message(Lang::Vi)).unwrap_err().contains("near_m"));
        let s = CheckSettings { warn_accuracy_m: 200.0, ..CheckSettings::default() };
        assert_eq!(s.check(), Err(SettingsError::AccuracyOrder));
        let s = CheckSettings { area_tolerance: 1.5, ..CheckSettings::default() };
        assert_eq!(s.check(), Err(SettingsError::Tolerance));
        let s = CheckSettings { walk_min_points: 2, ..CheckSettings::default() };
        assert_eq!(s.check(), Err(SettingsError::MinPoints));
        let s = CheckSettings { accept_accuracy_m: f64::NAN, ..CheckSettings::default() };
        assert_eq!(s.check(), Err(SettingsError::NotFinite { field: "accept_accuracy_m" }));
    }
}
