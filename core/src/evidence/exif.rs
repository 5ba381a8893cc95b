//! Reads what a camera wrote into a JPEG's EXIF block: where (GPS), when (original time and its UTC offset), which
//! way up (orientation), and the check id our own pipeline writes.
//!
//! The photo pipeline keeps this as the photo's *source* record, and the checks compare it with the inspector's fix
//! to flag a photo whose own EXIF disagrees with where and when it was said to be taken. Cameras and editors write
//! EXIF loosely, so the reader is forgiving: a field it cannot make sense of is left out (never a panic, never NaN)
//! and the rest is still read. Only bytes that are not a JPEG at all are an error.
//!
//! # Hemispheres: the rule for signs
//! EXIF stores latitude and longitude as unsigned degrees/minutes/seconds plus a reference letter (N/S, E/W). Some
//! writers instead store negative (signed) degrees, and some of those *also* set S or W. We read the magnitude from
//! the numbers and apply the sign **once**: the value is south (west) when the stored numbers are negative **or** the
//! reference says S (W). So −106.7 with W is 106.7° W, not east, and −106.7 with no reference is 106.7° W too. A
//! negative value with an explicit N (E) reference is still south (west): a writer that went to the trouble of a
//! minus sign meant it, and the letter is far more often a default. A missing or unknown reference on a positive value
//! counts as N (E).

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use exif::{Exif, Field, In, Tag, Value};

use crate::messages::{Lang, Text, evidence_photo as msg};

pub(crate) mod write;

#[cfg(test)]
mod tests;

/// A position read from EXIF GPS tags, in WGS-84 decimal degrees (south and west negative).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GpsPosition {
    /// Latitude, −90..=90.
    pub lat: f64,
    /// Longitude, −180..=180.
    pub lon: f64,
    /// Metres above sea level (negative below), when the camera wrote it.
    pub altitude_m: Option<f64>,
    /// GPSHPositioningError: the horizontal error the camera claimed, in metres.
    pub horizontal_error_m: Option<f64>,
}

/// What a JPEG's EXIF block says, as far as it could be read. `Default` is a photo with no EXIF at all.
#[derive(Clone, Debug, PartialEq)]
pub struct ExifInfo {
    /// Where, if both latitude and longitude were readable and in range.
    pub gps: Option<GpsPosition>,
    /// DateTimeOriginal (else DateTime) as the camera's local wall time, with SubSecTimeOriginal when present.
    pub taken_at: Option<NaiveDateTime>,
    /// OffsetTimeOriginal (else OffsetTime): the UTC offset of `taken_at`, when the camera wrote one.
    pub offset: Option<FixedOffset>,
    /// EXIF orientation 1..=8 (1 = upright); 1 when absent or out of range.
    pub orientation: u16,
    /// The check id written by our pipeline (ImageUniqueID, else an ASCII UserComment).
    pub check_id: Option<String>,
}

impl Default for ExifInfo {
    fn default() -> Self {
        ExifInfo { gps: None, taken_at: None, offset: None, orientation: 1, check_id: None }
    }
}

/// Why [`read_exif`] could not read anything.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExifError {
    /// The bytes do not start like a JPEG file.
    #[error("not a JPEG file")]
    NotJpeg,
    /// The file has an EXIF block whose header or first directory cannot be parsed at all.
    #[error("the EXIF block is damaged: {0}")]
    Malformed(String),
}

impl ExifError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ExifError::NotJpeg => "exif.not_jpeg",
            ExifError::Malformed(_) => "exif.malformed",
        }
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let text: Text = match self {
            ExifError::NotJpeg => msg::EXIF_NOT_JPEG,
            ExifError::Malformed(_) => msg::EXIF_MALFORMED,
        };
        text.get(lang).to_owned()
    }
}

