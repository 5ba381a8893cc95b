//! Identity numbers: the 12-digit CCCD (what it says about its holder) and the legacy 9-digit CMND.
//!
//! A CCCD is `PPP G YY SSSSSS`: the province where the birth was registered ([`super::province`]), a digit G for
//! century and sex, the last two digits of the birth year, and a serial. Birth year = 1900 + 100·⌊G/2⌋ + YY; even G
//! is male, odd G female. There is no check digit, so the province code, the year and the sex are all a screen can
//! check against what the person typed elsewhere.

use super::province;
use super::types::{IdKind, Sex};

/// Why a typed identity number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdError {
    /// Not 12 (CCCD) or 9 (CMND) digits after removing spaces and dots, or it holds letters or other signs.
    Format,
    /// Twelve digits, but the first three are no province's code.
    ProvinceUnknown,
}

/// What a CCCD number says about its holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CccdFacts {
    /// The 3-digit code of the province where the birth was registered.
    pub province_code: &'static str,
    /// Year of birth from the century digit and the two year digits.
    pub birth_year: i32,
    /// Sex from the parity of the century digit.
    pub sex: Sex,
}

/// A well-formed identity number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdNumber {
    /// CCCD or CMND, decided by the length.
    pub kind: IdKind,
    /// The digits only.
    pub digits: String,
    /// For a CCCD, what the number says; `None` for a CMND, whose digits say nothing checkable.
    pub facts: Option<CccdFacts>,
}

/// The digits of a typed number: spaces (of any kind) and dots, which people type to group digits as on the card,
/// are removed; any other character fails. Does not check the length.
pub fn digits(text: &str) -> Result<String, IdError> {
    let mut out = String::with_capacity(12);
    for c in text.chars() {
        if c.is_whitespace() || c == '.' {
            continue;
        }
        if !c.is_ascii_digit() {
            return Err(IdError::Format);
        }
        out.push(c);
    }
    Ok(out)
}

/// Reads a typed identity number.
///
/// Only 9-digit CMNDs are accepted. Some provinces issued 12-digit CMNDs in 2012–2016, but those carry the same
/// 12-digit personal identification number, built the same way, that the holder's CCCD carries now: a 12-digit
/// number is therefore read as a CCCD, which keeps one person from being registered twice under two kinds.
pub fn parse(text: &str) -> Result<IdNumber, IdError> {
    let digits = digits(text)?;
    match digits.len() {
        12 => {
            let facts = cccd_facts(&digits)?;
            Ok(IdNumber { kind: IdKind::Cccd, digits, facts: Some(facts) })
        }
        9 => Ok(IdNumber { kind: IdKind::Cmnd, digits, facts: None }),
        _ => Err(IdError::Format),
    }
}

/// The facts in twelve ASCII digits.
fn cccd_facts(digits: &str) -> Result<CccdFacts, IdError> {
    let b = digits.as_bytes();
    if b.len() != 12 || !b.iter().all(u8::is_ascii_digit) {
        return Err(IdError::Format);
    }
    let province_code = province::PROVINCES
        .iter()
        .map(|(c, _)| *c)
        .find(|c| c.as_bytes() == &b[..3])
        .ok_or(IdError::ProvinceUnknown)?;
    let g = i32::from(b[3] - b'0');
    let yy = i32::from(b[4] - b'0') * 10 + i32::from(b[5] - b'0');
    let birth_year = 1900 + 100 * (g / 2) + yy;
    let sex = if g % 2 == 0 { Sex::Male } else { Sex::Female };
    Ok(CccdFacts { province_code, birth_year, sex })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn facts(text: &str) -> CccdFacts {
        parse(text).unwrap().facts.unwrap()
    }

    #[test]
    fn century_digit_gives_year_and_sex() {
        let cases = [
            ("020085000123", 1985, Sex::Male),   // G = 0: 1900s, male
            ("020185000123", 1985, Sex::Female), // G = 1: 1900s, female
            ("020203000123", 2003, Sex::Male),   // G = 2: 2000s, male
            ("020305000123", 2005, Sex::Female), // G = 3: 2000s, female
        ];
        for (number, year, sex) in cases {
            let f = facts(number);
            assert_eq!((f.province_code, f.birth_year, f.sex), ("020", year, sex), "{number}");
        }
    }

    #[test]
    fn spaces_and_dots_are_stripped() {
        let id = parse(" 020.085.000.123 ").unwrap();
        assert_eq!(id.digits, "020085000123");
        assert_eq!(id.kind, IdKind::Cccd);
        assert_eq!(parse("020 085\u{a0}000 123").unwrap().digits, "020085000123");
    }

    #[test]
    fn letters_and_other_signs_are_refused() {
        assert_eq!(parse("02008500012A"), Err(IdError::Format));
        assert_eq!(parse("020-085-000-123"), Err(IdError::Format));
        assert_eq!(parse("０２０085000123"), Err(IdError::Format), "full-width digits are not ASCII digits");
    }

    #[test]
    fn unknown_province_is_its_own_error() {
        assert_eq!(parse("003085000123"), Err(IdError::ProvinceUnknown));
        assert_eq!(parse("099085000123"), Err(IdError::ProvinceUnknown));
    }

    #[test]
    fn cmnd_is_nine_digits_only() {
        let id = parse("082 123 456").unwrap();
        assert_eq!((id.kind, id.digits.as_str(), id.facts), (IdKind::Cmnd, "082123456", None));
        assert_eq!(parse("0821234567"), Err(IdError::Format), "10 digits");
        assert_eq!(parse("08212345"), Err(IdError::Format), "8 digits");
        assert_eq!(parse(""), Err(IdError::Format));
    }

    proptest! {
        #[test]
        fn never_panics_and_digits_are_idempotent(s in any::<String>()) {
            let _ = parse(&s);
            if let Ok(d) = digits(&s) {
                prop_assert_eq!(digits(&d), Ok(d.clone()));
            }
        }

        #[test]
        fn every_listed_province_with_any_tail_parses(
            p in 0usize..province::PROVINCES.len(), g in 0u8..10, yy in 0u8..100, serial in 0u32..1_000_000
        ) {
            let number = format!("{}{g}{yy:02}{serial:06}", province::PROVINCES[p].0);
            let f = parse(&number).unwrap().facts.unwrap();
            prop_assert_eq!(f.birth_year, 1900 + 100 * i32::from(g / 2) + i32::from(yy));
            prop_assert_eq!(f.sex == Sex::Male, g % 2 == 0);
        }
    }
}
