//! The pipeline end to end on JPEGs made in the tests, the store, and the never-panic property.

use std::sync::OnceLock;

use ::exif::{Tag, Value};
use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;
use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::bytestream::ZCursor;

use super::test_jpeg::{self, ascii, field, grey, rationals, scene, small_camera_jpeg};
use super::*;
use crate::evidence::exif::read_exif;

pub(crate) fn sample_stamp() -> Stamp {
    let taken_at: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2025-10-14T09:41:07+07:00").expect("valid time");
    Stamp {
        taken_at,
        lat: 21.545123,
        lon: 107.095432,
        altitude_m: Some(312.4),
        accuracy_m: 6.2,
        commune_name: "Đình Lập".to_owned(),
        check_code: "KT-DL-014".to_owned(),
        check_id: "0199e3c1-7a2b-7c3d-8e4f-123456789abc".to_owned(),
    }
}

/// A camera JPEG of `width`×`height` with orientation `orientation` and the camera's own GPS and time.
fn camera_jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let fields = [
        field(Tag::Orientation, Value::Short(vec![orientation])),
        field(Tag::DateTimeOriginal, ascii("2025:10:14 09:40:55")),
        field(Tag::OffsetTimeOriginal, ascii("+07:00")),
        field(Tag::GPSLatitudeRef, ascii("N")),
        field(Tag::GPSLatitude, rationals(&[(21, 1), (32, 1), (430_000, 10_000)])),
        field(Tag::GPSLongitudeRef, ascii("E")),
        field(Tag::GPSLongitude, rationals(&[(107, 1), (5, 1), (440_000, 10_000)])),
    ];
    test_jpeg::jpeg(&scene(width, height), width, height, Some(&test_jpeg::tiff(&fields, false)))
}

/// The 12-megapixel camera photo of design budget P5, made once: tests in a debug build run the pipeline's generic
/// code unoptimised, so each 4000×3000 pass costs seconds there.
fn big_camera_jpeg() -> &'static [u8] {
    static BIG: OnceLock<Vec<u8>> = OnceLock::new();
    BIG.get_or_init(|| camera_jpeg(4000, 3000, 1))
}

/// Decodes a JPEG to (width, height, RGB).
fn decoded(jpeg: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = JpegDecoder::new(ZCursor::new(jpeg));
    let rgb = decoder.decode().expect("output decodes");
    let info = decoder.info().expect("info");
    (u32::from(info.width), u32::from(info.height), rgb)
}

fn pixel(rgb: &[u8], width: u32, x: u32, y: u32) -> [u8; 3] {
    let i = (y as usize * width as usize + x as usize) * 3;
    [rgb[i], rgb[i + 1], rgb[i + 2]]
}

fn is_red(p: [u8; 3]) -> bool {
    p[0] > 200 && p[1] < 60 && p[2] < 60
}

#[test]
fn a_12_megapixel_photo_becomes_a_stamped_geotagged_1600px_jpeg() {
    let stamp = sample_stamp();
    let out = process(big_camera_jpeg(), &stamp, &PhotoSettings::default()).expect("processes");

    assert_eq!((out.width, out.height), (1600, 1200));
    assert!(out.jpeg.len() <= 400_000, "{} bytes", out.jpeg.len());
    assert_eq!(out.sha256, sha256_hex(&out.jpeg));
    let reference: String = Sha256::digest(&out.jpeg).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(out.sha256, reference);

    let (w, h, _) = decoded(&out.jpeg);
    assert_eq!((w, h), (1600, 1200));

    let ours = read_exif(&out.jpeg).expect("our EXIF reads back");
    let g = ours.gps.expect("gps written");
    assert!((g.lat - stamp.lat).abs() < 1e-6, "{}", g.lat);
    assert!((g.lon - stamp.lon).abs() < 1e-6, "{}", g.lon);
    assert_eq!(g.altitude_m, Some(312.4));
    assert_eq!(g.horizontal_error_m, Some(6.2));
    assert_eq!(ours.taken_at, NaiveDate::from_ymd_opt(2025, 10, 14).and_then(|d| d.and_hms_opt(9, 41, 7)));
    assert_eq!(ours.offset, FixedOffset::east_opt(7 * 3600));
    assert_eq!(ours.orientation, 1);
    assert_eq!(ours.check_id.as_deref(), Some(stamp.check_id.as_str()));

    // `source` is what the camera said, not what we wrote.
    let camera = out.source.gps.expect("camera gps");
    assert!((camera.lat - (21.0 + 32.0 / 60.0 + 43.0 / 3600.0)).abs() < 1e-9);
    assert_eq!(out.source.taken_at, NaiveDate::from_ymd_opt(2025, 10, 14).and_then(|d| d.and_hms_opt(9, 40, 55)));
    assert_eq!(out.source.check_id, None);
}

