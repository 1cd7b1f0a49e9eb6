//! The serde path's runtime parts: wrappers that give the same JSON as the
//! fast path, for any serializer.

use core::fmt::Display;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::text::Shielded;

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
/// so the serde path asks first (into a sink: no allocation) and then writes
/// the value or its fallback. The fast path needs no such check: it rolls
/// back its own buffer.
#[must_use]
pub fn serializes<T: Serialize + ?Sized>(value: &T) -> bool {
    serde_json::to_writer(std::io::sink(), value).is_ok()
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
