//! Types shared by every domain of the FFI, and how values cross it: the language of a screen, a label with its
//! value, and dates and timestamps, which travel as text (ISO `yyyy-MM-dd`, RFC 3339) because neither Kotlin nor
//! Swift has a date type uniffi can map. Text from the app is parsed here, and a bad value is
//! [`VieclamError::Invalid`] on the parameter that carried it, never a panic.

use chrono::{DateTime, NaiveDate, Utc};
use vieclam_core::Lang;
use vieclam_core::format::parse_date;
use vieclam_core::messages::errors::{INVALID_DATE, INVALID_TIMESTAMP};

use crate::error::VieclamError;

/// The language of a screen's text. Vietnamese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, uniffi::Enum)]
pub enum Language {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl From<Language> for Lang {
    fn from(l: Language) -> Lang {
        match l {
            Language::Vi => Lang::Vi,
            Language::En => Lang::En,
        }
    }
}

/// A label and its value, both ready to draw: the core's record, which carries the FFI traits itself.
pub use vieclam_core::query::LabeledValue;

/// Parses the date in parameter `field` (ISO `yyyy-MM-dd`; the core also reads `dd/MM/yyyy`).
pub(crate) fn day(field: &str, text: &str) -> Result<NaiveDate, VieclamError> {
    parse_date(text).ok_or_else(|| VieclamError::invalid(field, "date.invalid", INVALID_DATE))
}

/// Parses the RFC 3339 timestamp in parameter `field`, to UTC.
pub(crate) fn instant(field: &str, text: &str) -> Result<DateTime<Utc>, VieclamError> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| VieclamError::invalid(field, "time.invalid", INVALID_TIMESTAMP))
}

/// A date as it crosses the FFI: ISO `yyyy-MM-dd`.
pub(crate) fn iso_day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A timestamp as it crosses the FFI: RFC 3339 in UTC with milliseconds, the store's own format.
pub(crate) fn iso_instant(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_from_iso_and_bad_ones_name_their_parameter() {
        assert_eq!(day("on", "2026-02-05").map(iso_day), Ok("2026-02-05".to_owned()));
        let Err(VieclamError::Invalid { fields }) = day("on", "2026-02-30") else { panic!("Feb 30 is no date") };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("on", "date.invalid"));
        assert!(fields[0].message_vi.starts_with("Ngày không hợp lệ"));
    }

    #[test]
    fn timestamps_parse_with_their_offset_and_come_back_in_utc() {
        let t = instant("now", "2025-10-14T08:30:00+07:00").expect("valid");
        assert_eq!(iso_instant(t), "2025-10-14T01:30:00.000Z");
        let Err(VieclamError::Invalid { fields }) = instant("now", "14/10/2025 08:30") else { panic!("not RFC 3339") };
        assert_eq!(fields[0].code, "time.invalid");
    }
}
