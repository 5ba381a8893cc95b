//! CCCD/CMND numbers, phone numbers and dates as people type them: parsed or refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vieclam_core::registration::{cccd, phone};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(id) = cccd::parse(&text) {
        assert!(id.digits.bytes().all(|b| b.is_ascii_digit()));
    }
    if let Ok(p) = phone::normalise(&text) {
        assert_eq!(p.len(), 10);
        assert_eq!(phone::normalise(&p), Ok(p.clone()), "normalising is idempotent");
    }
    let _ = vieclam_core::format::parse_date(&text);
});
