//! Photos through the FFI: the camera's JPEG into an open check (stamped visibly, written with EXIF GPS and time,
//! hashed, stored under its SHA-256 in the app's photo folder, signed and flagged), and a JPEG's own EXIF read
//! back, so an app can show where a picture claims to have been taken.

use chrono::{NaiveDateTime, TimeZone};
use vieclam_core::checks::lifecycle::{self as lc, PhotoFlags};
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::evidence::exif::{self, ExifError};
use vieclam_core::evidence::photo::PhotoStore;

use crate::checks::{believable, identity};
use crate::error::{FieldProblem, VieclamError};
use crate::geo::LocationFix;
use crate::store::VieclamStore;
use crate::types::iso_instant;

/// A photo as stored on a check.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct AddedPhoto {
    /// The photo record's id.
    pub id: String,
    /// SHA-256 of the stored JPEG, hex: its name in the photo folder.
    pub sha256: String,
    /// The stored file, to show it.
    pub path: String,
    /// Width of the stored JPEG.
    pub width: u32,
    /// Height of the stored JPEG.
    pub height: u32,
    /// Size of the stored JPEG in bytes.
    pub size_bytes: u64,
    /// Stable codes of the flags set (`reused`, `gps_disagrees`, `late`); flags never refuse a photo.
    pub flag_codes: Vec<String>,
    /// Metres between the camera's own GPS and the fix, when the camera had GPS.
    pub gps_gap_m: Option<f64>,
    /// Whole minutes from the start of the visit to the photo.
    pub delay_min: i64,
}

/// A position read from a JPEG's EXIF GPS tags, WGS84 degrees (south and west negative).
#[derive(Clone, Copy, Debug, PartialEq, uniffi::Record)]
pub struct ExifGps {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Metres above sea level, when written.
    pub altitude_m: Option<f64>,
    /// The horizontal error the camera claimed, metres, when written.
    pub horizontal_error_m: Option<f64>,
}

/// What a JPEG's EXIF block says, as far as it could be read (a JPEG without EXIF gives all nulls).
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ExifInfo {
    /// Where, if both latitude and longitude were readable and in range.
    pub gps: Option<ExifGps>,
    /// When, as the camera's local wall time `yyyy-MM-ddTHH:mm:ss[.fff]`, without an offset.
    pub taken_at_local: Option<String>,
    /// When, as an RFC 3339 instant in UTC: only when the camera also wrote its UTC offset.
    pub taken_at: Option<String>,
    /// EXIF orientation 1..=8 (1 = upright).
    pub orientation: u16,
    /// The check id our own pipeline writes into every photo it stores.
    pub check_id: Option<String>,
}

fn local_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.f").to_string()
}

impl From<exif::ExifInfo> for ExifInfo {
    fn from(e: exif::ExifInfo) -> Self {
        let instant = match (e.taken_at, e.offset) {
            (Some(t), Some(offset)) => {
                offset.from_local_datetime(&t).single().map(|t| iso_instant(t.with_timezone(&chrono::Utc)))
            }
            _ => None,
        };
        ExifInfo {
            gps: e.gps.map(|g| ExifGps {
                lat: g.lat,
                lon: g.lon,
                altitude_m: g.altitude_m,
                horizontal_error_m: g.horizontal_error_m,
            }),
            taken_at_local: e.taken_at.map(local_text),
            taken_at: instant,
            orientation: e.orientation,
            check_id: e.check_id,
        }
    }
}

fn added(taken: lc::TakenPhoto, photos: &PhotoStore) -> AddedPhoto {
    let PhotoFlags { gps_gap_m, delay_min, .. } = taken.flags;
    AddedPhoto {
        path: photos.path(&taken.sha256).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default(),
        flag_codes: taken.flags.codes().into_iter().map(str::to_owned).collect(),
        id: taken.id,
        sha256: taken.sha256,
        width: taken.width,
        height: taken.height,
        size_bytes: taken.size_bytes,
        gps_gap_m,
        delay_min,
    }
}

/// Reads the EXIF block of a JPEG. Bytes that are not a JPEG, or an EXIF block that cannot be parsed at all, are
/// `Invalid` on field `jpeg` (`exif.not_jpeg`, `exif.malformed`).
#[uniffi::export]
pub fn read_exif(jpeg: Vec<u8>) -> Result<ExifInfo, VieclamError> {
    exif::read_exif(&jpeg).map(Into::into).map_err(|e: ExifError| VieclamError::Invalid {
        fields: vec![FieldProblem {
            field: "jpeg".to_owned(),
            code: e.code().to_owned(),
            message_vi: e.message(vieclam_core::Lang::Vi),
            message_en: e.message(vieclam_core::Lang::En),
        }],
    })
}

#[uniffi::export]
impl VieclamStore {
    /// Takes the camera's `jpeg` into open check `check_id`, taken where and when `fix` says: the photo is
    /// resized, stamped, given EXIF GPS and time, hashed, stored in `photos_dir` under its SHA-256, then recorded
    /// (signed, flagged, queued for the server). A file stored before a failed record is harmless: the same bytes
    /// find it again.
    ///
    /// `rotation_degrees` is how far the camera says the pixels must turn clockwise to be upright: Android's
    /// CameraX `imageInfo.rotationDegrees` (some drivers do not write it into the EXIF); 0 on iOS, whose JPEG
    /// carries its own EXIF orientation. The core stores the photo upright either way, never turning it twice.
    ///
    /// `Invalid` on field `photo` for bytes the pipeline refuses (`photo.not_jpeg`, `photo.too_large`,
    /// `photo.bad_rotation`, …) or on `fix` for an impossible fix; `Locked` on a finished check; `NotEnrolled`
    /// before enrolment.
    pub fn add_photo(
        &self,
        check_id: String,
        jpeg: Vec<u8>,
        rotation_degrees: u16,
        fix: LocationFix,
        photos_dir: String,
    ) -> Result<AddedPhoto, VieclamError> {
        let fix = believable(&fix, "fix")?;
        let photos = PhotoStore::new(photos_dir);
        let taken = self.with(|s| {
            let signer = identity(s)?;
            let position = Some((fix.lat, fix.lon));
            let settings = CheckSettings::default();
            let camera = lc::CameraJpeg { bytes: &jpeg, rotation_degrees };
            let accuracy = Some(fix.accuracy_m);
            lc::take_photo_turned(s, &signer, &check_id, camera, position, accuracy, &photos, &settings, fix.time)
        })?;
        Ok(added(taken, &photos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_a_jpeg_are_invalid_on_the_jpeg_field() {
        let Err(VieclamError::Invalid { fields }) = read_exif(b"GIF89a".to_vec()) else { panic!("not a JPEG") };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("jpeg", "exif.not_jpeg"));
        assert!(!fields[0].message_vi.is_empty() && !fields[0].message_en.is_empty());
    }

    #[test]
    fn a_jpeg_without_exif_reads_as_nothing_known() {
        // Start of image, then end of image: the smallest byte string the reader takes for a JPEG.
        let info = read_exif(vec![0xFF, 0xD8, 0xFF, 0xD9]).expect("a JPEG with no EXIF is fine");
        assert_eq!(info, ExifInfo { gps: None, taken_at_local: None, taken_at: None, orientation: 1, check_id: None });
    }
}