#[test]
fn the_stamp_band_is_dark_with_bright_text_in_it() {
    let input = test_jpeg::jpeg(&grey(1600, 1200, 160), 1600, 1200, None);
    let out = process(&input, &sample_stamp(), &PhotoSettings::default()).expect("processes");
    let (w, h, rgb) = decoded(&out.jpeg);
    let luma = |p: [u8; 3]| (u32::from(p[0]) * 3 + u32::from(p[1]) * 6 + u32::from(p[2])) / 10;
    let mean = |rows: std::ops::Range<u32>| {
        let (mut sum, mut n) = (0u64, 0u64);
        for y in rows {
            for x in 0..w {
                sum += u64::from(luma(pixel(&rgb, w, x, y)));
                n += 1;
            }
        }
        sum / n.max(1)
    };
    let above = mean(0..h / 2);
    let band = mean(h - 120..h);
    assert!((150..=170).contains(&above), "untouched area stays grey: {above}");
    assert!(band + 40 < above, "band {band} vs picture {above}");
    // The text is there: bright pixels inside the band, and none that bright above it.
    let bright_in_band = (h - 150..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| luma(pixel(&rgb, w, x, y)) > 220)
        .count();
    assert!(bright_in_band > 2_000, "{bright_in_band} bright pixels");
    // Right of the text the band is plain dark: 160 × 96/256 = 60.
    assert!(luma(pixel(&rgb, w, w - 5, h - 10)) < 75);
}

#[test]
fn orientation_6_comes_out_portrait_and_3_upside_down_fixed() {
    // Stored landscape with the red block top-left; orientation 6 means "turn 90° clockwise to view".
    let out = process(&camera_jpeg(2400, 1800, 6), &sample_stamp(), &PhotoSettings::default()).expect("processes");
    assert_eq!((out.width, out.height), (1200, 1600));
    assert_eq!(out.source.orientation, 6);
    let (w, h, rgb) = decoded(&out.jpeg);
    assert_eq!((w, h), (1200, 1600));
    assert!(is_red(pixel(&rgb, w, w - 20, 20)), "red block turned to the top-right");
    assert!(!is_red(pixel(&rgb, w, 20, 20)));
    assert_eq!(read_exif(&out.jpeg).expect("reads").orientation, 1);

    // Portrait stored as portrait with orientation 1 stays portrait.
    let out = process(&camera_jpeg(1800, 2400, 1), &sample_stamp(), &PhotoSettings::default()).expect("processes");
    assert_eq!((out.width, out.height), (1200, 1600));

    // Orientation 3: turned 180°, the red block ends bottom-right (above the band).
    let out = process(&camera_jpeg(2000, 1500, 3), &sample_stamp(), &PhotoSettings::default()).expect("processes");
    assert_eq!((out.width, out.height), (1600, 1200));
    let (w, h, rgb) = decoded(&out.jpeg);
    assert!(is_red(pixel(&rgb, w, w - 20, h - 250)));
    assert!(!is_red(pixel(&rgb, w, 20, 20)));
}

