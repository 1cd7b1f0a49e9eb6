//! Why a request body or query string did not deserialise, as data: the
//! property's path and whether it was missing or malformed, read from the
//! deserializer's structured calls, never from an error message.
//!
//! serde reports a missing field through `de::Error::missing_field(name)`, a
//! static constructor of the deserializer's own error type; `serde_json`'s
//! error keeps only a message. So the rejected input is read a second time
//! through [`Structured`], a deserializer adapter whose error type is
//! [`Cause`]: the handler type's `Deserialize` then builds `Cause`s itself
//! (`missing_field`, `invalid_type`, …), and `serde_path_to_error` on top
//! records where. Valid input never goes through the adapter: it costs
//! nothing on the accepted path.
//!
//! The adapter sits between the inner deserializer and the visitors, which
//! speak different error types. Where the inner deserializer calls one of
//! our visitors and the user's visitor fails with a `Cause`, the `Cause` is
//! parked in a [`Slot`] and the inner deserializer gets a placeholder error;
//! when the placeholder comes back out of the inner deserializer, the parked
//! `Cause` is taken instead of it.

use alloc::string::String;
use core::cell::RefCell;
use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// What was wrong with the input, as the deserializer reported it.
#[derive(Debug)]
pub(crate) enum Cause {
    /// A required field is absent (serde's `missing_field`).
    MissingField(&'static str),
    /// A field named in the input that the type refuses
    /// (`deny_unknown_fields`); the path already ends with it.
    UnknownField,
    /// A value of the wrong type, out of range, or refused by the type.
    Invalid,
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never written to the wire: the caller turns a `Cause` into a
        // property path. This text only serves `std::error::Error`.
        match self {
            Cause::MissingField(name) => write!(f, "missing field `{name}`"),
            Cause::UnknownField => f.write_str("unknown field"),
            Cause::Invalid => f.write_str("invalid value"),
        }
    }
}

impl std::error::Error for Cause {}

impl de::Error for Cause {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        // A type's own refusal (a `FromStr`, a `deserialize_with`): the value
        // is invalid; the message is the type's and stays off the wire.
        Cause::Invalid
    }

    fn missing_field(field: &'static str) -> Self {
        Cause::MissingField(field)
    }

    fn unknown_field(_field: &str, _expected: &'static [&'static str]) -> Self {
        Cause::UnknownField
    }
}

/// Where a `Cause` waits while a placeholder error travels through the
/// inner deserializer.
#[derive(Default)]
pub(crate) struct Slot(RefCell<Option<Cause>>);

impl Slot {
    /// Parks `cause` and gives the inner deserializer a placeholder.
    fn park<E: de::Error>(&self, cause: Cause) -> E {
        let mut slot = self.0.borrow_mut();
        // The deepest cause is the real one: keep it if one is parked.
        if slot.is_none() {
            *slot = Some(cause);
        }
        E::custom("")
    }

    /// The parked cause, or else the inner deserializer's own error: the
    /// input is only read through the adapter once a plain read reported a
    /// value error (see [`super::deserialize`]), so an error of its own is a value
    /// refused.
    fn take(&self) -> Cause {
        self.0.borrow_mut().take().unwrap_or(Cause::Invalid)
    }

    fn lift<T, E>(&self, result: Result<T, E>) -> Result<T, Cause> {
        result.map_err(|_| self.take())
    }

    fn lower<T, E: de::Error>(&self, result: Result<T, Cause>) -> Result<T, E> {
        result.map_err(|cause| self.park(cause))
    }
}

/// A deserializer whose error type is [`Cause`].
pub(crate) struct Structured<'s, D> {
    inner: D,
    slot: &'s Slot,
}

impl<'s, D> Structured<'s, D> {
    pub(crate) fn new(inner: D, slot: &'s Slot) -> Self {
        Structured { inner, slot }
    }
}

/// A visitor of ours around the user's, handed to the inner deserializer.
struct Wrap<'s, X> {
    inner: X,
    slot: &'s Slot,
}

impl<'s, X> Wrap<'s, X> {
    fn new(inner: X, slot: &'s Slot) -> Self {
        Wrap { inner, slot }
    }
}

macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Cause> {
            let slot = self.slot;
            slot.lift(self.inner.$method($($arg,)* Wrap::new(visitor, slot)))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Structured<'_, D> {
    type Error = Cause;

    forward_deserialize! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
            self.slot.lower(self.inner.$method(value))
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(alloc::vec::Vec<u8>);
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.slot.lower(self.inner.visit_none())
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.slot.lower(self.inner.visit_unit())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.slot.lower(
            self.inner
                .visit_some(Structured::new(deserializer, self.slot)),
        )
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.slot.lower(
            self.inner
                .visit_newtype_struct(Structured::new(deserializer, self.slot)),
        )
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.slot
            .lower(self.inner.visit_seq(Wrap::new(seq, self.slot)))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.slot
            .lower(self.inner.visit_map(Wrap::new(map, self.slot)))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.slot
            .lower(self.inner.visit_enum(Wrap::new(data, self.slot)))
    }
}

/// A seed of the user's, handed to the inner deserializer: it sees our
/// deserializer.
impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrap<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.slot.lower(
            self.inner
                .deserialize(Structured::new(deserializer, self.slot)),
        )
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Wrap<'_, A> {
    type Error = Cause;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Cause> {
        let slot = self.slot;
        slot.lift(self.inner.next_element_seed(Wrap::new(seed, slot)))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Wrap<'_, A> {
    type Error = Cause;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Cause> {
        let slot = self.slot;
        slot.lift(self.inner.next_key_seed(Wrap::new(seed, slot)))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Cause> {
        let slot = self.slot;
        slot.lift(self.inner.next_value_seed(Wrap::new(seed, slot)))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, 's, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Wrap<'s, A> {
    type Error = Cause;
    type Variant = Wrap<'s, A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Cause> {
        let slot = self.slot;
        let (value, variant) = slot.lift(self.inner.variant_seed(Wrap::new(seed, slot)))?;
        Ok((value, Wrap::new(variant, slot)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Wrap<'_, A> {
    type Error = Cause;

    fn unit_variant(self) -> Result<(), Cause> {
        let slot = self.slot;
        slot.lift(self.inner.unit_variant())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Cause> {
        let slot = self.slot;
        slot.lift(self.inner.newtype_variant_seed(Wrap::new(seed, slot)))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Cause> {
        let slot = self.slot;
        slot.lift(self.inner.tuple_variant(len, Wrap::new(visitor, slot)))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Cause> {
        let slot = self.slot;
        slot.lift(self.inner.struct_variant(fields, Wrap::new(visitor, slot)))
    }
}
