//! A bank export comes from outside: whatever the bytes (CSV, XLSX, or neither), reading them gives loans or a
//! specific error, never a panic that escapes.
//!
//! calamine 0.31 panics inside on some damaged workbooks, and the import catches that (`import::table`) and refuses
//! the file. libFuzzer's hook would abort on the caught panic too, so the default hook is put back: a panic the
//! import catches is no crash, and one that escapes still aborts at the target's boundary.
#![no_main]

use std::sync::Once;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use vieclam_server::import::read_loans_bytes;

static DEFAULT_HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
    let _ = read_loans_bytes(data, today);
});
