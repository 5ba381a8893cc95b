//! The canonical bytes of a record: what is hashed and signed, so the same record always gives the same bytes.
//!
//! We use the JSON Canonicalization Scheme, RFC 8785 (JCS), through the `serde_jcs` crate rather than a home-made
//! rule: JCS is a published standard that a server, an auditor's script or another language can reproduce (object
//! members sorted by their UTF-16 code units, no whitespace, minimal string escaping, numbers written as
//! ECMAScript writes an IEEE-754 double), and the crate passes the RFC's own test vectors.
//!
//! **Numbers.** JCS treats every number as a double, so an integer beyond ±(2⁵³−1) would be silently rounded and
//! two different records could share one canonical form. [`canonical`] refuses such integers instead: anything
//! that large (none of our money, counts or coordinates comes near it; 2⁵³ đồng is nine million billion) must
//! travel as a string. Non-finite floats (NaN, ∞) have no JSON form and are refused too. A float and an integer of
//! equal value (`1.0`, `1`) canonicalise alike, as JCS says they should. (`serde_jcs` alone would round the large
//! integers and, below the top level, write NaN as `null`; [`super::numbers`] guards against both.)

use serde::Serialize;
use serde_json::Value;

use super::numbers::check_numbers;
use crate::error::{Error, Result};

/// The largest integer a double holds exactly: JCS's limit for integers that keep their value.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// The canonical JSON bytes (RFC 8785) of `value`, whatever field order or whitespace it came with.
///
/// Fails with [`Error::BadArgument`] for a value that has no faithful canonical form: a non-finite float, an
/// integer outside ±[`MAX_SAFE_INTEGER`], or a map whose keys cannot be written as JSON strings.
pub fn canonical(value: &impl Serialize) -> Result<Vec<u8>> {
    check_numbers(value).map_err(|e| Error::BadArgument(format!("no canonical form: {e}")))?;
    serde_jcs::to_vec(value).map_err(|e| Error::BadArgument(format!("no canonical form: {e}")))
}

/// Whether `text` is already exactly the canonical form of the JSON it holds. The verifier uses this to refuse a
/// signed body that another program could read differently.
pub fn is_canonical(text: &str) -> bool {
    let Ok(tree) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    check_numbers(&tree).is_ok() && serde_jcs::to_vec(&tree).is_ok_and(|bytes| bytes == text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(value: &impl Serialize) -> String {
        String::from_utf8(canonical(value).expect("canonical")).expect("utf-8")
    }

    #[test]
    fn sorts_members_and_drops_whitespace() {
        let parsed: Value = serde_json::from_str("{ \"b\" : [1, 2.50, true],\n \"a\": \"Đình Lập\" }").expect("json");
        assert_eq!(text(&parsed), r#"{"a":"Đình Lập","b":[1,2.5,true]}"#);
    }

    #[test]
    fn follows_rfc_8785_for_numbers_and_strings() {
        // Values from RFC 8785 §3.2.2 and appendix B.
        assert_eq!(text(&json!([1e30, 4.5, 0.002, 1e-27, -0.0])), "[1e+30,4.5,0.002,1e-27,0]");
        assert_eq!(text(&json!("\u{20ac}$\u{000f}\n\"\\")), "\"€$\\u000f\\n\\\"\\\\\"");
        // Members sort by UTF-16 code units, not by UTF-8 bytes: U+FFFD sorts after an astral character here.
        assert_eq!(text(&json!({"\u{fffd}": 1, "\u{1f600}": 2})), "{\"\u{1f600}\":2,\"\u{fffd}\":1}");
    }

    #[test]
    fn refuses_values_it_cannot_keep_exactly() {
        assert!(canonical(&f64::NAN).is_err());
        // (Not through `json!`, which has already turned infinity into null.)
        assert!(canonical(&std::collections::BTreeMap::from([("x", f64::INFINITY)])).is_err());
        assert!(canonical(&json!({"id": MAX_SAFE_INTEGER + 1})).is_err());
        assert!(canonical(&json!([u64::MAX])).is_err());
        #[derive(Serialize)]
        struct Fix {
            readings: Vec<Option<f64>>,
            satellites: u64,
        }
        assert!(canonical(&Fix { readings: vec![Some(4.5), Some(f64::NAN)], satellites: 9 }).is_err());
        assert!(canonical(&Fix { readings: vec![None], satellites: u64::MAX }).is_err());
        let fine = Fix { readings: vec![None, Some(4.5)], satellites: 9 };
        assert_eq!(text(&fine), r#"{"readings":[null,4.5],"satellites":9}"#);
        assert_eq!(text(&json!({"dư_nợ": MAX_SAFE_INTEGER})), "{\"dư_nợ\":9007199254740991}");
        assert_eq!(text(&json!(-MAX_SAFE_INTEGER)), "-9007199254740991");
    }

    #[test]
    fn recognises_its_own_output_only() {
        assert!(is_canonical(r#"{"a":1,"b":"x"}"#));
        assert!(!is_canonical(r#"{"b":"x","a":1}"#));
        assert!(!is_canonical(r#"{"a": 1}"#));
        assert!(!is_canonical(r#"{"a":1.0}"#));
        assert!(!is_canonical("{\"a\":1"));
        assert!(!is_canonical("[9007199254740993]"));
    }
}