#[test]
fn the_cameras_rotation_turns_a_photo_whose_exif_says_nothing() {
    // A driver that leaves EXIF orientation at 1 and tells CameraX "turn 90°": the stored photo is portrait with the
    // red block top-right, exactly as if the EXIF had said 6.
    let s = PhotoSettings::default();
    let out = process_turned(&camera_jpeg(2400, 1800, 1), 90, &sample_stamp(), &s).expect("processes");
    assert_eq!((out.width, out.height), (1200, 1600));
    let (w, _, rgb) = decoded(&out.jpeg);
    assert!(is_red(pixel(&rgb, w, w - 20, 20)), "red block turned to the top-right");
    let out = process_turned(&camera_jpeg(2000, 1500, 1), 180, &sample_stamp(), &s).expect("processes");
    let (w, h, rgb) = decoded(&out.jpeg);
    assert!(is_red(pixel(&rgb, w, w - 20, h - 250)), "turned 180°: red block bottom-right");
    let out = process_turned(&camera_jpeg(2400, 1800, 1), 270, &sample_stamp(), &s).expect("processes");
    let (w, h, rgb) = decoded(&out.jpeg);
    assert_eq!((w, h), (1200, 1600));
    assert!(is_red(pixel(&rgb, w, 20, h - 250)), "turned 270°: red block bottom-left");
}

#[test]
fn an_exif_orientation_wins_over_the_cameras_rotation_so_nothing_turns_twice() {
    let s = PhotoSettings::default();
    let by_exif = process(&camera_jpeg(2400, 1800, 6), &sample_stamp(), &s).expect("processes");
    let both = process_turned(&camera_jpeg(2400, 1800, 6), 90, &sample_stamp(), &s).expect("processes");
    assert_eq!(both.jpeg, by_exif.jpeg, "orientation 6 and rotation 90 describe one turn, not two");
}

#[test]
fn a_rotation_that_is_not_a_right_angle_is_refused() {
    for bad in [45, 360, 91, u16::MAX] {
        let got = process_turned(&camera_jpeg(800, 600, 1), bad, &sample_stamp(), &PhotoSettings::default());
        assert_eq!(got.unwrap_err(), PhotoError::BadRotation(bad));
    }
}

#[test]
fn small_photos_are_not_enlarged() {
    let input = test_jpeg::jpeg(&scene(800, 600), 800, 600, None);
    let out = process(&input, &sample_stamp(), &PhotoSettings::default()).expect("processes");
    assert_eq!((out.width, out.height), (800, 600));
    assert_eq!(out.source, ExifInfo::default());
    // Tiny pictures still work (the stamp shrinks and clips).
    let tiny = test_jpeg::jpeg(&scene(8, 8), 8, 8, None);
    let out = process(&tiny, &sample_stamp(), &PhotoSettings::default()).expect("processes");
    assert_eq!((out.width, out.height), (8, 8));
}

#[test]
fn bad_inputs_get_clear_errors() {
    let stamp = sample_stamp();
    let s = PhotoSettings::default();
    let err = |input: &[u8], s: &PhotoSettings| process(input, &stamp, s).expect_err("refused");
    assert_eq!(err(b"\x89PNG\r\n\x1a\n", &s), PhotoError::NotJpeg);
    assert_eq!(err(b"", &s), PhotoError::NotJpeg);
    let good = small_camera_jpeg();
    // Cut inside the headers: the decoder cannot find a frame.
    assert_eq!(err(&good[..good.len().min(200)], &s).code(), "photo.corrupt");
    let tight = PhotoSettings { max_input_pixels: 1000, ..PhotoSettings::default() };
    assert_eq!(err(&good, &tight).code(), "photo.too_large");
    let tight = PhotoSettings { max_input_bytes: 100, ..PhotoSettings::default() };
    assert_eq!(err(&good, &tight).code(), "photo.too_large");
    for bad in [
        Stamp { lat: 91.0, ..sample_stamp() },
        Stamp { lon: f64::NAN, ..sample_stamp() },
        Stamp { accuracy_m: -1.0, ..sample_stamp() },
        Stamp { altitude_m: Some(f64::INFINITY), ..sample_stamp() },
        Stamp { check_id: String::new(), ..sample_stamp() },
        Stamp { check_id: "kiểm tra".to_owned(), ..sample_stamp() },
    ] {
        assert_eq!(process(&good, &bad, &s).expect_err("bad stamp").code(), "photo.bad_stamp");
    }
}