/// Reads the EXIF block of a JPEG. A JPEG without EXIF is `Ok` with [`ExifInfo::default`]; bytes that are not a JPEG
/// are [`ExifError::NotJpeg`]. Never panics, whatever the input.
pub fn read_exif(jpeg: &[u8]) -> Result<ExifInfo, ExifError> {
    if !is_jpeg(jpeg) {
        return Err(ExifError::NotJpeg);
    }
    let Some(tiff) = find_exif_segment(jpeg) else {
        return Ok(ExifInfo::default());
    };
    let mut reader = exif::Reader::new();
    reader.continue_on_error(true);
    // A directory that fails half-way still gives us the fields before it: cameras' maker notes and thumbnails are
    // often broken while GPS and time are fine.
    let parsed = reader
        .read_raw(tiff.to_vec())
        .or_else(|e| e.distill_partial_result(|_ignored| {}))
        .map_err(|e| ExifError::Malformed(e.to_string()))?;
    Ok(interpret(&parsed))
}

/// True when `bytes` start with a JPEG's start-of-image marker followed by another marker.
pub(crate) fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.len() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF
}

/// The TIFF bytes of the first `APP1 "Exif\0"` segment before the image data, if there is one.
fn find_exif_segment(jpeg: &[u8]) -> Option<&[u8]> {
    let mut pos = 2;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while jpeg.get(pos) == Some(&0xFF) && jpeg.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        if jpeg.get(pos) != Some(&0xFF) {
            return None;
        }
        let marker = *jpeg.get(pos + 1)?;
        pos += 2;
        match marker {
            // Start of scan or end of image: metadata comes before these.
            0xDA | 0xD9 => return None,
            // Markers without a length field.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*jpeg.get(pos)?, *jpeg.get(pos + 1)?]));
        if len < 2 {
            return None;
        }
        let payload = jpeg.get(pos + 2..pos + len)?;
        if marker == 0xE1 && payload.starts_with(b"Exif\0") && payload.len() > 6 {
            return Some(&payload[6..]);
        }
        pos += len;
    }
}

fn interpret(exif: &Exif) -> ExifInfo {
    let field = |tag: Tag| exif.get_field(tag, In::PRIMARY);
    let taken_at = field(Tag::DateTimeOriginal)
        .and_then(|f| parse_datetime(f, field(Tag::SubSecTimeOriginal)))
        .or_else(|| field(Tag::DateTime).and_then(|f| parse_datetime(f, field(Tag::SubSecTime))));
    let offset =
        field(Tag::OffsetTimeOriginal).and_then(parse_offset).or_else(|| field(Tag::OffsetTime).and_then(parse_offset));
    let orientation = field(Tag::Orientation)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|v| u16::try_from(v).ok())
        .filter(|v| (1..=8).contains(v))
        .unwrap_or(1);
    let check_id = field(Tag::ImageUniqueID)
        .and_then(|f| ascii_text(&f.value))
        .or_else(|| field(Tag::UserComment).and_then(user_comment));
    ExifInfo { gps: read_gps(exif), taken_at, offset, orientation, check_id }
}

fn read_gps(exif: &Exif) -> Option<GpsPosition> {
    let field = |tag: Tag| exif.get_field(tag, In::PRIMARY);
    let lat = signed_coordinate(field(Tag::GPSLatitude)?, field(Tag::GPSLatitudeRef), b'S')?;
    let lon = signed_coordinate(field(Tag::GPSLongitude)?, field(Tag::GPSLongitudeRef), b'W')?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    let below_sea = field(Tag::GPSAltitudeRef).and_then(|f| f.value.get_uint(0)) == Some(1);
    let altitude_m =
        field(Tag::GPSAltitude).and_then(|f| number(&f.value, 0)).map(|a| if below_sea { -a.abs() } else { a });
    let horizontal_error_m = field(Tag::GPSHPositioningError).and_then(|f| number(&f.value, 0)).filter(|e| *e >= 0.0);
    Some(GpsPosition { lat, lon, altitude_m, horizontal_error_m })
}

