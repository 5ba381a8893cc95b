//! Any bytes as the camera's photo: the pipeline stamps and tags a real JPEG or refuses with a code, never panics.
#![no_main]

use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use vieclam_core::evidence::photo::{PhotoSettings, Stamp, process};

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
    if let Ok(photo) = process(data, &stamp, &settings) {
        assert!(photo.width.max(photo.height) <= settings.long_edge);
        assert_eq!(photo.sha256.len(), 64);
    }
});
