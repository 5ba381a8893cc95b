//! The evidence photo pipeline: camera JPEG in, stamped and geotagged JPEG out, with its SHA-256.
//!
//! Steps, each in its own file: [`decode`] (reject what is not a sound JPEG, within size limits), [`raster`] (resize
//! so the long edge is 1600 px, never up, then turn upright by the camera's EXIF orientation), [`stamp`] (a dark
//! band with the fix time, coordinates, commune and check code in white, in a bundled font that has every Vietnamese
//! letter), [`encode`] (JPEG at quality ≈ 80 with our own EXIF, within the output byte budget), then the hash.
//! [`store`] keeps the results by hash. Signing the hash is the signing module's job.
//!
//! Resizing comes before rotating because it is the step that touches the 12-megapixel image; rotating the
//! 2-megapixel result is cheap. Design budget P5: a 4000×3000 input in ≤ 400 ms on one core and ≤ 400 KB out.

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use crate::evidence::exif::{self, ExifError, ExifInfo};
use crate::messages::{Lang, Text, evidence_photo as msg};

mod decode;
mod encode;
mod raster;
pub mod stamp;
pub mod store;

#[cfg(test)]
pub(crate) mod test_jpeg;
#[cfg(test)]
mod tests;

pub use store::{PhotoStore, PhotoStoreError};

/// What the visible stamp and the written EXIF say: the inspector's fix and the check the photo belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    /// The fix time, in the offset it should be shown in (+07:00 in Vietnam).
    pub taken_at: DateTime<FixedOffset>,
    /// Latitude in decimal degrees, south negative.
    pub lat: f64,
    /// Longitude in decimal degrees, west negative.
    pub lon: f64,
    /// Metres above sea level, when the fix had one.
    pub altitude_m: Option<f64>,
    /// The fix's horizontal accuracy in metres.
    pub accuracy_m: f64,
    /// The commune's name as people write it ("Đình Lập").
    pub commune_name: String,
    /// The check's short code shown to people.
    pub check_code: String,
    /// The check's id, written into the EXIF (ImageUniqueID) so the photo names its check.
    pub check_id: String,
}

/// Knobs of the pipeline. The defaults are the product's.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoSettings {
    /// Long edge of the output in pixels; smaller inputs keep their size.
    pub long_edge: u32,
    /// JPEG quality to try first (1–100).
    pub quality: u8,
    /// The output must not exceed this many bytes; quality steps down (to `min_quality`) until it fits.
    pub max_output_bytes: usize,
    /// The lowest quality the budget may push the encoder to.
    pub min_quality: u8,
    /// Inputs larger than this are refused before decoding.
    pub max_input_bytes: usize,
    /// Inputs with more pixels than this are refused before decoding (memory on a 2 GB phone).
    pub max_input_pixels: u64,
}

impl Default for PhotoSettings {
    fn default() -> Self {
        PhotoSettings {
            long_edge: 1600,
            quality: 80,
            max_output_bytes: 400_000,
            min_quality: 50,
            max_input_bytes: 40_000_000,
            // 64 MP: every phone camera's default mode, and ~192 MB of RGB at most.
            max_input_pixels: 64_000_000,
        }
    }
}

/// The pipeline's result.
#[derive(Clone, Debug, PartialEq)]
pub struct ProcessedPhoto {
    /// The final JPEG, stamped and with our EXIF.
    pub jpeg: Vec<u8>,
    /// SHA-256 of `jpeg`, lowercase hex.
    pub sha256: String,
    /// Width of `jpeg` in pixels (upright).
    pub width: u32,
    /// Height of `jpeg` in pixels (upright).
    pub height: u32,
    /// What the camera's own EXIF said (default when it had none or it was unreadable), for the flags computed
    /// elsewhere.
    pub source: ExifInfo,
}

/// Why a photo could not be processed. Nothing is stored when this happens.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// The bytes are not a JPEG file.
    #[error("not a JPEG file")]
    NotJpeg,
    /// A JPEG that cannot be decoded.
    #[error("the JPEG cannot be decoded: {0}")]
    Corrupt(String),
    /// The input is larger than the settings allow, in bytes or pixels.
    #[error("the photo is too large: {0}")]
    TooLarge(String),
    /// The stamp's values cannot be written (coordinates out of range, empty check id…).
    #[error("invalid stamp: {0}")]
    BadStamp(String),
    /// Encoding the output failed (a bug or an impossible budget, not the input's fault).
    #[error("the photo could not be encoded: {0}")]
    Encode(String),
    /// The camera's rotation is not one of 0, 90, 180 or 270 degrees.
    #[error("the camera's rotation {0}° is not 0, 90, 180 or 270")]
    BadRotation(u16),
}

