//! A registration form from arbitrary text: validation must answer (valid or field errors), never panic.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use vieclam_core::registration::{FIELDS, RegistrationForm, validate, validate_field};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Fields separated by '|', lists by ','; missing fields stay empty.
    let mut parts = text.split('|').map(str::to_owned);
    let mut next = || parts.next().unwrap_or_default();
    let list = |s: String| s.split(',').map(str::to_owned).collect::<Vec<_>>();
    let form = RegistrationForm {
        full_name: next(),
        id_number: next(),
        birth_date: next(),
        sex: next(),
        phone: next(),
        commune_code: next(),
        address: next(),
        country_abroad: Some(next()),
        years_abroad: Some(next()),
        occupation: next(),
        skills: list(next()),
        languages: list(next()),
        certificates: list(next()),
        wants: list(next()),
        consent: data.first().is_some_and(|b| b & 1 == 1),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 15).expect("valid date");
    let _ = validate(&form, today);
    for field in FIELDS {
        let _ = validate_field(field, &form, today);
    }
});
