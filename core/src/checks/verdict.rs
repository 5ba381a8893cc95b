//! The site verdict: given the best fix of a check and the site's geometry, is the inspector at the funded model,
//! near it, away from it, or is the fix too poor (or mocked) to tell?
//!
//! docs/design.md: at the site means the distance to the point (or to the plot; 0 inside it) is within the site's
//! radius plus the fix's accuracy. The commune the fix falls in is reported beside the place rather than folded
//! into it: the shipped boundaries are simplified, so a site on a commune border can rightly be "at the site" from
//! a fix that lands in the neighbouring commune, and an auditor is better served by both facts than by a guess.
//! A poor fix never blocks the work: it is a verdict of its own, with the distance still recorded.

use serde::{Deserialize, Serialize};

use super::fix::Fix;
use super::settings::CheckSettings;
use crate::messages::checks_geo as msg;
use crate::messages::{Lang, Text};
use crate::places::{commune_at, distance_m};
use crate::records::Site;
use plot::distance_to_plot_m;

#[path = "verdict_plot.rs"]
mod plot;

/// Where a site is, as a check needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteGeometry {
    /// Latitude (WGS84) of the site's point.
    pub lat: f64,
    /// Longitude (WGS84) of the site's point.
    pub lon: f64,
    /// How far from the point (or the plot) still counts as "at the site", in metres.
    pub radius_m: f64,
    /// The plot's ring as `[[lon, lat], …]` (GeoJSON order), if mapped; distances are then taken to the plot.
    pub plot: Option<Vec<[f64; 2]>>,
    /// The 5-digit code (list "2025") of the commune the site lies in.
    pub commune_code: String,
}

impl From<&Site> for SiteGeometry {
    fn from(site: &Site) -> Self {
        SiteGeometry {
            lat: site.lat,
            lon: site.lon,
            radius_m: site.radius_m,
            plot: site.plot.clone(),
            commune_code: site.commune_code.clone(),
        }
    }
}

/// Where the inspector stands relative to the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Within the site's radius plus the fix's accuracy.
    AtSite,
    /// Beyond that, but within the "near" margin (`near_m` more).
    Near,
    /// Farther still.
    Away,
    /// The fix's accuracy is worse than the "too poor" threshold: cannot tell. Never blocks the work.
    PoorFix,
    /// The platform's mock-location flag was set. Wins over every other place.
    Mocked,
}

impl Place {
    /// Stable code, as stored and sent (`at_site`, `near`, `away`, `poor_fix`, `mocked`).
    pub fn code(&self) -> &'static str {
        match self {
            Place::AtSite => "at_site",
            Place::Near => "near",
            Place::Away => "away",
            Place::PoorFix => "poor_fix",
            Place::Mocked => "mocked",
        }
    }

    /// The sentence for this place, with `{distance}` (and `{accuracy}` for a poor fix) to fill.
    pub fn text(&self) -> Text {
        match self {
            Place::AtSite => msg::PLACE_AT_SITE,
            Place::Near => msg::PLACE_NEAR,
            Place::Away => msg::PLACE_AWAY,
            Place::PoorFix => msg::PLACE_POOR_FIX,
            Place::Mocked => msg::PLACE_MOCKED,
        }
    }
}

/// How good a fix's accuracy is against the office's thresholds (the settings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AccuracyLevel {
    /// Within the accept threshold (default ≤ 5 m).
    Good,
    /// Between accept and warn (default 5–25 m): normal under forest canopy.
    Fair,
    /// Above the warn threshold (default > 25 m).
    Warn,
    /// Above the "too poor" threshold (default > 100 m); also any accuracy that is negative or not a number.
    Poor,
}

impl AccuracyLevel {
    /// The level of an accuracy in metres.
    pub fn of(accuracy_m: f64, s: &CheckSettings) -> Self {
        // Written as "not within" so that a NaN (or negative) accuracy falls through to Poor rather than to Good.
        if !(accuracy_m >= 0.0 && accuracy_m <= s.poor_accuracy_m) {
            AccuracyLevel::Poor
        } else if accuracy_m > s.warn_accuracy_m {
            AccuracyLevel::Warn
        } else if accuracy_m > s.accept_accuracy_m {
            AccuracyLevel::Fair
        } else {
            AccuracyLevel::Good
        }
    }