/// Degrees from up to three components (degrees, minutes, seconds, each possibly fractional), signed by the rule in
/// the module docs. Any unreadable component (zero denominator, wrong type) drops the whole coordinate.
fn signed_coordinate(values: &Field, reference: Option<&Field>, negative_ref: u8) -> Option<f64> {
    let count = match &values.value {
        Value::Rational(v) => v.len(),
        Value::SRational(v) => v.len(),
        Value::Double(v) => v.len(),
        Value::Float(v) => v.len(),
        _ => return None,
    };
    if count == 0 {
        return None;
    }
    let mut magnitude = 0.0;
    let mut negative = false;
    for (i, scale) in [1.0, 60.0, 3600.0].into_iter().enumerate().take(count) {
        let part = number(&values.value, i)?;
        negative |= part < 0.0;
        magnitude += part.abs() / scale;
    }
    let reference_says_negative = reference
        .and_then(|f| ascii_text(&f.value))
        .and_then(|s| s.bytes().next())
        .is_some_and(|c| c.eq_ignore_ascii_case(&negative_ref));
    let value = if negative || reference_says_negative { -magnitude } else { magnitude };
    value.is_finite().then_some(value)
}

/// Component `i` of a numeric value as a finite f64; `None` for a zero denominator or a non-numeric type.
fn number(value: &Value, i: usize) -> Option<f64> {
    let n = match value {
        Value::Rational(v) => {
            let r = v.get(i)?;
            (r.denom != 0).then(|| f64::from(r.num) / f64::from(r.denom))?
        }
        Value::SRational(v) => {
            let r = v.get(i)?;
            (r.denom != 0).then(|| f64::from(r.num) / f64::from(r.denom))?
        }
        Value::Double(v) => *v.get(i)?,
        Value::Float(v) => f64::from(*v.get(i)?),
        other => f64::from(other.get_uint(i)?),
    };
    n.is_finite().then_some(n)
}

/// The first string of an ASCII value, trimmed; `None` when empty or not ASCII.
fn ascii_text(value: &Value) -> Option<String> {
    let Value::Ascii(strings) = value else { return None };
    let raw = strings.first()?;
    let text = std::str::from_utf8(raw).ok()?.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    (!text.is_empty()).then(|| text.to_owned())
}

/// A UserComment whose 8-byte character-code prefix says ASCII (or is undefined, all zero, with ASCII after it).
fn user_comment(field: &Field) -> Option<String> {
    let Value::Undefined(bytes, _) = &field.value else { return None };
    let (code, text) = (bytes.get(..8)?, bytes.get(8..)?);
    if code != b"ASCII\0\0\0" && code != [0u8; 8] {
        return None;
    }
    let text = std::str::from_utf8(text).ok()?.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    (!text.is_empty() && text.is_ascii()).then(|| text.to_owned())
}

/// `YYYY:MM:DD HH:MM:SS` (blank-filled values mean unknown) plus optional sub-second digits.
fn parse_datetime(field: &Field, subsec: Option<&Field>) -> Option<NaiveDateTime> {
    let text = ascii_text(&field.value)?;
    let b = text.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let s = text.get(range)?;
        if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)?;
    let mut nanos = 0;
    if let Some(digits) = subsec.and_then(|f| ascii_text(&f.value)) {
        let digits: String = digits.chars().take_while(char::is_ascii_digit).take(9).collect();
        if !digits.is_empty() {
            let value: u32 = digits.parse().ok()?;
            nanos = value * 10u32.pow(9 - u32::try_from(digits.len()).ok()?);
        }
    }
    let time = NaiveTime::from_hms_nano_opt(num(11..13)?, num(14..16)?, num(17..19)?, nanos)?;
    Some(date.and_time(time))
}

/// `+HH:MM` / `-HH:MM` as in OffsetTimeOriginal.
fn parse_offset(field: &Field) -> Option<FixedOffset> {
    let text = ascii_text(&field.value)?;
    let b = text.as_bytes();
    let digits_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if b.len() != 6 || b[3] != b':' || ![1, 2, 4, 5].into_iter().all(digits_at) {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = text.get(1..3)?.parse().ok()?;
    let minutes: i32 = text.get(4..6)?.parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}
