//! How the fast path serialises a serde slot's value: through
//! [`JsonValue`], a serializer of this crate that hands every call on to
//! `serde_json`'s.
//!
//! The point is where the code is compiled. A field type `T` costs its
//! user's crate `T::serialize::<JsonValue>`, a few calls at most; the
//! writing itself (numbers, escaped strings, `null`) is in `JsonValue`'s
//! methods, which are not generic and are compiled once, in this crate.
//! Serialising with `&mut serde_json::Serializer<&mut Vec<u8>>` directly
//! would compile `serde_json`'s writer again in every user's crate, for
//! every field type (BENCHMARKS.md, "Compile time"). The JSON is
//! `serde_json`'s own: each method is the one `serde_json` runs.
#![allow(
    clippy::inline_always,
    reason = "in an optimised build, inlined into the arm that writes the value, as serde_json's own methods are"
)]

use alloc::vec::Vec;
use core::fmt::Display;

use serde::ser::{Serialize, Serializer};

/// `serde_json`'s serializer over a body's buffer.
pub(super) type Json<'a> = serde_json::Serializer<&'a mut Vec<u8>>;

/// A serializer that writes JSON into a body's buffer through `serde_json`.
pub(super) struct JsonValue<'a, 'b>(pub(super) &'a mut Json<'b>);

type Inner<'a, 'b> = &'a mut Json<'b>;
type Out = Result<(), serde_json::Error>;

/// The methods without a generic parameter, handed on as they are.
macro_rules! hand_on {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[cfg_attr(not(debug_assertions), inline(always))]
        fn $method(self, $($arg: $ty),*) -> Out {
            self.0.$method($($arg),*)
        }
    )*};
}

/// The compound methods, handed on: their elements are serialised by
/// `serde_json` itself.
macro_rules! hand_on_compound {
    ($($method:ident($($arg:ident: $ty:ty),*) -> $kind:ident;)*) => {$(
        #[cfg_attr(not(debug_assertions), inline(always))]
        fn $method(self, $($arg: $ty),*) -> Result<Self::$kind, serde_json::Error> {
            self.0.$method($($arg),*)
        }
    )*};
}