impl PhotoError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            PhotoError::NotJpeg => "photo.not_jpeg",
            PhotoError::Corrupt(_) => "photo.corrupt",
            PhotoError::TooLarge(_) => "photo.too_large",
            PhotoError::BadStamp(_) => "photo.bad_stamp",
            PhotoError::Encode(_) => "photo.encode",
            PhotoError::BadRotation(_) => "photo.bad_rotation",
        }
    }

    /// The catalogue entry for this error.
    pub fn text(&self) -> Text {
        match self {
            PhotoError::NotJpeg => msg::PHOTO_NOT_JPEG,
            PhotoError::Corrupt(_) => msg::PHOTO_CORRUPT,
            PhotoError::TooLarge(_) => msg::PHOTO_TOO_LARGE,
            PhotoError::BadStamp(_) => msg::PHOTO_BAD_STAMP,
            PhotoError::Encode(_) => msg::PHOTO_ENCODE,
            PhotoError::BadRotation(_) => msg::PHOTO_BAD_ROTATION,
        }
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.text().get(lang).to_owned()
    }
}

/// A photo the pipeline refused is bad input on the `photo` field: nothing was stored.
impl From<PhotoError> for crate::error::Error {
    fn from(e: PhotoError) -> Self {
        crate::error::Error::Invalid(vec![crate::error::FieldError {
            field: "photo".into(),
            code: e.code().into(),
            message: e.text(),
        }])
    }
}

/// Runs the whole pipeline on a camera JPEG that says its own way up in its EXIF (or is upright). Never panics,
/// whatever `input` holds.
pub fn process(input: &[u8], stamp: &Stamp, s: &PhotoSettings) -> Result<ProcessedPhoto, PhotoError> {
    process_turned(input, 0, stamp, s)
}

/// Runs the whole pipeline on a camera JPEG whose camera also said how far its pixels must turn clockwise to be
/// upright (`rotation_degrees`: 0, 90, 180 or 270, as Android's CameraX gives it in `ImageInfo.rotationDegrees`).
///
/// Some camera drivers write the way up into the JPEG's EXIF, some only report it beside the bytes; a photo of a
/// farm must not be stored sideways either way. An EXIF orientation other than upright wins (it describes these very
/// bytes, and applying both would turn the picture twice); otherwise the camera's rotation is applied. Any other
/// rotation is [`PhotoError::BadRotation`] and nothing is processed. Never panics, whatever `input` holds.
pub fn process_turned(
    input: &[u8],
    rotation_degrees: u16,
    stamp: &Stamp,
    s: &PhotoSettings,
) -> Result<ProcessedPhoto, PhotoError> {
    let turn = raster::orientation_of_rotation(rotation_degrees).ok_or(PhotoError::BadRotation(rotation_degrees))?;
    validate_stamp(stamp)?;
    if input.len() > s.max_input_bytes {
        return Err(PhotoError::TooLarge(format!("{} bytes > {}", input.len(), s.max_input_bytes)));
    }
    let source = match exif::read_exif(input) {
        Ok(info) => info,
        Err(ExifError::NotJpeg) => return Err(PhotoError::NotJpeg),
        // A camera's broken EXIF does not make the picture worthless; it only tells us nothing.
        Err(ExifError::Malformed(_)) => ExifInfo::default(),
    };
    let image = decode::decode(input, s.max_input_pixels)?;
    let image = raster::resize_long_edge(image, s.long_edge)?;
    let orientation = if source.orientation == 1 { turn } else { source.orientation };
    let mut image = raster::orient(image, orientation);
    stamp::draw(&mut image, stamp);
    let jpeg = encode::encode(&image, stamp, s)?;
    Ok(ProcessedPhoto { sha256: sha256_hex(&jpeg), jpeg, width: image.width, height: image.height, source })
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xF)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn validate_stamp(stamp: &Stamp) -> Result<(), PhotoError> {
    let bad = |why: &str| Err(PhotoError::BadStamp(why.to_owned()));
    if !stamp.lat.is_finite() || !(-90.0..=90.0).contains(&stamp.lat) {
        return bad("latitude out of range");
    }
    if !stamp.lon.is_finite() || !(-180.0..=180.0).contains(&stamp.lon) {
        return bad("longitude out of range");
    }
    if !stamp.accuracy_m.is_finite() || stamp.accuracy_m < 0.0 || stamp.accuracy_m > 1.0e6 {
        return bad("accuracy out of range");
    }
    if stamp.altitude_m.is_some_and(|a| !a.is_finite() || a.abs() > 1.0e6) {
        return bad("altitude out of range");
    }
    // ImageUniqueID is an ASCII field; a UUID (36 characters) is what we expect.
    if stamp.check_id.is_empty() || stamp.check_id.len() > 128 || !stamp.check_id.bytes().all(|b| b.is_ascii_graphic())
    {
        return bad("check id must be 1–128 printable ASCII characters");
    }
    Ok(())
}
