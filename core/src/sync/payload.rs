//! A pushed record as it travels: JSON text kept as it came, never parsed into a tree until the reader of its kind
//! takes it.
//!
//! A push carries up to 500 records from a device the server does not trust. Parsed into `serde_json::Value` trees,
//! a few kilobytes of compressed JSON become hundreds of megabytes of maps before any rule has looked at them. As
//! [`Payload`] the body costs its own length; the server then reads each kind into a typed record (see
//! [`Payload::parse`]) or into its flat list of top-level fields ([`Payload::fields`]), both bounded.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// The longest payload one mutation may carry, in bytes of JSON text (a commune's findings of 3 × 20,000
/// characters, escaped, fit with room to spare).
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;

/// The most top-level fields a payload may have (the widest record, a site check, has under 30).
pub const MAX_PAYLOAD_FIELDS: usize = 64;

/// One mutation's record as unparsed JSON text (always a syntactically valid JSON value).
#[derive(Clone)]
pub struct Payload(Box<RawValue>);

/// Why a payload cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayloadError {
    /// Longer than [`MAX_PAYLOAD_BYTES`].
    TooLong,
    /// Not a JSON object, more than [`MAX_PAYLOAD_FIELDS`] fields, or not the record its kind needs; the text says
    /// which field (never the values sent).
    Invalid(String),
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PayloadError::TooLong => write!(f, "payload longer than {MAX_PAYLOAD_BYTES} bytes"),
            PayloadError::Invalid(why) => write!(f, "payload: {why}"),
        }
    }
}

impl Payload {
    /// The payload of `value` (its compact JSON text).
    pub fn from_value<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Payload> {
        Ok(Payload(serde_json::value::to_raw_value(value)?))
    }

    /// The payload of JSON `text` as stored in the device's outbox; fails when the text is not JSON.
    pub fn from_text(text: String) -> serde_json::Result<Payload> {
        Ok(Payload(RawValue::from_string(text)?))
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The payload read as `T`, refusing one over [`MAX_PAYLOAD_BYTES`].
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, PayloadError> {
        if self.get().len() > MAX_PAYLOAD_BYTES {
            return Err(PayloadError::TooLong);
        }
        serde_json::from_str(self.get()).map_err(|e| PayloadError::Invalid(e.to_string()))
    }

    /// The payload's top-level fields, each still unparsed, refusing anything but an object of at most
    /// [`MAX_PAYLOAD_FIELDS`] fields.
    pub fn fields(&self) -> Result<BTreeMap<String, Box<RawValue>>, PayloadError> {
        let fields: BTreeMap<String, Box<RawValue>> = self.parse()?;
        if fields.len() > MAX_PAYLOAD_FIELDS {
            return Err(PayloadError::Invalid(format!("more than {MAX_PAYLOAD_FIELDS} fields")));
        }
        Ok(fields)
    }

    /// The payload as a JSON tree, for a device's own records (which it wrote) and for tests. The server never
    /// calls this on what it receives before [`Payload::fields`] has bounded it.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::from_str(self.get()).unwrap_or(serde_json::Value::Null)
    }
}

impl PartialEq for Payload {
    fn eq(&self, other: &Payload) -> bool {
        self.get() == other.get()
    }
}

impl fmt::Debug for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl From<serde_json::Value> for Payload {
    fn from(value: serde_json::Value) -> Payload {
        // A Value always serialises.
        Payload::from_value(&value).expect("a JSON value serialises")
    }
}

impl Serialize for Payload {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Payload {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Payload, D::Error> {
        Box::<RawValue>::deserialize(d).map(Payload)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_the_text_and_reads_fields_without_a_tree() {
        let p: Payload = serde_json::from_str(r#"{"id":"a","fix":{"lat":21.5,"lon":107.1}}"#).expect("json");
        assert_eq!(p.get(), r#"{"id":"a","fix":{"lat":21.5,"lon":107.1}}"#);
        let fields = p.fields().expect("fields");
        assert_eq!(fields["fix"].get(), r#"{"lat":21.5,"lon":107.1}"#);
        assert_eq!(serde_json::to_string(&p).expect("out"), p.get());
    }

    #[test]
    fn refuses_non_objects_wide_objects_and_long_text() {
        let list = Payload::from(json!([1, 2]));
        assert!(matches!(list.fields(), Err(PayloadError::Invalid(_))));
        let wide: serde_json::Map<String, serde_json::Value> =
            (0..=MAX_PAYLOAD_FIELDS).map(|i| (format!("f{i}"), json!(i))).collect();
        assert!(matches!(Payload::from(serde_json::Value::Object(wide)).fields(), Err(PayloadError::Invalid(_))));
        let long = Payload::from(json!({ "t": "x".repeat(MAX_PAYLOAD_BYTES) }));
        assert!(matches!(long.fields(), Err(PayloadError::TooLong)));
    }

    #[test]
    fn equal_by_text() {
        assert_eq!(Payload::from(json!({"a": 1})), Payload::from_text(r#"{"a":1}"#.into()).expect("json"));
        assert!(Payload::from_text("{".into()).is_err());
    }
}
