//! The guard that keeps [`super::canonical()`] honest about numbers.
//!
//! `serde_jcs` writes every number as a double and, below the top level, lets serde_json turn NaN and infinities
//! into `null`. Either would sign something other than the record: a rounded id, or a missing value that reads as
//! "none". This walks the value once with a serializer that writes nothing and only looks at numbers, so such a
//! record is refused before any bytes are signed.

use serde::Serialize;
use serde::ser;

use super::canonical::MAX_SAFE_INTEGER;

/// Why a value has no faithful canonical form.
#[derive(Debug)]
pub(crate) struct Unfaithful(pub(crate) String);

impl std::fmt::Display for Unfaithful {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unfaithful {}

impl ser::Error for Unfaithful {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Unfaithful(msg.to_string())
    }
}

/// Refuses a value holding a non-finite float or an integer outside ±[`MAX_SAFE_INTEGER`], anywhere inside it.
pub(crate) fn check_numbers(value: &(impl Serialize + ?Sized)) -> Result<(), Unfaithful> {
    value.serialize(Guard)
}

fn check_int(value: i128) -> Result<(), Unfaithful> {
    if (-i128::from(MAX_SAFE_INTEGER)..=i128::from(MAX_SAFE_INTEGER)).contains(&value) {
        Ok(())
    } else {
        Err(Unfaithful(format!("the integer {value} is too large to sign exactly; send it as a string")))
    }
}

fn check_float(value: f64) -> Result<(), Unfaithful> {
    if value.is_finite() { Ok(()) } else { Err(Unfaithful(format!("{value} has no JSON form"))) }
}

/// A serializer that writes nothing and only looks at numbers.
struct Guard;

/// The compound parts (sequences, maps, structs) simply visit each element with a fresh [`Guard`].
macro_rules! compound {
    ($trait:ident, $($method:ident($($arg:ident: $ty:ty),*)),+) => {
        impl ser::$trait for Guard {
            type Ok = ();
            type Error = Unfaithful;
            $(fn $method<T: Serialize + ?Sized>(&mut self, $($arg: $ty,)* value: &T) -> Result<(), Unfaithful> {
                $(let _ = $arg;)*
                value.serialize(Guard)
            })+
            fn end(self) -> Result<(), Unfaithful> {
                Ok(())
            }
        }
    };
}

compound!(SerializeSeq, serialize_element());
compound!(SerializeTuple, serialize_element());
compound!(SerializeTupleStruct, serialize_field());
compound!(SerializeTupleVariant, serialize_field());
compound!(SerializeStruct, serialize_field(key: &'static str));
compound!(SerializeStructVariant, serialize_field(key: &'static str));

impl ser::SerializeMap for Guard {
    type Ok = ();
    type Error = Unfaithful;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unfaithful> {
        key.serialize(Guard)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unfaithful> {
        value.serialize(Guard)
    }
    fn end(self) -> Result<(), Unfaithful> {
        Ok(())
    }
}

impl ser::Serializer for Guard {
    type Ok = ();
    type Error = Unfaithful;
    type SerializeSeq = Guard;
    type SerializeTuple = Guard;
    type SerializeTupleStruct = Guard;
    type SerializeTupleVariant = Guard;
    type SerializeMap = Guard;
    type SerializeStruct = Guard;
    type SerializeStructVariant = Guard;

    fn serialize_i64(self, v: i64) -> Result<(), Unfaithful> {
        check_int(i128::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unfaithful> {
        check_int(i128::from(v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Unfaithful> {
        check_int(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Unfaithful> {
        check_int(i128::try_from(v).unwrap_or(i128::MAX))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unfaithful> {
        check_float(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unfaithful> {
        check_float(f64::from(v))
    }
    // Smaller integers always fit; everything else holds no number of its own.
    fn serialize_i8(self, _: i8) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unfaithful> {
        value.serialize(Guard)
    }
    fn serialize_unit(self) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Unfaithful> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unfaithful> {
        value.serialize(Guard)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unfaithful> {
        value.serialize(Guard)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Guard, Unfaithful> {
        Ok(Guard)
    }
    fn serialize_tuple(self, _: usize) -> Result<Guard, Unfaithful> {
        Ok(Guard)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Guard, Unfaithful> {
        Ok(Guard)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Guard, Unfaithful> {
        Ok(Guard)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Guard, Unfaithful> {
        Ok(Guard)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Guard, Unfaithful> {
        Ok(Guard)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Guard, Unfaithful> {
        Ok(Guard)
    }
}