#[test]
fn every_error_speaks_both_languages_with_a_stable_code() {
    let errors = [
        PhotoError::NotJpeg,
        PhotoError::Corrupt(String::new()),
        PhotoError::TooLarge(String::new()),
        PhotoError::BadStamp(String::new()),
        PhotoError::Encode(String::new()),
        PhotoError::BadRotation(45),
    ];
    let codes: Vec<&str> = errors.iter().map(PhotoError::code).collect();
    assert_eq!(
        codes,
        ["photo.not_jpeg", "photo.corrupt", "photo.too_large", "photo.bad_stamp", "photo.encode", "photo.bad_rotation"]
    );
    for e in &errors {
        let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{}", e.code());
    }
    let store_errors = [
        PhotoStoreError::BadHash("x".into()),
        PhotoStoreError::NotFound("ab".repeat(32)),
        PhotoStoreError::Tampered { expected: "ab".repeat(32), actual: "cd".repeat(32) },
        PhotoStoreError::Io(std::io::Error::other("disk full")),
    ];
    let codes: Vec<&str> = store_errors.iter().map(PhotoStoreError::code).collect();
    assert_eq!(codes, ["photo.bad_hash", "photo.not_found", "photo.tampered", "photo.io"]);
    assert_eq!(
        store_errors[2].message(Lang::Vi),
        "Tệp ảnh abababababab đã bị thay đổi sau khi lưu; ảnh này không còn là bằng chứng tin cậy."
    );
    assert_eq!(store_errors[3].message(Lang::En), "Photo file error: disk full.");
}

#[test]
fn the_store_keeps_photos_by_hash_and_refuses_tampered_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = PhotoStore::new(dir.path().join("photos"));
    let photo = process(&small_camera_jpeg(), &sample_stamp(), &PhotoSettings::default()).expect("processes");

    let sha = store.put(&photo.jpeg).expect("stored");
    assert_eq!(sha, photo.sha256);
    let path = store.path(&sha).expect("path");
    assert_eq!(path, dir.path().join("photos").join(&sha[..2]).join(format!("{sha}.jpg")));
    assert_eq!(store.get(&sha).expect("read back"), photo.jpeg);
    assert_eq!(store.get(&sha.to_ascii_uppercase()).expect("either case"), photo.jpeg);
    assert!(store.contains(&sha).expect("valid hash"));

    // Putting it again leaves the file alone and leaves no temporary files behind.
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");
    assert_eq!(store.put(&photo.jpeg).expect("again"), sha);
    assert_eq!(std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime"), modified);
    let names: Vec<String> = std::fs::read_dir(path.parent().expect("folder"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [format!("{sha}.jpg")]);

    // One byte changed on disk: refused, with both hashes named.
    let mut tampered = photo.jpeg.clone();
    let last = tampered.len() - 3;
    tampered[last] ^= 0x01;
    std::fs::write(&path, &tampered).expect("tamper");
    match store.get(&sha) {
        Err(PhotoStoreError::Tampered { expected, actual }) => {
            assert_eq!(expected, sha);
            assert_eq!(actual, sha256_hex(&tampered));
        }
        other => panic!("expected Tampered, got {other:?}"),
    }

    assert_eq!(store.get(&"0".repeat(64)).expect_err("missing").code(), "photo.not_found");
    for bad in ["../../etc/passwd", "", "abc", &"g".repeat(64), &format!("{}/", "a".repeat(63))] {
        assert_eq!(store.path(bad).expect_err("bad hash").code(), "photo.bad_hash", "{bad}");
        assert_eq!(store.get(bad).expect_err("bad hash").code(), "photo.bad_hash");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn process_never_panics_on_random_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
        soi in any::<bool>(),
    ) {
        let mut input = bytes;
        if soi {
            input.splice(0..0, [0xFF, 0xD8, 0xFF]);
        }
        // Small pixel cap: a mutated header may claim a huge frame; refusing it keeps the test fast.
        let s = PhotoSettings { max_input_pixels: 1 << 20, ..PhotoSettings::default() };
        let _ = process(&input, &sample_stamp(), &s);
    }

    #[test]
    fn process_never_panics_on_mutated_jpegs(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut input = small_camera_jpeg();
        let len = input.len();
        for (at, byte) in edits {
            input[at.index(len)] = byte;
        }
        input.truncate(cut.index(len) + 1);
        let s = PhotoSettings { max_input_pixels: 1 << 20, ..PhotoSettings::default() };
        if let Ok(out) = process(&input, &sample_stamp(), &s) {
            prop_assert_eq!(out.sha256, sha256_hex(&out.jpeg));
            prop_assert!(out.width.max(out.height) <= 1600);
        }
    }
}
