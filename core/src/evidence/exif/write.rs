//! Writes the EXIF block of a processed evidence photo: the fix's position and accuracy, the fix time with its UTC
//! offset, the check id, and Orientation 1 (the pixels are already upright).
//!
//! Coordinates go out as unsigned degrees/minutes/seconds with N/S and E/W references, the form every reader
//! understands; seconds carry four decimals (about 3 mm), so [`super::read_exif`] gives back the stamp's position to
//! well within 1e-6°.

use chrono::{Datelike, Timelike, Utc};
use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};

use crate::evidence::photo::Stamp;

/// Seconds of arc are written with this denominator.
const SECONDS_DENOM: u32 = 10_000;

/// The TIFF bytes (the part after `Exif\0\0`) for a photo of `width` × `height` carrying `stamp`.
pub(crate) fn stamp_exif(stamp: &Stamp, width: u32, height: u32) -> Result<Vec<u8>, exif::Error> {
    let fields = stamp_fields(stamp, width, height);
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    writer.write(&mut out, true)?;
    Ok(out.into_inner())
}

fn stamp_fields(stamp: &Stamp, width: u32, height: u32) -> Vec<Field> {
    let local = stamp.taken_at.naive_local();
    let utc = stamp.taken_at.with_timezone(&Utc);
    let offset_secs = stamp.taken_at.offset().local_minus_utc();
    let offset = format!(
        "{}{:02}:{:02}",
        if offset_secs < 0 { '-' } else { '+' },
        offset_secs.unsigned_abs() / 3600,
        offset_secs.unsigned_abs() % 3600 / 60
    );
    let mut fields = vec![
        field(Tag::Orientation, Value::Short(vec![1])),
        field(Tag::Software, ascii("Vieclam")),
        field(Tag::ExifVersion, Value::Undefined(b"0232".to_vec(), 0)),
        field(Tag::DateTimeOriginal, ascii(&local.format("%Y:%m:%d %H:%M:%S").to_string())),
        field(Tag::OffsetTimeOriginal, ascii(&offset)),
        field(Tag::ImageUniqueID, ascii(&stamp.check_id)),
        field(Tag::PixelXDimension, Value::Long(vec![width])),
        field(Tag::PixelYDimension, Value::Long(vec![height])),
        field(Tag::GPSVersionID, Value::Byte(vec![2, 3, 0, 0])),
        field(Tag::GPSLatitudeRef, ascii(if stamp.lat < 0.0 { "S" } else { "N" })),
        field(Tag::GPSLatitude, Value::Rational(dms(stamp.lat).to_vec())),
        field(Tag::GPSLongitudeRef, ascii(if stamp.lon < 0.0 { "W" } else { "E" })),
        field(Tag::GPSLongitude, Value::Rational(dms(stamp.lon).to_vec())),
        field(Tag::GPSMapDatum, ascii("WGS-84")),
        field(Tag::GPSHPositioningError, Value::Rational(vec![centi(stamp.accuracy_m)])),
        field(Tag::GPSTimeStamp, Value::Rational(vec![whole(utc.hour()), whole(utc.minute()), whole(utc.second())])),
        field(Tag::GPSDateStamp, ascii(&format!("{:04}:{:02}:{:02}", utc.year(), utc.month(), utc.day()))),
    ];
    let millis = local.and_utc().timestamp_subsec_millis();
    if millis > 0 {
        fields.push(field(Tag::SubSecTimeOriginal, ascii(&format!("{millis:03}"))));
    }
    if let Some(alt) = stamp.altitude_m.filter(|a| a.is_finite()) {
        fields.push(field(Tag::GPSAltitudeRef, Value::Byte(vec![u8::from(alt < 0.0)])));
        fields.push(field(Tag::GPSAltitude, Value::Rational(vec![centi(alt.abs())])));
    }
    fields
}

fn field(tag: Tag, value: Value) -> Field {
    Field { tag, ifd_num: In::PRIMARY, value }
}

fn ascii(text: &str) -> Value {
    Value::Ascii(vec![text.as_bytes().to_vec()])
}

fn whole(n: u32) -> Rational {
    Rational { num: n, denom: 1 }
}

/// A non-negative quantity in hundredths (metres to the centimetre).
fn centi(value: f64) -> Rational {
    // Saturating float-to-int cast: absurd values clamp instead of wrapping; the stamp is validated before this.
    Rational { num: (value.max(0.0) * 100.0).round() as u32, denom: 100 }
}

/// |degrees| as whole degrees, whole minutes and seconds in ten-thousandths, computed from one integer so that
/// rounding can never produce 60 seconds.
fn dms(degrees: f64) -> [Rational; 3] {
    let total = (degrees.abs() * 3600.0 * f64::from(SECONDS_DENOM)).round() as u64;
    let per_degree = 3600 * u64::from(SECONDS_DENOM);
    let per_minute = 60 * u64::from(SECONDS_DENOM);
    let d = total / per_degree;
    let m = total % per_degree / per_minute;
    let s = total % per_minute;
    // d ≤ 180, m < 60 and s < 600,000 always fit in u32.
    let to_u32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    [whole(to_u32(d)), whole(to_u32(m)), Rational { num: to_u32(s), denom: SECONDS_DENOM }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dms_splits_without_sixty_seconds() {
        let [d, m, s] = dms(21.545123);
        assert_eq!((d.num, m.num), (21, 32));
        assert_eq!((s.num, s.denom), (424_428, 10_000)); // 42.4428″
        let [d, m, s] = dms(-107.999_999_999);
        assert_eq!((d.num, m.num, s.num), (108, 0, 0));
    }
}
