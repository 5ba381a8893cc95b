//! The EXIF reader against JPEGs written in the tests: both byte orders, the ways cameras write coordinates, broken
//! fields, and arbitrary bytes.

use chrono::{FixedOffset, NaiveDate};
use exif::{Field, Tag, Value};
use proptest::prelude::*;

use super::*;
use crate::evidence::photo::test_jpeg::{self, ascii, field, rationals, scene, small_camera_jpeg, srationals};

/// A 16×16 JPEG whose EXIF holds `fields`.
fn jpeg_with(fields: &[Field], little_endian: bool) -> Vec<u8> {
    test_jpeg::jpeg(&scene(16, 16), 16, 16, Some(&test_jpeg::tiff(fields, little_endian)))
}

fn read(fields: &[Field]) -> ExifInfo {
    read_exif(&jpeg_with(fields, true)).expect("reads")
}

fn gps(fields: &[Field]) -> Option<GpsPosition> {
    read(fields).gps
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn lat_lon(lat: Value, lat_ref: Option<&str>, lon: Value, lon_ref: Option<&str>) -> Vec<Field> {
    let mut fields = vec![field(Tag::GPSLatitude, lat), field(Tag::GPSLongitude, lon)];
    if let Some(r) = lat_ref {
        fields.push(field(Tag::GPSLatitudeRef, ascii(r)));
    }
    if let Some(r) = lon_ref {
        fields.push(field(Tag::GPSLongitudeRef, ascii(r)));
    }
    fields
}

#[test]
fn both_byte_orders_read_the_same_exact_values() {
    let fields = vec![
        field(Tag::Orientation, Value::Short(vec![3])),
        field(Tag::DateTimeOriginal, ascii("2025:10:14 09:41:07")),
        field(Tag::SubSecTimeOriginal, ascii("25")),
        field(Tag::OffsetTimeOriginal, ascii("+07:00")),
        field(Tag::ImageUniqueID, ascii("0199e3c1-7a2b-7c3d-8e4f-123456789abc")),
        field(Tag::GPSLatitudeRef, ascii("N")),
        field(Tag::GPSLatitude, rationals(&[(21, 1), (32, 1), (424_428, 10_000)])),
        field(Tag::GPSLongitudeRef, ascii("E")),
        field(Tag::GPSLongitude, rationals(&[(107, 1), (5, 1), (435_552, 10_000)])),
        field(Tag::GPSAltitudeRef, Value::Byte(vec![0])),
        field(Tag::GPSAltitude, rationals(&[(31_250, 100)])),
        field(Tag::GPSHPositioningError, rationals(&[(65, 10)])),
    ];
    let little = read_exif(&jpeg_with(&fields, true)).expect("little-endian");
    let big = read_exif(&jpeg_with(&fields, false)).expect("big-endian");
    assert_eq!(little, big);
    let g = little.gps.expect("gps");
    assert!(close(g.lat, 21.545123), "{}", g.lat);
    assert!(close(g.lon, 107.095432), "{}", g.lon);
    assert_eq!(g.altitude_m, Some(312.5));
    assert_eq!(g.horizontal_error_m, Some(6.5));
    let expected_time = NaiveDate::from_ymd_opt(2025, 10, 14).and_then(|d| d.and_hms_milli_opt(9, 41, 7, 250));
    assert_eq!(little.taken_at, expected_time);
    assert_eq!(little.offset, FixedOffset::east_opt(7 * 3600));
    assert_eq!(little.orientation, 3);
    assert_eq!(little.check_id.as_deref(), Some("0199e3c1-7a2b-7c3d-8e4f-123456789abc"));
}

#[test]
fn fractional_minutes_and_seconds() {
    // 21° 32.7074′ (minutes with decimals, seconds zero), 107° 5′ 43.5552″.
    let g = gps(&lat_lon(
        rationals(&[(21, 1), (327_074, 10_000), (0, 1)]),
        Some("N"),
        rationals(&[(107, 1), (5, 1), (435_552, 10_000)]),
        Some("E"),
    ))
    .expect("gps");
    assert!(close(g.lat, 21.0 + 32.7074 / 60.0));
    assert!(close(g.lon, 107.095432));
    // Decimal degrees in the first component alone (some writers do this).
    let g = gps(&lat_lon(rationals(&[(21_545_123, 1_000_000)]), None, rationals(&[(1_070_954, 10_000)]), None));
    assert!(close(g.expect("gps").lat, 21.545123));
}

#[test]
fn south_and_west_references_make_negative_values() {
    let g = gps(&lat_lon(
        rationals(&[(33, 1), (52, 1), (0, 1)]),
        Some("S"),
        rationals(&[(151, 1), (12, 1), (36, 1)]),
        Some("W"),
    ))
    .expect("gps");
    assert!(close(g.lat, -(33.0 + 52.0 / 60.0)));
    assert!(close(g.lon, -(151.0 + 12.0 / 60.0 + 36.0 / 3600.0)));
}

#[test]
fn a_negative_value_is_negative_once_whatever_the_reference() {
    let lon = |reference: Option<&str>| {
        gps(&lat_lon(
            rationals(&[(35, 1), (0, 1), (0, 1)]),
            Some("N"),
            srationals(&[(-106, 1), (42, 1), (0, 1)]),
            reference,
        ))
        .expect("gps")
        .lon
    };
    // −106° 42′ marked W is 106.7° W, not 106.7° E.
    assert!(close(lon(Some("W")), -106.7));
    assert!(close(lon(None), -106.7));
    assert!(close(lon(Some("E")), -106.7));
    // Latitude likewise: −33.5 with S.
    let g = gps(&lat_lon(srationals(&[(-67, 2)]), Some("S"), rationals(&[(70, 1)]), Some("W"))).expect("gps");
    assert!(close(g.lat, -33.5));
    assert!(close(g.lon, -70.0));
}

#[test]
fn missing_references_count_as_north_and_east() {
    let g = gps(&lat_lon(rationals(&[(21, 1), (30, 1), (0, 1)]), None, rationals(&[(107, 1), (15, 1), (0, 1)]), None))
        .expect("gps");
    assert!(close(g.lat, 21.5));
    assert!(close(g.lon, 107.25));
}

#[test]
fn zero_denominators_drop_the_field_not_the_photo() {
    // A zero denominator in the latitude: no position at all (half a position is no position).
    let info = read(&lat_lon(rationals(&[(21, 0), (30, 1), (0, 1)]), Some("N"), rationals(&[(107, 1)]), Some("E")));
    assert_eq!(info.gps, None);
    // In the seconds of the longitude: the same.
    let mut fields =
        lat_lon(rationals(&[(21, 1), (30, 1), (0, 1)]), Some("N"), rationals(&[(107, 1), (0, 1), (5, 0)]), Some("E"));
    fields.push(field(Tag::Orientation, Value::Short(vec![6])));
    let info = read(&fields);
    assert_eq!(info.gps, None);
    assert_eq!(info.orientation, 6, "the rest of the EXIF is still read");
    // In the altitude or the error: the position stays, the broken field goes.
    let mut fields = lat_lon(rationals(&[(21, 1), (30, 1), (0, 1)]), Some("N"), rationals(&[(107, 1)]), Some("E"));
    fields.push(field(Tag::GPSAltitude, rationals(&[(300, 0)])));
    fields.push(field(Tag::GPSHPositioningError, rationals(&[(0, 0)])));
    let g = gps(&fields).expect("gps");
    assert!(close(g.lat, 21.5) && close(g.lon, 107.0));
    assert_eq!((g.altitude_m, g.horizontal_error_m), (None, None));
    assert!(g.lat.is_finite() && g.lon.is_finite());
}

#[test]
fn out_of_range_coordinates_and_wrong_types_are_ignored() {
    assert_eq!(gps(&lat_lon(rationals(&[(95, 1)]), None, rationals(&[(107, 1)]), None)), None);
    assert_eq!(gps(&lat_lon(rationals(&[(21, 1)]), None, rationals(&[(181, 1)]), None)), None);
    assert_eq!(gps(&lat_lon(ascii("21.5"), None, rationals(&[(107, 1)]), None)), None);
    assert_eq!(gps(&lat_lon(rationals(&[]), None, rationals(&[(107, 1)]), None)), None);
}

#[test]
fn altitude_below_sea_level() {
    let mut fields = lat_lon(rationals(&[(10, 1)]), None, rationals(&[(106, 1)]), None);
    fields.push(field(Tag::GPSAltitudeRef, Value::Byte(vec![1])));
    fields.push(field(Tag::GPSAltitude, rationals(&[(25, 10)])));
    assert_eq!(gps(&fields).and_then(|g| g.altitude_m), Some(-2.5));
}

#[test]
fn orientations_six_and_three_and_nonsense() {
    for (value, expected) in [(6, 6), (3, 3), (1, 1), (0, 1), (9, 1), (400, 1)] {
        assert_eq!(read(&[field(Tag::Orientation, Value::Short(vec![value]))]).orientation, expected, "{value}");
    }
}

#[test]
fn times_blank_fallback_and_offsets() {
    let info = read(&[field(Tag::DateTimeOriginal, ascii("    :  :     :  :  "))]);
    assert_eq!(info.taken_at, None);
    let info = read(&[field(Tag::DateTime, ascii("2025:10:20 16:05:00")), field(Tag::OffsetTime, ascii("-03:30"))]);
    assert_eq!(info.taken_at, NaiveDate::from_ymd_opt(2025, 10, 20).and_then(|d| d.and_hms_opt(16, 5, 0)));
    assert_eq!(info.offset, FixedOffset::west_opt(3 * 3600 + 1800));
    for bad in ["+7:00", "07:00", "+07-00", "+-5:00", "+15:00"] {
        assert_eq!(read(&[field(Tag::OffsetTimeOriginal, ascii(bad))]).offset, None, "{bad}");
    }
    assert_eq!(read(&[field(Tag::DateTimeOriginal, ascii("2025:02:30 10:00:00"))]).taken_at, None);
}

#[test]
fn check_id_from_user_comment_when_no_unique_id() {
    let mut comment = b"ASCII\0\0\0".to_vec();
    comment.extend_from_slice(b"0199e3c1-7a2b-7c3d-8e4f-123456789abc");
    let info = read(&[field(Tag::UserComment, Value::Undefined(comment, 0))]);
    assert_eq!(info.check_id.as_deref(), Some("0199e3c1-7a2b-7c3d-8e4f-123456789abc"));
    let mut unicode = b"UNICODE\0".to_vec();
    unicode.extend_from_slice(&[0, b'x']);
    assert_eq!(read(&[field(Tag::UserComment, Value::Undefined(unicode, 0))]).check_id, None);
}

#[test]
fn no_exif_is_ok_and_not_a_jpeg_is_an_error() {
    let plain = test_jpeg::jpeg(&scene(16, 16), 16, 16, None);
    assert_eq!(read_exif(&plain), Ok(ExifInfo::default()));
    assert_eq!(ExifInfo::default().orientation, 1);
    for not_jpeg in [&b""[..], b"\xFF", b"\xFF\xD8", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", b"GIF89a", b"hello"] {
        assert_eq!(read_exif(not_jpeg), Err(ExifError::NotJpeg));
    }
    assert_eq!(ExifError::NotJpeg.code(), "exif.not_jpeg");
}

#[test]
fn a_broken_exif_header_is_malformed_not_a_panic() {
    // SOI, then APP1 "Exif\0\0" with a TIFF header that is neither II nor MM.
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10];
    bytes.extend_from_slice(b"Exif\0\0XX*\0\x08\0\0\0");
    bytes.extend_from_slice(&[0xFF, 0xD9]);
    let err = read_exif(&bytes).expect_err("malformed");
    assert_eq!(err.code(), "exif.malformed");
    assert!(!err.message(Lang::Vi).is_empty() && !err.message(Lang::En).is_empty());
    // A segment length running past the end of the file: no EXIF, no panic.
    assert_eq!(read_exif(&[0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, b'E']), Ok(ExifInfo::default()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_random_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        jpeg_start in any::<bool>(),
    ) {
        let mut input = bytes;
        if jpeg_start {
            input.splice(0..0, [0xFF, 0xD8, 0xFF, 0xE1]);
        }
        let _ = read_exif(&input);
    }

    #[test]
    fn never_panics_on_mutated_camera_jpegs(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut input = small_camera_jpeg();
        // Mutations land in the first 600 bytes (the EXIF block) most of the time, where the parser lives.
        let span = input.len().min(600);
        for (at, byte) in edits {
            let i = at.index(span);
            input[i] = byte;
        }
        input.truncate(cut.index(input.len()) + 1);
        if let Ok(info) = read_exif(&input) {
            if let Some(g) = info.gps {
                prop_assert!(g.lat.is_finite() && g.lon.is_finite());
                prop_assert!((-90.0..=90.0).contains(&g.lat) && (-180.0..=180.0).contains(&g.lon));
            }
            prop_assert!((1..=8).contains(&info.orientation));
        }
    }
}
