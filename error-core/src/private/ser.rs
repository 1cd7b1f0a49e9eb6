//! The serde path's runtime parts: wrappers that give the same JSON as the
//! fast path, for any serializer.

use core::fmt::{self, Display};

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};

use super::text::{Shielded, Text};

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
/// The question goes to `Probe`, a serializer that writes nothing and
/// fails exactly where `serde_json` would: when the value's own `Serialize`
/// fails, or on a map key `serde_json` refuses. Asking costs a walk of the
/// value with nothing formatted, which the optimiser mostly removes for a
/// type that cannot fail, instead of a whole JSON serialisation into
/// `io::sink()` (BENCHMARKS.md, "Instructions per call": 1.21× the
/// hand-written serde struct before, 1.03× after, on the Oz details body).
#[must_use]
#[inline]
pub fn serializes<T: Serialize + ?Sized>(value: &T) -> bool {
    value.serialize(Probe).is_ok()
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
pub struct Probe;

/// Why [`Probe`] refused: the value's own error, or a key.
#[derive(Debug)]
pub struct ProbeError;

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value does not serialise to JSON")
    }
}

impl std::error::Error for ProbeError {}

impl ser::Error for ProbeError {
    #[inline]
    fn custom<T: Display>(_: T) -> Self {
        ProbeError
    }
}

/// Accepts every scalar: only keys and the value's own errors can fail.
macro_rules! probe_scalars {
    ($($method:ident($($ty:ty),*);)*) => {$(
        #[inline]
        fn $method(self, $(_: $ty),*) -> Result<(), ProbeError> {
            Ok(())
        }
    )*};
}

impl Serializer for Probe {
    type Ok = ();
    type Error = ProbeError;
    type SerializeSeq = Probe;
    type SerializeTuple = Probe;
    type SerializeTupleStruct = Probe;
    type SerializeTupleVariant = Probe;
    type SerializeMap = Probe;
    type SerializeStruct = Probe;
    type SerializeStructVariant = Probe;

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
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), ProbeError> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), ProbeError> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), ProbeError> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_seq(self, _: Option<usize>) -> Result<Probe, ProbeError> {
        Ok(self)
    }

    #[inline]
    fn serialize_tuple(self, _: usize) -> Result<Probe, ProbeError> {
        Ok(self)
    }

    #[inline]
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Probe, ProbeError> {
        Ok(self)
    }

    #[inline]
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Probe, ProbeError> {
        Ok(self)
    }

    #[inline]
    fn serialize_map(self, _: Option<usize>) -> Result<Probe, ProbeError> {
        Ok(self)
    }

    #[inline]
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Probe, ProbeError> {
        Ok(self)
    }

    #[inline]
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Probe, ProbeError> {
        Ok(self)
    }

    #[inline]
    fn collect_str<T: Display + ?Sized>(self, _: &T) -> Result<(), ProbeError> {
        Ok(())
    }
}

