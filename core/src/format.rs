//! How money and dates are shown to people: `1.234.567 ₫` and dd/MM/yyyy (docs/domain.md, Formats).
//!
//! The shells draw these strings as they are, so every screen on every platform writes money and dates alike.

use chrono::NaiveDate;

/// An amount of money in whole đồng. VND has no minor unit in practice, so integers are exact.
pub type Dong = i64;

/// No-break space: keeps the amount and its `₫` on one line.
const NBSP: char = '\u{00A0}';

/// Formats đồng with dot-grouped thousands and a no-break space before `₫`: `1.234.567 ₫`, `-5.000 ₫`.
pub fn money(amount: Dong) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if amount < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out.push(NBSP);
    out.push('₫');
    out
}

/// Formats a date as `dd/MM/yyyy`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Formats a yearly rate held in parts per million as a percentage with up to three decimals and a comma, as
/// Vietnamese writes it: 79_200 → `7,92%/năm`-ready `7,92`.
pub fn percent_ppm(ppm: i64) -> String {
    let whole = ppm / 10_000;
    let frac = (ppm % 10_000).abs();
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:04}");
    format!("{whole},{}", frac.trim_end_matches('0'))
}

/// Parses `dd/MM/yyyy` (what people type) or ISO `yyyy-MM-dd` (what files and the wire carry).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%d/%m/%Y").or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn money_groups_with_dots_and_nbsp() {
        assert_eq!(money(1_234_567), "1.234.567\u{a0}₫");
        assert_eq!(money(0), "0\u{a0}₫");
        assert_eq!(money(999), "999\u{a0}₫");
        assert_eq!(money(1_000), "1.000\u{a0}₫");
        assert_eq!(money(100_000_000), "100.000.000\u{a0}₫");
        assert_eq!(money(-5_000), "-5.000\u{a0}₫");
    }

    #[test]
    fn dates_are_day_first() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 5).unwrap();
        assert_eq!(date(d), "05/02/2026");
        assert_eq!(parse_date("05/02/2026"), Some(d));
        assert_eq!(parse_date("2026-02-05"), Some(d));
        assert_eq!(parse_date("31/02/2026"), None);
    }

    #[test]
    fn rates_use_a_decimal_comma() {
        assert_eq!(percent_ppm(79_200), "7,92");
        assert_eq!(percent_ppm(83_820), "8,382");
        assert_eq!(percent_ppm(66_000), "6,6");
        assert_eq!(percent_ppm(100_000), "10");
    }

    proptest! {
        #[test]
        fn money_round_trips(n in -10_000_000_000_000i64..10_000_000_000_000) {
            let s = money(n);
            let digits: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
            prop_assert_eq!(digits.parse::<i64>().unwrap(), n);
            let suffix = "\u{a0}₫";
            prop_assert!(s.ends_with(suffix));
        }
    }
}
