//! A plot measured by walking its boundary, through the FFI: the fixes taken on the way in, the cleaned ring with
//! its area and perimeter out. A free function: it needs no store.

use vieclam_core::Lang;
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::walk::{self as core, WalkError};

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

/// Makes a plot from the fixes of a boundary walk, in walking order (either direction), under the office's
/// settings: imprecise fixes are dropped, standing still is merged, the ring is closed. `Invalid` on field `walk`
/// (`walk.too_few_points`, `walk.self_intersecting`) when the walk makes no plot, or on `fixes[i].time` for a bad
/// timestamp.
#[uniffi::export]
pub fn walk_plot(fixes: Vec<LocationFix>, lang: Language) -> Result<WalkedPlot, VieclamError> {
    let fixes =
        fixes.iter().enumerate().map(|(i, f)| f.to_core(&format!("fixes[{i}]"))).collect::<Result<Vec<_>, _>>()?;
    let plot = core::plot_from_walk(&fixes, &CheckSettings::default()).map_err(refusal)?;
    Ok(WalkedPlot {
        ring: plot.ring.iter().map(|&[lon, lat]| GeoPoint { lat, lon }).collect(),
        area_ha: plot.area_ha,
        perimeter_m: plot.perimeter_m,
        dropped_points: small(plot.dropped_points),
        used_points: small(plot.used_points),
        mocked_points: small(plot.mocked_points),
        message: plot.message(lang.into()),
        area_text: plot.area_text(lang.into()),
    })
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
