//! What the core's uniffi component needs besides the derives on its records (the `uniffi` feature): how a date
//! crosses the FFI. Neither Kotlin nor Swift has a date type uniffi maps, so a `NaiveDate` field of a record is ISO
//! `yyyy-MM-dd` text in the apps, as every date parameter of the bindings is.

use chrono::NaiveDate;

uniffi::custom_type!(
    /// A date, ISO `yyyy-MM-dd`.
    NaiveDate,
    String,
    {
        remote,
        lower: |d| d.format("%Y-%m-%d").to_string(),
        try_lift: |s| Ok(NaiveDate::parse_from_str(&s, "%Y-%m-%d")?),
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use uniffi::{Lift, Lower};

    #[test]
    fn a_date_crosses_as_iso_text_and_back() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 5).expect("a date");
        let lowered = <NaiveDate as Lower<crate::UniFfiTag>>::lower(d);
        let back = <NaiveDate as Lift<crate::UniFfiTag>>::try_lift(lowered).expect("lifts");
        assert_eq!(back, d);
        assert_eq!(d.format("%Y-%m-%d").to_string(), "2026-02-05");
    }
}
