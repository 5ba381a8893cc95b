//! Any bytes as a JPEG's EXIF: read as far as they make sense, never a panic, never a position off the globe.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vieclam_core::evidence::exif::read_exif;

fuzz_target!(|data: &[u8]| {
    if let Ok(info) = read_exif(data) {
        if let Some(g) = info.gps {
            assert!((-90.0..=90.0).contains(&g.lat) && (-180.0..=180.0).contains(&g.lon));
        }
        assert!((1..=8).contains(&info.orientation));
    }
});
