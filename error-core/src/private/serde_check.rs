//! The serde path's runtime parts: wrappers that give the same JSON as the
//! fast path, for any serializer.

use core::fmt::{self, Display};

use serde::ser::{self, Impossible, Serialize, SerializeMap, Serializer};

use super::shielded::Shielded;

/// Serialises a value's `Display` as a string.
pub struct DisplayStr<'a, T: ?Sized>(pub &'a T);

impl<T: Display + ?Sized> Serialize for DisplayStr<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&Shielded(self.0))
    }
}

/// Whether `value` serialises to JSON without error.
///
/// A streaming serializer cannot take back what a failed `Serialize` wrote,
/// so the serde path asks first and then writes the value or its fallback.
/// The fast path asks too, though it could roll back its own buffer: a
/// failing `Serialize` allocates its `serde_json::Error`, the question does
/// not.
///
/// The question goes to `SerializeCheck`, a serializer that writes nothing and
/// fails exactly where `serde_json` would: when the value's own `Serialize`
/// fails, or on a map key `serde_json` refuses. Asking costs a walk of the
/// value with nothing formatted, which the optimiser mostly removes for a
/// type that cannot fail, instead of a whole JSON serialisation into
/// `io::sink()`: a whole serialisation would cost the Oz details body
/// about a fifth more than the hand-written serde struct (BENCHMARKS.md,
/// "Instructions per call").
#[must_use]
#[inline]
pub fn serializes<T: Serialize + ?Sized>(value: &T) -> bool {
    value.serialize(SerializeCheck).is_ok()
}

/// A serializer that writes nothing and accepts what `serde_json` accepts.
///
/// `serde_json`'s own refusals are all about map keys (a key must be a
/// string, or a number, `bool`, `char` or unit variant that it turns into
/// one, and a float key must be finite); an I/O error cannot happen here.
/// Keys other than strings are therefore checked by `serde_json` itself
/// (a one-entry map into `io::sink()`), so the answer follows its version.
/// `collect_str` does not run the `Display`: `serde_json` would panic, not
/// fail, on a `Display` that returns an error of its own.
#[derive(Clone, Copy)]
pub struct SerializeCheck;

/// Why [`SerializeCheck`] refused: the value's own error, or a key.
#[derive(Debug)]
pub struct Refusal;

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value does not serialise to JSON")
    }
}

impl std::error::Error for Refusal {}

impl ser::Error for Refusal {
    #[inline]
    fn custom<T: Display>(_: T) -> Self {
        Refusal
    }
}

/// Accepts every scalar: only keys and the value's own errors can fail.
macro_rules! probe_scalars {
    ($($method:ident($($ty:ty),*);)*) => {$(
        // Compiled once, here, in a debug build (see `json_value.rs`).
        #[cfg_attr(not(debug_assertions), inline)]
        fn $method(self, $(_: $ty),*) -> Result<(), Refusal> {
            Ok(())
        }
    )*};
}

impl Serializer for SerializeCheck {
    type Ok = ();
    type Error = Refusal;
    type SerializeSeq = SerializeCheck;
    type SerializeTuple = SerializeCheck;
    type SerializeTupleStruct = SerializeCheck;
    type SerializeTupleVariant = SerializeCheck;
    type SerializeMap = SerializeCheck;
    type SerializeStruct = SerializeCheck;
    type SerializeStructVariant = SerializeCheck;

    probe_scalars! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Refusal> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Refusal> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Refusal> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_seq(self, _: Option<usize>) -> Result<SerializeCheck, Refusal> {
        Ok(self)
    }

    #[inline]
    fn serialize_tuple(self, _: usize) -> Result<SerializeCheck, Refusal> {
        Ok(self)
    }

    #[inline]
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<SerializeCheck, Refusal> {
        Ok(self)
    }

    #[inline]
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<SerializeCheck, Refusal> {
        Ok(self)
    }

    #[inline]
    fn serialize_map(self, _: Option<usize>) -> Result<SerializeCheck, Refusal> {
        Ok(self)
    }