    /// Stable code (`good`, `fair`, `warn`, `poor`).
    pub fn code(&self) -> &'static str {
        match self {
            AccuracyLevel::Good => "good",
            AccuracyLevel::Fair => "fair",
            AccuracyLevel::Warn => "warn",
            AccuracyLevel::Poor => "poor",
        }
    }

    /// The sentence for this level, with `{accuracy}` to fill.
    pub fn text(&self) -> Text {
        match self {
            AccuracyLevel::Good => msg::ACCURACY_GOOD,
            AccuracyLevel::Fair => msg::ACCURACY_FAIR,
            AccuracyLevel::Warn => msg::ACCURACY_WARN,
            AccuracyLevel::Poor => msg::ACCURACY_POOR,
        }
    }
}

/// The outcome of comparing a fix with a site: what the check record keeps and the screen shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Verdict {
    /// Where the inspector stands.
    pub place: Place,
    /// Metres to the site's point, or to its plot (0 inside the plot).
    pub distance_m: f64,
    /// The site's radius used, in metres.
    pub radius_m: f64,
    /// The fix's accuracy, in metres.
    pub accuracy_m: f64,
    /// Whether the fix falls in the site's commune (by the shipped boundaries).
    pub in_site_commune: bool,
    /// The commune the fix falls in, `None` outside Lạng Sơn.
    pub fix_commune_code: Option<String>,
    /// How good the fix is.
    pub accuracy_level: AccuracyLevel,
    /// The level again when it deserves a warning (`Warn` or `Poor`), else `None`.
    pub accuracy_warning: Option<AccuracyLevel>,
}

/// Compares a fix with a site under the settings. Pure and total: any input gives a verdict, and a fix that would
/// fail [`Fix::check`] gives `PoorFix` (or `Mocked`) rather than a confident answer.
pub fn verdict(fix: &Fix, site: &SiteGeometry, s: &CheckSettings) -> Verdict {
    let distance = distance_to_site(fix, site);
    // A negative or NaN radius from bad data counts as 0: the accuracy alone then decides.
    let radius = if site.radius_m.is_finite() { site.radius_m.max(0.0) } else { 0.0 };
    let level = AccuracyLevel::of(fix.accuracy_m, s);
    let reach = radius + fix.accuracy_m;
    let place = if fix.mocked {
        Place::Mocked
    } else if level == AccuracyLevel::Poor || !distance.is_finite() {
        Place::PoorFix
    } else if distance <= reach {
        Place::AtSite
    } else if distance <= reach + s.near_m {
        Place::Near
    } else {
        Place::Away
    };
    let fix_commune_code = commune_at(fix.lat, fix.lon).map(|c| c.code.clone());
    Verdict {
        place,
        distance_m: distance,
        radius_m: radius,
        accuracy_m: fix.accuracy_m,
        in_site_commune: fix_commune_code.as_deref() == Some(site.commune_code.as_str()),
        fix_commune_code,
        accuracy_level: level,
        accuracy_warning: (level >= AccuracyLevel::Warn).then_some(level),
    }
}

/// Metres from the fix to the plot when the site has a usable one, else to the point; never negative (the
/// haversine is not). NaN when the fix or the site's point is not a number, which the caller turns into `PoorFix`.
fn distance_to_site(fix: &Fix, site: &SiteGeometry) -> f64 {
    site.plot
        .as_deref()
        .and_then(|plot| distance_to_plot_m(fix.lat, fix.lon, plot))
        // No `.max(0.0)` here: it would turn a NaN distance into 0, "at the site", from a fix with no position.
        .unwrap_or_else(|| distance_m(fix.lat, fix.lon, site.lat, site.lon))
}

impl Verdict {
    /// The place as a sentence with its figures: `Đang ở tại mô hình (cách 12 m).`
    pub fn message(&self, lang: Lang) -> String {
        self.place.text().fill(
            lang,
            &[("distance", &msg::distance(self.distance_m, lang)), ("accuracy", &msg::distance(self.accuracy_m, lang))],
        )
    }

    /// The fix's quality as a sentence: `Định vị khá (sai số 8 m).`
    pub fn accuracy_message(&self, lang: Lang) -> String {
        self.accuracy_level.text().fill(lang, &[("accuracy", &msg::distance(self.accuracy_m, lang))])
    }

    /// A note when the fix lies outside the site's commune, else `None`.
    pub fn commune_message(&self, lang: Lang) -> Option<&'static str> {
        (!self.in_site_commune).then(|| msg::OUTSIDE_SITE_COMMUNE.get(lang))
    }
}

#[cfg(test)]
#[path = "verdict_tests.rs"]
mod tests;
