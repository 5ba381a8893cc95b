//! The fix a photo is stamped with, through the FFI: the apps keep the fixes that arrive while the camera is open
//! and hand them over with the shutter's instant; how far before and after it a fix still counts is the core's rule
//! (`checks::fix::shutter_fix`), the same on both platforms.

use vieclam_core::checks::fix;

use crate::error::VieclamError;
use crate::geo::LocationFix;
use crate::types::instant;

/// The best of `fixes` taken in the seconds around `shutter` (RFC 3339): from 15 s before it to 1 s after, by the
/// core's one rule of best. `None` when none was taken then (open a window for a new fix). `Invalid` on `shutter`
/// for an unreadable instant.
#[uniffi::export]
pub fn shutter_fix(fixes: Vec<LocationFix>, shutter: String) -> Result<Option<LocationFix>, VieclamError> {
    let shutter = instant("shutter", &shutter)?;
    let fixes: Vec<fix::Fix> = fixes.iter().filter_map(|f| f.to_core("fix").ok()).collect();
    Ok(fix::shutter_fix(&fixes, shutter).as_ref().map(LocationFix::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: &str, accuracy_m: f64) -> LocationFix {
        LocationFix {
            lat: 21.85,
            lon: 106.76,
            accuracy_m,
            altitude_m: None,
            time: time.into(),
            provider: "gps".into(),
            satellites: None,
            mocked: false,
        }
    }

    #[test]
    fn the_shutters_seconds_decide_and_a_bad_instant_is_named() {
        let fixes = vec![at("2026-12-06T01:59:40Z", 3.0), at("2026-12-06T01:59:50Z", 8.0)];
        let got = shutter_fix(fixes.clone(), "2026-12-06T02:00:00Z".into()).expect("readable");
        assert_eq!(got.map(|f| f.accuracy_m), Some(8.0), "the 3 m fix is 20 s old");
        let Err(VieclamError::Invalid { fields }) = shutter_fix(fixes, "now".into()) else { panic!("unreadable") };
        assert_eq!(fields[0].field, "shutter");
    }
}
