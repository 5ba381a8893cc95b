//! Reading what people type, through the FFI: one rule for numbers in both apps (the core's `parse_number`).

/// The number in `text` as a person in Lạng Sơn writes it (`1.000` → 1000, `2,5` → 2.5, `2.5` → 2.5), or null
/// when it is not one. Call it on each keystroke of a number field; the core then checks the question's range.
#[uniffi::export]
pub fn parse_number(text: String) -> Option<f64> {
    vieclam_core::query::parse_number(&text)
}