    #[inline]
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<SerializeCheck, Refusal> {
        Ok(self)
    }

    #[inline]
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<SerializeCheck, Refusal> {
        Ok(self)
    }

    #[inline]
    fn collect_str<T: Display + ?Sized>(self, _: &T) -> Result<(), Refusal> {
        Ok(())
    }
}

/// The compound states of [`SerializeCheck`]: every element is probed in turn.
macro_rules! probe_elements {
    ($($trait:ident :: $method:ident($($name:ty),*);)*) => {$(
        impl ser::$trait for SerializeCheck {
            type Ok = ();
            type Error = Refusal;

            #[inline]
            fn $method<T: Serialize + ?Sized>(&mut self, $(_: $name,)* value: &T) -> Result<(), Refusal> {
                value.serialize(SerializeCheck)
            }

            #[inline]
            fn end(self) -> Result<(), Refusal> {
                Ok(())
            }
        }
    )*};
}

probe_elements! {
    SerializeSeq::serialize_element();
    SerializeTuple::serialize_element();
    SerializeTupleStruct::serialize_field();
    SerializeTupleVariant::serialize_field();
    SerializeStruct::serialize_field(&'static str);
    SerializeStructVariant::serialize_field(&'static str);
}

impl SerializeMap for SerializeCheck {
    type Ok = ();
    type Error = Refusal;

    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Refusal> {
        // A string key (the common case, `String` and `&str` keys, field
        // names under `flatten`) is always accepted; any other key, or one
        // whose `Serialize` fails, is judged by serde_json itself.
        if key.serialize(StrKey).is_ok()
            || serde_json::to_writer(std::io::sink(), &KeyOf(key)).is_ok()
        {
            Ok(())
        } else {
            Err(Refusal)
        }
    }

    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Refusal> {
        value.serialize(SerializeCheck)
    }

    #[inline]
    fn end(self) -> Result<(), Refusal> {
        Ok(())
    }
}

/// [`StrKey`] refuses every other kind of key (`serde_json` decides those).
macro_rules! not_a_str {
    ($($method:ident($($ty:ty),*);)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<(), Refusal> {
            Err(Refusal)
        }
    )*};
}

/// Succeeds for a string (a `&str`, a `Display`, or a newtype of one), fails
/// for anything else.
struct StrKey;

impl Serializer for StrKey {
    type Ok = ();
    type Error = Refusal;
    type SerializeSeq = Impossible<(), Refusal>;
    type SerializeTuple = Impossible<(), Refusal>;
    type SerializeTupleStruct = Impossible<(), Refusal>;
    type SerializeTupleVariant = Impossible<(), Refusal>;
    type SerializeMap = Impossible<(), Refusal>;
    type SerializeStruct = Impossible<(), Refusal>;
    type SerializeStructVariant = Impossible<(), Refusal>;

    #[inline]
    fn serialize_str(self, _: &str) -> Result<(), Refusal> {
        Ok(())
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Refusal> {
        value.serialize(self)
    }

    not_a_str! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Refusal> {
        Err(Refusal)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Refusal> {
        Err(Refusal)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Refusal> {
        Err(Refusal)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Refusal> {
        Err(Refusal)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Refusal> {
        Err(Refusal)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Refusal> {
        Err(Refusal)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Refusal> {
        Err(Refusal)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Refusal> {
        Err(Refusal)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Refusal> {
        Err(Refusal)
    }

    /// A `Display` key is a string key to `serde_json` (its `Display` is not
    /// run, as for values: see [`SerializeCheck`]).
    fn collect_str<T: Display + ?Sized>(self, _: &T) -> Result<(), Refusal> {
        Ok(())
    }
}

/// `{key: null}`: `serde_json`'s verdict on a map key.
struct KeyOf<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> Serialize for KeyOf<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, &())?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::ToString as _;

    use super::Refusal;

    /// A refusal is never on the wire, but a reader of a log may meet it.
    #[test]
    fn test_a_refusal_says_what_it_is() {
        assert_eq!(Refusal.to_string(), "the value does not serialise to JSON");
    }
}
