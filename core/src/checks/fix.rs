//! A location fix as the phone reports it, the checks it must pass before the core believes it, and the choice of
//! the best fix over a capture window.
//!
//! A fix comes from the platform (Android's `Location`, iOS's `CLLocation`) through the shell, so everything in it
//! is outside input: [`Fix::check`] refuses the impossible (a latitude of 200°, a NaN accuracy) and the telltale
//! (0°, 0° — "Null Island", what some devices report before they have a fix). The mock-location flag is kept, not
//! refused: an auditor must see that it was set.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, FieldError};
use crate::messages::checks_geo as msg;
use crate::messages::{Lang, Text};

/// One location fix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Horizontal accuracy in metres (the radius of 68% confidence both platforms report).
    pub accuracy_m: f64,
    /// Altitude above the WGS84 ellipsoid in metres, if the platform gave one.
    pub altitude_m: Option<f64>,
    /// When the fix was taken (the platform's fix time, not when the app received it).
    pub time: DateTime<Utc>,
    /// Which source produced it: `gps`, `fused`, `network`, …
    pub provider: String,
    /// Satellites used in the fix, if the platform tells.
    pub satellites: Option<u32>,
    /// The platform's mock-location flag (a fake-GPS app or a developer setting produced this fix).
    pub mocked: bool,
}

/// Why a fix from outside was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FixError {
    /// Latitude not a number, infinite, or outside −90…90.
    #[error("latitude out of range")]
    Latitude,
    /// Longitude not a number, infinite, or outside −180…180.
    #[error("longitude out of range")]
    Longitude,
    /// Exactly 0°, 0°: the placeholder some devices send before they have a fix.
    #[error("the fix is at 0°, 0° (no real position)")]
    NullIsland,
    /// Accuracy negative, infinite or not a number.
    #[error("accuracy must be a finite number ≥ 0")]
    Accuracy,
    /// Altitude given but infinite or not a number.
    #[error("altitude must be a finite number")]
    Altitude,
    /// No provider named.
    #[error("the fix names no provider")]
    Provider,
}

impl FixError {
    /// Stable code, `fix.<reason>`.
    pub fn code(&self) -> &'static str {
        match self {
            FixError::Latitude => "fix.latitude",
            FixError::Longitude => "fix.longitude",
            FixError::NullIsland => "fix.null_island",
            FixError::Accuracy => "fix.accuracy",
            FixError::Altitude => "fix.altitude",
            FixError::Provider => "fix.provider",
        }
    }

    /// The field of [`Fix`] at fault.
    pub fn field(&self) -> &'static str {
        match self {
            FixError::Latitude | FixError::NullIsland => "lat",
            FixError::Longitude => "lon",
            FixError::Accuracy => "accuracy_m",
            FixError::Altitude => "altitude_m",
            FixError::Provider => "provider",
        }
    }

    /// The message in both languages.
    pub fn text(&self) -> Text {
        match self {
            FixError::Latitude => msg::FIX_LATITUDE,
            FixError::Longitude => msg::FIX_LONGITUDE,
            FixError::NullIsland => msg::FIX_NULL_ISLAND,
            FixError::Accuracy => msg::FIX_ACCURACY,
            FixError::Altitude => msg::FIX_ALTITUDE,
            FixError::Provider => msg::FIX_PROVIDER,
        }
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.text().get(lang).to_owned()
    }
}

impl From<FixError> for FieldError {
    fn from(e: FixError) -> Self {
        FieldError { field: e.field().to_owned(), code: e.code().to_owned(), message: e.text() }
    }
}

impl From<FixError> for Error {
    /// A refused fix is invalid input: nothing is written.
    fn from(e: FixError) -> Self {
        Error::Invalid(vec![e.into()])
    }
}

impl Fix {
    /// Checks a fix from outside: coordinates finite and in range and not exactly 0°, 0°; accuracy finite and ≥ 0;
    /// altitude finite if given; a provider named. The first failure is returned.
    pub fn check(&self) -> Result<(), FixError> {
        if !(self.lat.is_finite() && (-90.0..=90.0).contains(&self.lat)) {
            return Err(FixError::Latitude);
        }
        if !(self.lon.is_finite() && (-180.0..=180.0).contains(&self.lon)) {
            return Err(FixError::Longitude);
        }
        if self.lat == 0.0 && self.lon == 0.0 {
            return Err(FixError::NullIsland);
        }
        if !(self.accuracy_m.is_finite() && self.accuracy_m >= 0.0) {
            return Err(FixError::Accuracy);
        }
        if self.altitude_m.is_some_and(|a| !a.is_finite()) {
            return Err(FixError::Altitude);
        }
        if self.provider.trim().is_empty() {
            return Err(FixError::Provider);
        }
        Ok(())
    }
}

/// The best fix taken within `window` (both ends included): the best real fix if there is one, otherwise the best
/// mocked one, so the verdict can say "mocked" instead of "no fix". `None` when no valid fix falls in the window.
///
/// Best means smallest accuracy, then most satellites (unknown counts as none), then latest. Fixes that fail
/// [`Fix::check`] are ignored: a NaN accuracy must not win a comparison.
pub fn best_fix(fixes: &[Fix], window: (DateTime<Utc>, DateTime<Utc>)) -> Option<Fix> {
    let (start, end) = window;
    let candidates = || fixes.iter().filter(|f| f.time >= start && f.time <= end && f.check().is_ok());
    let best_of = |mocked: bool| candidates().filter(|f| f.mocked == mocked).min_by(|a, b| rank(a, b));
    best_of(false).or_else(|| best_of(true)).cloned()
}

/// How long before the shutter a fix still says where a photo was taken: an inspector walks on after a few steps,
/// so an older fix is another place.
pub const PHOTO_FIX_BEFORE_SECS: i64 = 15;
/// How long after the shutter a fix is still taken for it: a fix reported a moment late (the receiver's latency).
pub const PHOTO_FIX_AFTER_SECS: i64 = 1;

/// The fix a photo taken at `shutter` is stamped with: the [`best_fix`] of the fixes taken from
/// [`PHOTO_FIX_BEFORE_SECS`] before the shutter to [`PHOTO_FIX_AFTER_SECS`] after it. `None` when none was taken
/// then: the app opens a window for a new one rather than use where the phone was a minute ago.
pub fn shutter_fix(fixes: &[Fix], shutter: DateTime<Utc>) -> Option<Fix> {
    let before = chrono::Duration::seconds(PHOTO_FIX_BEFORE_SECS);
    let after = chrono::Duration::seconds(PHOTO_FIX_AFTER_SECS);
    best_fix(fixes, (shutter - before, shutter + after))
}

/// Orders two valid fixes, better first: accuracy ascending, satellites descending, time descending.
fn rank(a: &Fix, b: &Fix) -> std::cmp::Ordering {
    a.accuracy_m
        .total_cmp(&b.accuracy_m)
        .then_with(|| b.satellites.unwrap_or(0).cmp(&a.satellites.unwrap_or(0)))
        .then_with(|| b.time.cmp(&a.time))
}

#[cfg(test)]
#[path = "fix_tests.rs"]
mod tests;
