//! Where the phone is, as the FFI carries it: a location fix from the platform (Android's `Location`, iOS's
//! `CLLocation`), and the verdict on where the inspector stands relative to a site. The fix's time is RFC 3339;
//! everything else is plain numbers, checked by the core before it is believed.

use vieclam_core::Lang;
use vieclam_core::checks::fix;

use crate::error::VieclamError;
use crate::types::{Language, instant, iso_instant};

/// One location fix from the platform.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct LocationFix {
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Horizontal accuracy in metres (68% confidence, as both platforms report it).
    pub accuracy_m: f64,
    /// Altitude above the WGS84 ellipsoid in metres, if the platform gave one.
    pub altitude_m: Option<f64>,
    /// When the fix was taken (the platform's fix time), RFC 3339.
    pub time: String,
    /// Which source produced it: `gps`, `fused`, `network`, …
    pub provider: String,
    /// Satellites used in the fix, if the platform tells.
    pub satellites: Option<u32>,
    /// The platform's mock-location flag. Kept, not refused: an auditor must see it.
    pub mocked: bool,
}

impl LocationFix {
    /// The core's fix, with the time parsed (a bad time is `Invalid` on `field`.time). Nothing else is checked
    /// here: callers that need a believable fix run [`fix::Fix::check`].
    pub(crate) fn to_core(&self, field: &str) -> Result<fix::Fix, VieclamError> {
        Ok(fix::Fix {
            lat: self.lat,
            lon: self.lon,
            accuracy_m: self.accuracy_m,
            altitude_m: self.altitude_m,
            time: instant(&format!("{field}.time"), &self.time)?,
            provider: self.provider.clone(),
            satellites: self.satellites,
            mocked: self.mocked,
        })
    }
}

impl From<&fix::Fix> for LocationFix {
    fn from(f: &fix::Fix) -> Self {
        LocationFix {
            lat: f.lat,
            lon: f.lon,
            accuracy_m: f.accuracy_m,
            altitude_m: f.altitude_m,
            time: iso_instant(f.time),
            provider: f.provider.clone(),
            satellites: f.satellites,
            mocked: f.mocked,
        }
    }
}

/// The best fix taken between `window_start` and `window_end` (RFC 3339, both included), by the core's one rule
/// (`checks::fix::best_fix`): a real fix before a mocked one, then the smallest accuracy, the most satellites, the
/// latest; fixes the core would not believe (no accuracy, out of range) and fixes with an unreadable time never win.
/// `None` when no fix qualifies. `Invalid` on `window_start` / `window_end` for an unreadable bound.
#[uniffi::export]
pub fn best_fix(
    fixes: Vec<LocationFix>,
    window_start: String,
    window_end: String,
) -> Result<Option<LocationFix>, VieclamError> {
    let window = (instant("window_start", &window_start)?, instant("window_end", &window_end)?);
    Ok(fix::best_fix(&core_fixes(&fixes), window).as_ref().map(LocationFix::from))
}

/// The best of `fixes` taken in the seconds around `shutter` (RFC 3339), the fix a photo is stamped with: the apps
/// keep the fixes that arrive while the camera is open and hand them over with the shutter's instant; how far
/// before and after it a fix still counts (15 s before, 1 s after) is the core's rule (`checks::fix::shutter_fix`).
/// `None` when none was taken then (open a window for a new fix). `Invalid` on `shutter` for an unreadable instant.
#[uniffi::export]
pub fn shutter_fix(fixes: Vec<LocationFix>, shutter: String) -> Result<Option<LocationFix>, VieclamError> {
    let shutter = instant("shutter", &shutter)?;
    Ok(fix::shutter_fix(&core_fixes(&fixes), shutter).as_ref().map(LocationFix::from))
}

/// The core's fixes of `fixes`; one with an unreadable time is left out (it can never be the best).
fn core_fixes(fixes: &[LocationFix]) -> Vec<fix::Fix> {
    fixes.iter().filter_map(|f| f.to_core("fix").ok()).collect()
}

// Where the inspector stands, how good the fix is and the verdict itself are the core's records
// (`checks::verdict`), which carry the FFI traits themselves (the core's `uniffi` feature).
pub use vieclam_core::checks::verdict::{AccuracyLevel, Place, Verdict};

/// The core's verdict on a fix against a site, with its sentences in the screen's language: the core's signed
/// record stays free of any language, and the screen gets both from one call.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct VerdictView {
    /// The verdict itself: the place, the distance, the accuracy and the commune the fix falls in.
    pub verdict: Verdict,
    /// The place as a sentence with its distance ("Đang ở tại mô hình (cách 12 m).").
    pub message: String,
    /// The fix's quality as a sentence.
    pub accuracy_message: String,
    /// A note when the fix lies outside the site's commune, else null.
    pub commune_message: Option<String>,
}

impl VerdictView {
    /// `verdict` with its sentences in `lang`.
    pub(crate) fn new(verdict: Verdict, lang: Language) -> Self {
        let lang = Lang::from(lang);
        VerdictView {
            message: verdict.message(lang),
            accuracy_message: verdict.accuracy_message(lang),
            commune_message: verdict.commune_message(lang).map(str::to_owned),
            verdict,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: &str, accuracy_m: f64, mocked: bool) -> LocationFix {
        LocationFix {
            lat: 21.85,
            lon: 106.76,
            accuracy_m,
            altitude_m: None,
            time: time.into(),
            provider: "gps".into(),
            satellites: Some(8),
            mocked,
        }
    }

    #[test]
    fn the_apps_best_fix_is_the_cores() {
        let fixes = vec![
            at("2026-12-06T01:00:00Z", 3.0, true),       // the most precise, but mocked
            at("2026-12-06T01:00:05Z", 12.0, false),     // real
            at("2026-12-06T01:00:06Z", 8.0, false),      // real and better: the one
            at("2026-12-06T01:00:07Z", f64::NAN, false), // no accuracy: never wins
            at("2026-12-06T01:00:08Z", 1.0, false),      // after the window
            at("not a time", 0.5, false),                // unreadable: ignored
        ];
        let best = best_fix(fixes.clone(), "2026-12-06T01:00:00Z".into(), "2026-12-06T01:00:07Z".into()).unwrap();
        assert_eq!(best.map(|f| f.accuracy_m), Some(8.0));
        // Only the mocked one in the window: it is still returned, for the verdict to say so.
        let mocked = best_fix(fixes, "2026-12-06T00:59:00Z".into(), "2026-12-06T01:00:01Z".into()).unwrap();
        assert!(mocked.is_some_and(|f| f.mocked));
        assert!(best_fix(vec![], "2026-12-06T01:00:00Z".into(), "bad".into()).is_err());
    }

    #[test]
    fn a_photo_takes_the_fix_of_its_shutters_seconds_and_a_bad_instant_is_named() {
        let fixes = vec![at("2026-12-06T01:59:40Z", 3.0, false), at("2026-12-06T01:59:50Z", 8.0, false)];
        let got = shutter_fix(fixes.clone(), "2026-12-06T02:00:00Z".into()).expect("readable");
        assert_eq!(got.map(|f| f.accuracy_m), Some(8.0), "the 3 m fix is 20 s old");
        let Err(VieclamError::Invalid { fields }) = shutter_fix(fixes, "now".into()) else { panic!("unreadable") };
        assert_eq!(fields[0].field, "shutter");
    }
}
