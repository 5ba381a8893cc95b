//! A plot measured by walking its boundary, through the FFI: the fixes taken on the way in, the cleaned ring with
//! its area and perimeter out ([`walk_plot`], a free function: it needs no store), and the same walk recorded on an
//! open check ([`VieclamStore::record_walk`]): compared with the funded area, signed into the chain and queued to
//! go up like a photo, one walk per check.

use vieclam_core::Lang;
use vieclam_core::checks::lifecycle as lc;
use vieclam_core::checks::plot_walk::PlotWalkRecord;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::walk::{self as core, WalkError};

use crate::checks::identity;
use crate::store::VieclamStore;
use crate::types::instant;

use crate::error::{FieldProblem, VieclamError};
use crate::geo::LocationFix;
use crate::types::Language;

/// A point of a ring, WGS84 degrees.
#[derive(Clone, Copy, Debug, PartialEq, uniffi::Record)]
pub struct GeoPoint {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A plot measured on foot.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct WalkedPlot {
    /// The closed ring in walking order, first point repeated at the end.
    pub ring: Vec<GeoPoint>,
    /// Area on the WGS84 ellipsoid, hectares.
    pub area_ha: f64,
    /// Perimeter on the WGS84 ellipsoid, metres.
    pub perimeter_m: f64,
    /// Fixes dropped as too imprecise (or invalid).
    pub dropped_points: u32,
    /// Distinct corners kept (the closing repeat not counted).
    pub used_points: u32,
    /// How many kept corners carried the mock-location flag: an auditor must see it.
    pub mocked_points: u32,
    /// The figures as a sentence ("Diện tích đo được 1,00 ha, chu vi 400 m …").
    pub message: String,
    /// The area alone, as people read it ("1,00 ha").
    pub area_text: String,
    /// The perimeter alone, as people read it ("400 m", "1,2 km").
    pub perimeter_text: String,
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A walk that makes no plot, as a problem on the `walk` field with its figures filled in both languages.
fn refusal(e: WalkError) -> VieclamError {
    VieclamError::Invalid {
        fields: vec![FieldProblem {
            field: "walk".to_owned(),
            code: e.code().to_owned(),
            message_vi: e.message(Lang::Vi),
            message_en: e.message(Lang::En),
        }],
    }
}

/// The core's plot from the app's fixes.
fn measured(fixes: &[LocationFix]) -> Result<core::WalkedPlot, VieclamError> {
    let fixes =
        fixes.iter().enumerate().map(|(i, f)| f.to_core(&format!("fixes[{i}]"))).collect::<Result<Vec<_>, _>>()?;
    core::plot_from_walk(&fixes, &CheckSettings::default()).map_err(refusal)
}

fn view(plot: &core::WalkedPlot, lang: Language) -> WalkedPlot {
    WalkedPlot {
        ring: plot.ring.iter().map(|&[lon, lat]| GeoPoint { lat, lon }).collect(),
        area_ha: plot.area_ha,
        perimeter_m: plot.perimeter_m,
        dropped_points: small(plot.dropped_points),
        used_points: small(plot.used_points),
        mocked_points: small(plot.mocked_points),
        message: plot.message(lang.into()),
        area_text: plot.area_text(lang.into()),
        perimeter_text: plot.perimeter_text(lang.into()),
    }
}

/// Makes a plot from the fixes of a boundary walk, in walking order (either direction), under the office's
/// settings: imprecise fixes are dropped, standing still is merged, the ring is closed. `Invalid` on field `walk`
/// (`walk.too_few_points`, `walk.self_intersecting`) when the walk makes no plot, or on `fixes[i].time` for a bad
/// timestamp.
#[uniffi::export]
pub fn walk_plot(fixes: Vec<LocationFix>, lang: Language) -> Result<WalkedPlot, VieclamError> {
    Ok(view(&measured(&fixes)?, lang))
}

/// The walk recorded on a check.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RecordedWalk {
    /// The check walked on.
    pub check_id: String,
    /// The plot as measured.
    pub plot: WalkedPlot,
    /// The area the loan funded when the walk was recorded, hectares (0 when the loan file names none).
    pub funded_ha: f64,
    /// The comparison's stable code: `matches`, `smaller`, `larger` or `unknown`.
    pub verdict: String,
    /// The comparison as a sentence with both areas ("Diện tích đo được 0,80 ha nhỏ hơn 20% …").
    pub verdict_text: String,
    /// When it was recorded (UTC ISO 8601).
    pub walked_at: String,
}

fn recorded(r: &PlotWalkRecord, lang: Language) -> RecordedWalk {
    RecordedWalk {
        check_id: r.check_id.clone(),
        plot: view(&r.plot(), lang),
        funded_ha: r.funded_ha,
        verdict: r.verdict.code().to_owned(),
        verdict_text: r.verdict.message(r.area_ha, r.funded_ha, lang.into()),
        walked_at: r.walked_at.clone(),
    }
}

#[uniffi::export]
impl VieclamStore {
    /// Measures the walk of `fixes` and records it on open check `check_id` at `now` (RFC 3339): compared with the
    /// area the site's loan funded, signed into the device's chain and queued to go up. A new walk of the same
    /// check replaces the last. `Invalid` on `walk` when the fixes make no plot (`walk.too_few_points`,
    /// `walk.self_intersecting`, …), `Locked` on a finished check, `NotFound` for an unknown check, `NotEnrolled`
    /// before enrolment; then nothing is written.
    pub fn record_walk(
        &self,
        check_id: String,
        fixes: Vec<LocationFix>,
        now: String,
        lang: Language,
    ) -> Result<RecordedWalk, VieclamError> {
        let plot = measured(&fixes)?;
        let now = instant("now", &now)?;
        let tolerance = CheckSettings::default().area_tolerance;
        let rec = self.with(|s| {
            let signer = identity(s)?;
            lc::record_walk(s, &signer, &check_id, &plot, tolerance, now)
        })?;
        Ok(recorded(&rec, lang))
    }

