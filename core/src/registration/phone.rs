//! Vietnamese mobile numbers: the forms people type, normalised to the 10-digit `0XXXXXXXXX`.
//!
//! Accepted: `0` + 9 digits, `+84` + 9 digits, `84` + 9 digits, with spaces, dots and dashes anywhere. The first
//! three digits of the normalised number must be a mobile prefix listed in docs/domain.md. No carrier is inferred:
//! numbers move between carriers, so a prefix says nothing about who serves the line today.

/// Why a typed phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Letters or other signs, or not one of the accepted shapes.
    Format,
    /// The right shape, but the three-digit prefix is not a mobile one (e.g. a landline area code or an old
    /// 11-digit prefix such as 012x).
    PrefixUnknown,
}

/// The mobile prefixes (`0` + two digits) in use: 032–039, 052, 056, 058, 059, 070, 076–079, 081–089, 090–094,
/// 096–099 **[docs/domain.md, "Formats"]**.
pub const MOBILE_PREFIXES: [&str; 35] = [
    "032", "033", "034", "035", "036", "037", "038", "039", //
    "052", "056", "058", "059", //
    "070", "076", "077", "078", "079", //
    "081", "082", "083", "084", "085", "086", "087", "088", "089", //
    "090", "091", "092", "093", "094", //
    "096", "097", "098", "099",
];

/// Whether a normalised number starts with a listed mobile prefix.
pub fn has_mobile_prefix(normalised: &str) -> bool {
    MOBILE_PREFIXES.iter().any(|p| normalised.starts_with(p))
}

/// Normalises a typed mobile number to `0XXXXXXXXX`, or says why it is not one. Normalising a result again gives
/// the same result.
pub fn normalise(text: &str) -> Result<String, PhoneError> {
    let text = text.trim();
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut digits = String::with_capacity(12);
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' => {}
            _ => return Err(PhoneError::Format),
        }
    }
    let national = match (plus, digits.len()) {
        (false, 10) if digits.starts_with('0') => digits[1..].to_owned(),
        (_, 11) if digits.starts_with("84") => digits[2..].to_owned(),
        _ => return Err(PhoneError::Format),
    };
    let normalised = format!("0{national}");
    if !has_mobile_prefix(&normalised) {
        return Err(PhoneError::PrefixUnknown);
    }
    Ok(normalised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_three_written_forms_meet() {
        for typed in ["0912 345 678", "+84 912 345 678", "84912345678", "0912.345.678", "091-234-5678", "+84912345678"]
        {
            assert_eq!(normalise(typed), Ok("0912345678".to_owned()), "{typed}");
        }
    }

    #[test]
    fn prefix_must_be_a_mobile_one() {
        assert_eq!(normalise("0112345678"), Err(PhoneError::PrefixUnknown));
        assert_eq!(normalise("0952345678"), Err(PhoneError::PrefixUnknown), "095 is not listed");
        assert_eq!(normalise("+84 25 3812 345"), Err(PhoneError::PrefixUnknown), "Lạng Sơn landline 025x");
        assert_eq!(normalise("0321234567"), Ok("0321234567".to_owned()));
        assert_eq!(normalise("0599999999"), Ok("0599999999".to_owned()));
    }

    #[test]
    fn wrong_shapes_are_format_errors() {
        for typed in
            ["", "091234567", "09123456789", "+0912345678", "912345678", "0912a45678", "(091)2345678", "++84912345678"]
        {
            assert_eq!(normalise(typed), Err(PhoneError::Format), "{typed}");
        }
    }

    #[test]
    fn the_prefix_list_matches_domain_md() {
        let mut expected: Vec<String> = Vec::new();
        for range in [32..=39, 52..=52, 56..=56, 58..=59, 70..=70, 76..=79, 81..=89, 90..=94, 96..=99] {
            expected.extend(range.map(|n: u32| format!("0{n}")));
        }
        assert_eq!(MOBILE_PREFIXES.to_vec(), expected);
    }

    proptest! {
        #[test]
        fn normalising_is_idempotent(s in any::<String>()) {
            if let Ok(n) = normalise(&s) {
                prop_assert_eq!(normalise(&n), Ok(n.clone()));
            }
        }

        #[test]
        fn normalising_typed_forms_is_idempotent(s in r"(\+?84|0)[ .\-]?[0-9]{2}[ .\-]?[0-9]{3}[ .\-]?[0-9]{4}") {
            if let Ok(n) = normalise(&s) {
                prop_assert_eq!(n.len(), 10);
                prop_assert_eq!(normalise(&n), Ok(n.clone()));
            }
        }

        #[test]
        fn every_ten_digit_number_with_a_listed_prefix_is_accepted(
            p in 0usize..MOBILE_PREFIXES.len(), tail in 0u32..10_000_000
        ) {
            let number = format!("{}{tail:07}", MOBILE_PREFIXES[p]);
            prop_assert_eq!(normalise(&number), Ok(number.clone()));
            let international = format!("+84 {}", &number[1..]);
            prop_assert_eq!(normalise(&international), Ok(number));
        }
    }
}
