//! Test fixtures: photo-like pictures made in code and encoded as JPEG, with whatever EXIF a test wants (either byte
//! order, any field types), so the tests need no binary files.

use exif::experimental::Writer;
use exif::{Field, In, Rational, SRational, Tag, Value};
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};

/// A photo-like RGB picture: smooth gradients and rings with a little sensor-like noise, and a pure red block over
/// the top-left quarter (a quarter of each side) so tests can see which way up it came out.
pub(crate) fn scene(width: u32, height: u32) -> Vec<u8> {
    let mut data = Vec::with_capacity(width as usize * height as usize * 3);
    let mut seed: u32 = 0x9E37_79B9;
    let (cx, cy) = (i64::from(width) / 2, i64::from(height) / 2);
    for y in 0..height {
        for x in 0..width {
            // xorshift32: deterministic noise, ±4 levels.
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let noise = (seed % 9) as i64 - 4;
            let (dx, dy) = (i64::from(x) - cx, i64::from(y) - cy);
            let ring = ((dx * dx + dy * dy) / 4096) % 128;
            let px = if x < width / 4 && y < height / 4 {
                [255, 0, 0]
            } else {
                [
                    (i64::from(x) * 200 / i64::from(width.max(1))) + 30 + noise,
                    (i64::from(y) * 180 / i64::from(height.max(1))) + 40 + noise,
                    ring + 60 + noise,
                ]
            };
            data.extend(px.map(|c| c.clamp(0, 255) as u8));
        }
    }
    data
}

/// A flat grey picture.
pub(crate) fn grey(width: u32, height: u32, level: u8) -> Vec<u8> {
    vec![level; width as usize * height as usize * 3]
}

/// Encodes `rgb` as a JPEG the way phone cameras do (quality 92, 4:2:0 chroma) with `exif` (TIFF bytes) in APP1
/// when given.
pub(crate) fn jpeg(rgb: &[u8], width: u32, height: u32, exif: Option<&[u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = Encoder::new(&mut out, 92);
    encoder.set_sampling_factor(SamplingFactor::F_2_2);
    if let Some(tiff) = exif {
        encoder.add_exif_metadata(tiff).expect("EXIF fits in APP1");
    }
    encoder
        .encode(rgb, u16::try_from(width).expect("width"), u16::try_from(height).expect("height"), ColorType::Rgb)
        .expect("encodes");
    out
}

/// TIFF bytes holding `fields`, in little- or big-endian order.
pub(crate) fn tiff(fields: &[Field], little_endian: bool) -> Vec<u8> {
    let mut writer = Writer::new();
    for f in fields {
        writer.push_field(f);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    writer.write(&mut out, little_endian).expect("writes EXIF");
    out.into_inner()
}

/// A field of the primary image.
pub(crate) fn field(tag: Tag, value: Value) -> Field {
    Field { tag, ifd_num: In::PRIMARY, value }
}

/// An ASCII value.
pub(crate) fn ascii(text: &str) -> Value {
    Value::Ascii(vec![text.as_bytes().to_vec()])
}

/// Unsigned rationals from (numerator, denominator) pairs.
pub(crate) fn rationals(parts: &[(u32, u32)]) -> Value {
    Value::Rational(parts.iter().map(|&(num, denom)| Rational { num, denom }).collect())
}

/// Signed rationals from (numerator, denominator) pairs.
pub(crate) fn srationals(parts: &[(i32, i32)]) -> Value {
    Value::SRational(parts.iter().map(|&(num, denom)| SRational { num, denom }).collect())
}

/// A small JPEG (64×48) carrying a typical phone's EXIF: GPS, time with offset, orientation.
pub(crate) fn small_camera_jpeg() -> Vec<u8> {
    let fields = [
        field(Tag::Orientation, Value::Short(vec![6])),
        field(Tag::DateTimeOriginal, ascii("2025:10:14 09:40:55")),
        field(Tag::OffsetTimeOriginal, ascii("+07:00")),
        field(Tag::GPSLatitudeRef, ascii("N")),
        field(Tag::GPSLatitude, rationals(&[(21, 1), (32, 1), (424_428, 10_000)])),
        field(Tag::GPSLongitudeRef, ascii("E")),
        field(Tag::GPSLongitude, rationals(&[(107, 1), (5, 1), (435_552, 10_000)])),
    ];
    jpeg(&scene(64, 48), 64, 48, Some(&tiff(&fields, true)))
}
