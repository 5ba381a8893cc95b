//! Free functions on text that the apps need without a store: folding for search, money as Vietnamese writes it,
//! and the core's version for an "about" screen and bug reports.

/// Folds `text` the way the search index does: no diacritics, `đ` → `d`, lowercase, single spaces ("Đình Lập" →
/// "dinh lap"). Lets an app filter a list it already holds exactly as a search would.
#[uniffi::export]
pub fn fold_text(text: String) -> String {
    vieclam_core::fold::fold(&text)
}

/// Formats whole đồng as a screen shows them: `1.234.567 ₫` (dot groups, a no-break space before `₫`).
#[uniffi::export]
pub fn format_money(amount: i64) -> String {
    vieclam_core::format::money(amount)
}

/// The version of the core this library was built from (the workspace version, e.g. `0.1.0`).
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_helpers_match_the_core() {
        assert_eq!(fold_text("ĐÌNH  Lập".into()), "dinh lap");
        assert_eq!(format_money(1_234_567), "1.234.567\u{a0}₫");
        assert!(core_version().split('.').count() == 3, "{}", core_version());
    }
}
