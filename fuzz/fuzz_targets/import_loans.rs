//! A bank export comes from outside: whatever the bytes (CSV, XLSX, or neither), reading them gives loans or a
//! specific error, never a panic.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use vieclam_server::import::read_loans_bytes;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
    let _ = read_loans_bytes(data, today);
});