impl<'a, 'b> Serializer for JsonValue<'a, 'b> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = <Inner<'a, 'b> as Serializer>::SerializeSeq;
    type SerializeTuple = <Inner<'a, 'b> as Serializer>::SerializeTuple;
    type SerializeTupleStruct = <Inner<'a, 'b> as Serializer>::SerializeTupleStruct;
    type SerializeTupleVariant = <Inner<'a, 'b> as Serializer>::SerializeTupleVariant;
    type SerializeMap = <Inner<'a, 'b> as Serializer>::SerializeMap;
    type SerializeStruct = <Inner<'a, 'b> as Serializer>::SerializeStruct;
    type SerializeStructVariant = <Inner<'a, 'b> as Serializer>::SerializeStructVariant;

    hand_on! {
        serialize_bool(value: bool);
        serialize_i8(value: i8);
        serialize_i16(value: i16);
        serialize_i32(value: i32);
        serialize_i64(value: i64);
        serialize_i128(value: i128);
        serialize_u8(value: u8);
        serialize_u16(value: u16);
        serialize_u32(value: u32);
        serialize_u64(value: u64);
        serialize_u128(value: u128);
        serialize_f32(value: f32);
        serialize_f64(value: f64);
        serialize_char(value: char);
        serialize_str(value: &str);
        serialize_bytes(value: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    hand_on_compound! {
        serialize_seq(len: Option<usize>) -> SerializeSeq;
        serialize_tuple(len: usize) -> SerializeTuple;
        serialize_tuple_struct(name: &'static str, len: usize) -> SerializeTupleStruct;
        serialize_tuple_variant(
            name: &'static str,
            index: u32,
            variant: &'static str,
            len: usize
        ) -> SerializeTupleVariant;
        serialize_map(len: Option<usize>) -> SerializeMap;
        serialize_struct(name: &'static str, len: usize) -> SerializeStruct;
        serialize_struct_variant(
            name: &'static str,
            index: u32,
            variant: &'static str,
            len: usize
        ) -> SerializeStructVariant;
    }

    // `serde_json` serialises the inner value of these two with itself
    // (`value.serialize(self)`); so does this one, keeping the value's
    // scalars on the methods above.
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out {
        value.serialize(self)
    }

    #[cfg_attr(not(debug_assertions), inline(always))]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Out {
        value.serialize(self)
    }

    #[cfg_attr(not(debug_assertions), inline(always))]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Out {
        self.0
            .serialize_newtype_variant(name, index, variant, value)
    }

    #[cfg_attr(not(debug_assertions), inline(always))]
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Out {
        self.0.collect_str(value)
    }

    // `is_human_readable` is left to the trait's default, `true`, which is
    // serde_json's answer.
}

#[cfg(test)]
mod tests {
    use alloc::collections::BTreeMap;
    use alloc::string::String;
    use alloc::vec;
    use alloc::vec::Vec;
    use core::net::Ipv4Addr;

    use serde::{Serialize, Serializer};

    use super::{Json, JsonValue};

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Newtype(u8);

    #[derive(Serialize)]
    struct Pair(i8, &'static str);

    #[derive(Serialize)]
    struct Record {
        name: &'static str,
        tags: Vec<&'static str>,
        nested: Option<Newtype>,
    }

    #[derive(Serialize)]
    enum Shape {
        Empty,
        Wrapped(Option<u16>),
        Pair(u8, u8),
        Named { side: f64 },
    }

    /// Writes `value` through `JsonValue` and checks the bytes against
    /// `serde_json`'s own serialisation, the independent expectation.
    fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) {
        let expected = serde_json::to_vec(value);
        let mut written = Vec::new();
        let result = value.serialize(JsonValue(&mut Json::new(&mut written)));
        match expected {
            Ok(expected) => {
                assert!(result.is_ok(), "JsonValue refused what serde_json writes");
                assert_eq!(
                    String::from_utf8_lossy(&written),
                    String::from_utf8_lossy(&expected)
                );
            }
            Err(_) => assert!(result.is_err(), "JsonValue wrote what serde_json refuses"),
        }
    }

    #[test]
    fn every_kind_of_value_is_written_as_serde_json_writes_it() {
        same_as_serde_json(&true);
        same_as_serde_json(&i8::MIN);
        same_as_serde_json(&i16::MIN);
        same_as_serde_json(&i32::MIN);
        same_as_serde_json(&i64::MIN);
        same_as_serde_json(&i128::MIN);
        same_as_serde_json(&u8::MAX);
        same_as_serde_json(&u16::MAX);
        same_as_serde_json(&u32::MAX);
        same_as_serde_json(&u64::MAX);
        same_as_serde_json(&u128::MAX);
        same_as_serde_json(&1.5f32);
        same_as_serde_json(&-0.1f64);
        same_as_serde_json(&f64::NAN);
        same_as_serde_json(&f32::INFINITY);
        same_as_serde_json(&'\u{1F600}');
        same_as_serde_json("quote \" backslash \\ control \u{1} tab \t é");
        same_as_serde_json(&serde_bytes_like());
        same_as_serde_json(&Option::<u8>::None);
        same_as_serde_json(&Some("x"));
        same_as_serde_json(&());
        same_as_serde_json(&Unit);
        same_as_serde_json(&Newtype(7));
        same_as_serde_json(&Pair(-1, "b"));
        same_as_serde_json(&(1u8, "two", [3u8, 4]));
        same_as_serde_json(&vec![
            Shape::Empty,
            Shape::Wrapped(Some(2)),
            Shape::Wrapped(None),
        ]);
        same_as_serde_json(&Shape::Pair(1, 2));
        same_as_serde_json(&Shape::Named { side: 2.5 });
        same_as_serde_json(&Record {
            name: "n",
            tags: vec!["a", "b"],
            nested: Some(Newtype(1)),
        });
        same_as_serde_json(&BTreeMap::from([(1u8, "int key"), (2, "another")]));
        same_as_serde_json(&BTreeMap::from([(true, 1u8)]));
        // serde_json refuses a map key that is a list: so does JsonValue.
        same_as_serde_json(&BTreeMap::from([(vec![1u8], 1u8)]));
        // `collect_str`: a `Display` serialised as a string.
        same_as_serde_json(&Ipv4Addr::LOCALHOST);
    }

    /// Bytes as serde writes them (`serialize_bytes`: an array of numbers
    /// in `serde_json`).
    fn serde_bytes_like() -> impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_bytes(&[0, 255])
            }
        }
        Bytes
    }
}
