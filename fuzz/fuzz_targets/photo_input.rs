//! Any bytes as the camera's photo, with any rotation the camera may claim beside them (the first two bytes): the
//! pipeline stamps and tags a real JPEG or refuses with a code, never panics.
#![no_main]

use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use vieclam_core::evidence::photo::{PhotoError, PhotoSettings, Stamp, process_turned};

fuzz_target!(|data: &[u8]| {
    let offset = FixedOffset::east_opt(7 * 3600).expect("valid offset");
    let stamp = Stamp {
        taken_at: offset.with_ymd_and_hms(2026, 11, 15, 9, 30, 0).single().expect("valid time"),
        lat: 21.545,
        lon: 107.095,
        altitude_m: Some(400.0),
        accuracy_m: 5.0,
        commune_name: "Xã Đình Lập".into(),
        check_code: "KT-06613-0001".into(),
        check_id: "01a2213b-6958-7489-9bfd-87b17bc2c9e4".into(),
    };
    // Small limits keep each run quick; the refusal paths for big inputs are exercised too.
    let settings = PhotoSettings { max_input_pixels: 4_000_000, ..PhotoSettings::default() };
    let (rotation, jpeg) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]), rest),
        _ => (0, data),
    };
    match process_turned(jpeg, rotation, &stamp, &settings) {
        Ok(photo) => {
            assert!(photo.width.max(photo.height) <= settings.long_edge);
            assert_eq!(photo.sha256.len(), 64);
        }
        Err(PhotoError::BadRotation(r)) => assert!(!matches!(r, 0 | 90 | 180 | 270)),
        Err(_) => {}
    }
});