/// The compound states of [`Probe`]: every element is probed in turn.
macro_rules! probe_elements {
    ($($trait:ident :: $method:ident($($name:ty),*);)*) => {$(
        impl ser::$trait for Probe {
            type Ok = ();
            type Error = ProbeError;

            #[inline]
            fn $method<T: Serialize + ?Sized>(&mut self, $(_: $name,)* value: &T) -> Result<(), ProbeError> {
                value.serialize(Probe)
            }

            #[inline]
            fn end(self) -> Result<(), ProbeError> {
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

impl SerializeMap for Probe {
    type Ok = ();
    type Error = ProbeError;

    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ProbeError> {
        // A string key (the common case, `String` and `&str` keys, field
        // names under `flatten`) is always accepted; any other key, or one
        // whose `Serialize` fails, is judged by serde_json itself.
        if key.serialize(StrKey).is_ok()
            || serde_json::to_writer(std::io::sink(), &KeyOf(key)).is_ok()
        {
            Ok(())
        } else {
            Err(ProbeError)
        }
    }

    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ProbeError> {
        value.serialize(Probe)
    }

    #[inline]
    fn end(self) -> Result<(), ProbeError> {
        Ok(())
    }
}

/// [`StrKey`] refuses every other kind of key (`serde_json` decides those).
macro_rules! not_a_str {
    ($($method:ident($($ty:ty),*);)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<(), ProbeError> {
            Err(ProbeError)
        }
    )*};
}

/// Succeeds for a string (or a newtype of one), fails for anything else.
struct StrKey;

impl Serializer for StrKey {
    type Ok = ();
    type Error = ProbeError;
    type SerializeSeq = Impossible<(), ProbeError>;
    type SerializeTuple = Impossible<(), ProbeError>;
    type SerializeTupleStruct = Impossible<(), ProbeError>;
    type SerializeTupleVariant = Impossible<(), ProbeError>;
    type SerializeMap = Impossible<(), ProbeError>;
    type SerializeStruct = Impossible<(), ProbeError>;
    type SerializeStructVariant = Impossible<(), ProbeError>;

    #[inline]
    fn serialize_str(self, _: &str) -> Result<(), ProbeError> {
        Ok(())
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), ProbeError> {
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

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), ProbeError> {
        Err(ProbeError)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), ProbeError> {
        Err(ProbeError)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, ProbeError> {
        Err(ProbeError)
    }

    fn collect_str<T: Display + ?Sized>(self, _: &T) -> Result<(), ProbeError> {
        Err(ProbeError)
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

/// Serialises an interpolated text as a string.
///
/// [`Text`] already keeps its fields' own `Display` errors from escaping
/// (see `Shielded`), so it goes to `collect_str` as it is, without the
/// second layer [`DisplayStr`] would add.
pub struct TextStr<'a>(pub &'a Text<'a>);

impl Serialize for TextStr<'_> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// A constant object whose values all have one type (entrecode's `_links`
/// is an object of objects of strings): serialised in a loop the compiler
/// sees through, rather than by [`Const`]'s `match` at run time.
pub struct ConstMap<V: 'static>(pub &'static [(&'static str, V)]);

impl<V: Serialize> Serialize for ConstMap<V> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Serialises a value, or `null` if its `Serialize` fails (Oz `details`).
pub struct SerdeOrNull<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for SerdeOrNull<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializes(self.0) {
            self.0.serialize(serializer)
        } else {
            serializer.serialize_none()
        }
    }
}

/// A JSON value fixed at compile time (`null`, a code, a string, an object of
/// constants such as entrecode's `_links`).
pub enum Const {
    /// `null`.
    Null,
    /// A number.
    Int(u16),
    /// A string.
    Str(&'static str),
    /// An object, members in order.
    Object(&'static [(&'static str, Const)]),
}

impl Serialize for Const {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Const::Null => serializer.serialize_none(),
            Const::Int(value) => serializer.serialize_u16(*value),
            Const::Str(value) => serializer.serialize_str(value),
            Const::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in *members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// A body as a struct of members: `Members(name, (Field(…), MaybeField(…),
/// …))`. The derive writes each variant's body as one such value, so that
/// the struct's state handling lives here, once, instead of in every
/// variant's generated code.
pub struct Members<M>(pub &'static str, pub M);

impl<M: MemberList> Serialize for Members<M> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct(self.0, self.1.count())?;
        self.1.serialize_members(&mut state)?;
        state.end()
    }
}

/// A member, or a tuple of members (nested tuples for long lists).
pub trait MemberList {
    /// How many members are present.
    fn count(&self) -> usize;
    /// Serialises the members in order (`skip_field` for an absent one).
    fn serialize_members<S: SerializeStruct>(&self, state: &mut S) -> Result<(), S::Error>;
}

/// A member that is always present.
pub struct Field<V>(pub &'static str, pub V);

impl<V: Serialize> MemberList for Field<V> {
    #[inline]
    fn count(&self) -> usize {
        1
    }
    #[inline]
    fn serialize_members<S: SerializeStruct>(&self, state: &mut S) -> Result<(), S::Error> {
        state.serialize_field(self.0, &self.1)
    }
}

/// A member that is left out when `None`.
pub struct MaybeField<V>(pub &'static str, pub Option<V>);

impl<V: Serialize> MemberList for MaybeField<V> {
    #[inline]
    fn count(&self) -> usize {
        usize::from(self.1.is_some())
    }
    #[inline]
    fn serialize_members<S: SerializeStruct>(&self, state: &mut S) -> Result<(), S::Error> {
        match &self.1 {
            Some(value) => state.serialize_field(self.0, value),
            None => state.skip_field(self.0),
        }
    }
}

/// `MemberList` for tuples of member lists, up to eight.
macro_rules! member_tuples {
    ($(($($name:ident),+))*) => {$(
        impl<$($name: MemberList),+> MemberList for ($($name,)+) {
            #[inline]
            fn count(&self) -> usize {
                #[allow(non_snake_case)]
                let ($($name,)+) = self;
                0 $(+ $name.count())+
            }
            #[inline]
            fn serialize_members<S: SerializeStruct>(&self, state: &mut S) -> Result<(), S::Error> {
                #[allow(non_snake_case)]
                let ($($name,)+) = self;
                $($name.serialize_members(state)?;)+
                Ok(())
            }
        }
    )*};
}

member_tuples! {
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, D)
    (A, B, C, D, E)
    (A, B, C, D, E, F)
    (A, B, C, D, E, F, G)
    (A, B, C, D, E, F, G, H)
}