    /// The walk recorded on check `check_id`, if one was.
    pub fn check_walk(&self, check_id: String, lang: Language) -> Result<Option<RecordedWalk>, VieclamError> {
        Ok(self.with(|s| lc::walk_of(s, &check_id))?.map(|r| recorded(&r, lang)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fix `north_m` / `east_m` metres from a point in Lộc Bình, a second apart.
    fn fix(i: usize, north_m: f64, east_m: f64) -> LocationFix {
        LocationFix {
            lat: 21.75 + north_m / 111_320.0,
            lon: 106.9 + east_m / (111_320.0 * 21.75_f64.to_radians().cos()),
            accuracy_m: 3.0,
            altitude_m: None,
            time: format!("2025-10-14T08:30:{:02}+07:00", i % 60),
            provider: "gps".into(),
            satellites: Some(9),
            mocked: false,
        }
    }

    #[test]
    fn a_walked_square_of_100_m_is_one_hectare() {
        let corners = [(0.0, 0.0), (0.0, 100.0), (100.0, 100.0), (100.0, 0.0)];
        let fixes: Vec<LocationFix> = corners.iter().enumerate().map(|(i, &(n, e))| fix(i, n, e)).collect();
        // The area's text is the core's, in the screen's language: a decimal comma in Vietnamese.
        assert_eq!(walk_plot(fixes.clone(), Language::Vi).expect("plot").area_text, "1,00 ha");
        let plot = walk_plot(fixes, Language::En).expect("a square makes a plot");
        assert_eq!(plot.area_text, "1.00 ha");
        assert!((plot.area_ha - 1.0).abs() < 0.01, "{}", plot.area_ha);
        assert!((plot.perimeter_m - 400.0).abs() < 2.0, "{}", plot.perimeter_m);
        assert_eq!((plot.used_points, plot.dropped_points, plot.ring.len()), (4, 0, 5));
        assert_eq!(plot.ring.first(), plot.ring.last());
    }

    #[test]
    fn a_walk_is_recorded_on_an_open_check_and_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store =
            VieclamStore::open(dir.path().join("w.db").to_string_lossy().into_owned(), vec![6; 32]).expect("open");
        store.load_demo(100, 3, "2025-10-20".into()).expect("demo");
        let corners = [(0.0, 0.0), (0.0, 100.0), (100.0, 100.0), (100.0, 0.0)];
        let fixes: Vec<LocationFix> = corners.iter().enumerate().map(|(i, &(n, e))| fix(i, n, e)).collect();
        let now = "2025-10-14T08:40:00+07:00".to_string();
        let site = store
            .with(|s| {
                vieclam_core::query::sites_near(s, 21.75, 106.9, 1, vieclam_core::query::SiteScope::All, Lang::Vi)
            })
            .expect("sites")
            .remove(0)
            .site_id;
        // Not enrolled: nothing is signed, so nothing is written.
        let Err(VieclamError::NotEnrolled) =
            store.record_walk("no-check".into(), fixes.clone(), now.clone(), Language::Vi)
        else {
            panic!("a device must enrol first")
        };
        store.enrol_device().expect("enrol");
        let check = store.start_check(site, fixes[0].clone(), now.clone()).expect("started");
        assert_eq!(store.check_walk(check.clone(), Language::Vi).expect("read"), None);
        let walk = store.record_walk(check.clone(), fixes.clone(), now.clone(), Language::En).expect("recorded");
        assert_eq!(walk.plot.area_text, "1.00 ha");
        assert!(["matches", "smaller", "larger", "unknown"].contains(&walk.verdict.as_str()));
        assert!(walk.verdict_text.contains("1.00 ha"), "{}", walk.verdict_text);
        assert_eq!(store.check_walk(check.clone(), Language::En).expect("read"), Some(walk));
        let Err(VieclamError::Invalid { fields }) = store.record_walk(check, fixes[..2].to_vec(), now, Language::Vi)
        else {
            panic!("two points make no plot")
        };
        assert_eq!(fields[0].code, "walk.too_few_points");
    }

    #[test]
    fn too_few_points_and_a_bad_time_are_invalid_on_their_field() {
        let Err(VieclamError::Invalid { fields }) = walk_plot(vec![fix(0, 0.0, 0.0), fix(1, 0.0, 50.0)], Language::Vi)
        else {
            panic!("two points make no plot")
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("walk", "walk.too_few_points"));
        assert!(!fields[0].message_en.contains('{'), "placeholders filled: {}", fields[0].message_en);
        let mut late = fix(1, 0.0, 50.0);
        late.time = "yesterday".into();
        let Err(VieclamError::Invalid { fields }) = walk_plot(vec![fix(0, 0.0, 0.0), late], Language::Vi) else {
            panic!("a bad time is refused")
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("fixes[1].time", "time.invalid"));
    }
}
