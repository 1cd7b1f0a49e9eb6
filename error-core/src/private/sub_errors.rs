//! Sub-errors: errors written inside another error's body (a format's plan
//! places them under a member of its own, such as entrecode's
//! `_embedded.error`), the traits behind `embed`.

use alloc::boxed::Box;
use alloc::vec::Vec;

use serde::ser::{Serialize, Serializer};

use super::slots::Nothing;
use crate::ApiError;

/// An error written as a sub-error: the record's sub-error program and
/// members instead of the body's. Implemented by the derive for every type
/// of a format whose bodies embed errors.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written as a sub-error",
    label = "a sub-error is an `ApiError` of a format that embeds errors"
)]
pub trait Embeddable: ApiError {
    /// Appends the sub-error object.
    #[inline]
    fn __write_sub_json(&self, out: &mut Vec<u8>)
    where
        Self: Sized,
    {
        self.__visit(super::WriteSub(out));
    }

    /// Serialises the sub-error object.
    #[inline]
    fn __serialize_sub<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        Self: Sized,
    {
        self.__visit(super::SerializeSub::<S, Self::Format>::new(serializer))
    }

    /// The example sub-error of the type (its first variant's), for the
    /// OpenAPI description.
    fn __sub_example() -> Option<&'static str>
    where
        Self: Sized;
}

/// The example sub-error of `E`, as a JSON value (`null` for a type
/// without variants).
fn sub_example<E: Embeddable>() -> serde_json::Value {
    E::__sub_example()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default()
}

/// What an `embed` field may be: one sub-error, an `Option` of one, or a
/// list (`Vec`, slice, boxed slice) of them, all of one format.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be embedded as sub-errors",
    label = "`embed` names this field",
    note = "an `embed` field is an `ApiError` `E`, `Option<E>`, `Vec<E>`, `&[E]` or `Box<[E]>`"
)]
pub trait Embed {
    /// The format of the sub-errors (`()` for [`Nothing`]).
    type Format;
    /// Whether there is nothing to embed (`None`, an empty list): then
    /// the member that holds them is left out.
    fn is_empty(&self) -> bool;
    /// Appends the sub-errors: an object, or an array for a list.
    fn write_errors(&self, out: &mut Vec<u8>);
    /// Serialises the sub-errors.
    fn serialize_errors<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// An example of the sub-errors: one, or an array of one.
    fn __example() -> serde_json::Value;
}

impl<E: Embeddable> Embed for E {
    type Format = E::Format;
    fn is_empty(&self) -> bool {
        false
    }
    fn write_errors(&self, out: &mut Vec<u8>) {
        self.__write_sub_json(out);
    }
    fn serialize_errors<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.__serialize_sub(serializer)
    }
    fn __example() -> serde_json::Value {
        sub_example::<E>()
    }
}

impl<E: Embeddable> Embed for Option<E> {
    type Format = E::Format;
    fn is_empty(&self) -> bool {
        self.is_none()
    }
    fn write_errors(&self, out: &mut Vec<u8>) {
        if let Some(error) = self {
            error.__write_sub_json(out);
        }
    }
    fn serialize_errors<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(error) => error.__serialize_sub(serializer),
            None => serializer.serialize_none(),
        }
    }
    fn __example() -> serde_json::Value {
        sub_example::<E>()
    }
}

impl<E: Embeddable> Embed for [E] {
    type Format = E::Format;
    fn is_empty(&self) -> bool {
        <[E]>::is_empty(self)
    }
    fn write_errors(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (index, error) in self.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            error.__write_sub_json(out);
        }
        out.push(b']');
    }
    fn serialize_errors<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(SubBody))
    }
    fn __example() -> serde_json::Value {
        serde_json::Value::Array(Vec::from([sub_example::<E>()]))
    }
}

/// Lists delegate to the slice.
macro_rules! embed_as_slice {
    ($($list:ty),*) => {$(
        impl<E: Embeddable> Embed for $list {
            type Format = E::Format;
            fn is_empty(&self) -> bool {
                Embed::is_empty(AsRef::<[E]>::as_ref(self))
            }
            fn write_errors(&self, out: &mut Vec<u8>) {
                Embed::write_errors(AsRef::<[E]>::as_ref(self), out);
            }
            fn serialize_errors<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Embed::serialize_errors(AsRef::<[E]>::as_ref(self), serializer)
            }
            fn __example() -> serde_json::Value {
                <[E] as Embed>::__example()
            }
        }
    )*};
}

embed_as_slice!(Vec<E>, &[E], Box<[E]>);

/// No sub-errors: what generated code passes for a variant without `embed`.
impl Embed for Nothing {
    type Format = ();
    #[cfg_attr(not(debug_assertions), inline)]
    fn is_empty(&self) -> bool {
        true
    }
    #[cfg_attr(not(debug_assertions), inline)]
    fn write_errors(&self, _: &mut Vec<u8>) {}
    fn serialize_errors<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_none()
    }
    fn __example() -> serde_json::Value {
        serde_json::Value::Null
    }
}

struct SubBody<'a, E>(&'a E);

impl<E: Embeddable> Serialize for SubBody<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.__serialize_sub(serializer)
    }
}

/// Serialises the sub-errors.
pub(super) struct Errors<'a, T: ?Sized>(pub(super) &'a T);

impl<T: Embed + ?Sized> Serialize for Errors<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_errors(serializer)
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use super::{Embed, Errors, Nothing};

    /// What a variant without sub-errors hands the interpreter has nothing
    /// in it on any path: the member is left out, nothing is written, and
    /// the OpenAPI example has none.
    #[test]
    fn test_nothing_embeds_nothing() {
        assert!(Nothing.is_empty());
        let mut out = Vec::new();
        Nothing.write_errors(&mut out);
        assert!(out.is_empty());
        assert_eq!(serde_json::to_string(&Errors(&Nothing)).unwrap(), "null");
        assert_eq!(<Nothing as Embed>::__example(), serde_json::Value::Null);
    }
}
