//! A JSON value that keeps an object's members in the order they were read:
//! what the client types hold of a body's free-form parts (Oz `details`,
//! entrecode `verbose`, RFC 9457 extension members).
//!
//! A `serde_json::Value` keeps an object's members sorted by key unless
//! `serde_json`'s `preserve_order` feature is on, and a feature is on for the
//! whole program that builds it: a library that turned it on would change
//! the key order of every `serde_json::Map` in its users' code and in every
//! other library they use. [`Value`] keeps the members as they came, so a
//! parsed body is written back byte for byte, key order (and a repeated
//! key) included, without changing anybody else's JSON.
//!
//! It reads like a `serde_json::Value` (`value["key"]`, `value[0]`,
//! `value == 30`, `as_str()`, …) and converts to one (`into()`, losing the
//! order) for the rest of `serde_json`'s API.
//!
//! ```
//! use api_errors::json::Value;
//!
//! let value: Value = serde_json::from_str(r#"{"zeta":1,"alpha":[true,"x"]}"#).unwrap();
//! assert_eq!(value["zeta"], 1);
//! assert_eq!(value["alpha"][1], "x");
//! assert!(value["missing"].is_null());
//! assert_eq!(value.to_string(), r#"{"zeta":1,"alpha":[true,"x"]}"#);
//!
//! let unordered: serde_json::Value = value.into();
//! assert_eq!(unordered.to_string(), r#"{"alpha":[true,"x"],"zeta":1}"#);
//! ```

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::ops::Index;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Number;

/// A JSON value whose objects keep their members in order (see the
/// [module](self)).
///
/// Two values are equal when they would be written the same: objects
/// compare member by member, in order. Compare with a `serde_json::Value`
/// (`==`) for equality as JSON, where order does not count.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as `serde_json` holds it.
    Number(Number),
    /// A string.
    // Not `String`: a public variant named `String` in a crate that a
    // program depends on makes the compiler write `std::string::String` in
    // full in every message about that program's strings (the compile-fail
    // cases show it).
    Text(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its members in order.
    Object(Map),
}

/// An object's members, in the order they were read or inserted.
///
/// A key read twice is kept twice (and written twice); [`get`](Map::get)
/// and indexing give the last, as a JSON parser that keeps one does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    members: Vec<(String, Value)>,
}

impl Map {
    /// An empty object.
    #[must_use]
    pub fn new() -> Self {
        Map::default()
    }

    /// How many members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there is no member.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The value of the member `key` (the last, if the key is repeated).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.members
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Whether there is a member `key`.
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets the member `key`: in its place (the last, if repeated) when
    /// there is one, and its old value is returned; else at the end.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.members.iter_mut().rev().find(|(name, _)| *name == key) {
            Some((_, old)) => Some(core::mem::replace(old, value)),
            None => {
                self.members.push((key, value));
                None
            }
        }
    }

    /// The members, in order.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &Value)> {
        self.members.iter().map(|(key, value)| (key, value))
    }

    /// The keys, in order.
    #[must_use]
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &String> {
        self.members.iter().map(|(key, _)| key)
    }

    /// The values, in order.
    #[must_use]
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> {
        self.members.iter().map(|(_, value)| value)
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(members: I) -> Self {
        Map {
            members: members.into_iter().collect(),
        }
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = alloc::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.members.into_iter()
    }
}

impl Index<&str> for Map {
    type Output = Value;
    /// The member `key`.
    ///
    /// # Panics
    ///
    /// If there is no such member, as `serde_json::Map` does.
    fn index(&self, key: &str) -> &Value {
        match self.get(key) {
            Some(value) => value,
            None => panic!("no member {key:?} in the object"),
        }
    }
}

impl Value {
    /// Whether it is `null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether it is an array.
    #[must_use]
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// Whether it is an object.
    #[must_use]
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The boolean, if it is one.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// The number as a `u64`, if it is one that fits.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    /// The number as an `i64`, if it is one that fits.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(number) => number.as_i64(),
            _ => None,
        }
    }

    /// The number as an `f64`, if it is a number.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(number) => number.as_f64(),
            _ => None,
        }
    }

    /// The string, if it is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The array, if it is one.
    #[must_use]
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The object, if it is one.
    #[must_use]
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The member `key` of an object (`None` when it is absent or the value
    /// is no object).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|map| map.get(key))
    }

    /// The value a JSON Pointer (RFC 6901) names: `""` is the value itself,
    /// `"/a/0"` the first item of its member `a`; `~1` stands for `/` and
    /// `~0` for `~` in a key. `None` when nothing is there.
    #[must_use]
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |value, token| {
            let token = token.replace("~1", "/").replace("~0", "~");
            match value {
                Value::Object(map) => map.get(&token),
                Value::Array(items) => token
                    .parse::<usize>()
                    .ok()
                    .filter(|_| token == "0" || !token.starts_with('0'))
                    .and_then(|index| items.get(index)),
                _ => None,
            }
        })
    }
}

/// `value["key"]` gives `null` for a missing member or a value that is no
/// object, as `serde_json::Value` does.
impl Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `value[i]` gives `null` past the end or for a value that is no array, as
/// `serde_json::Value` does.
impl Index<usize> for Value {
    type Output = Value;
    fn index(&self, index: usize) -> &Value {
        self.as_array()
            .and_then(|items| items.get(index))
            .unwrap_or(&NULL)
    }
}

static NULL: Value = Value::Null;

/// Compact JSON, as written on the wire.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let json = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&json)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(value) => serializer.serialize_bool(*value),
            Value::Number(number) => number.serialize(serializer),
            Value::Text(text) => serializer.serialize_str(text),
            Value::Array(items) => serializer.collect_seq(items),
            Value::Object(map) => map.serialize(serializer),
        }
    }
}

impl Serialize for Map {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.members.len()))?;
        for (key, value) in &self.members {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl<'de> Deserialize<'de> for Map {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(ValueVisitor)
            .and_then(|value| match value {
                Value::Object(map) => Ok(map),
                _ => Err(de::Error::custom("expected a JSON object")),
            })
    }
}

/// Reads any value as `serde_json::Value` reads it (a float that is not
/// finite is `null`), keeping objects' members in order.
struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Value, E> {
        Number::deserialize(de::value::I128Deserializer::<E>::new(value)).map(Value::Number)
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Value, E> {
        Number::deserialize(de::value::U128Deserializer::<E>::new(value)).map(Value::Number)
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::Text(value.into()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::Text(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut array = Vec::with_capacity(items.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = items.next_element()? {
            array.push(item);
        }
        Ok(Value::Array(array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut members = Vec::with_capacity(entries.size_hint().unwrap_or(0).min(4096));
        while let Some(entry) = entries.next_entry::<String, Value>()? {
            members.push(entry);
        }
        Ok(Value::Object(Map { members }))
    }
}

/// The same value as `serde_json` holds it: members in `serde_json`'s order
/// (sorted by key, unless its `preserve_order` feature is on), a repeated
/// key's last value.
impl From<Value> for serde_json::Value {
    fn from(value: Value) -> Self {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(value) => serde_json::Value::Bool(value),
            Value::Number(number) => serde_json::Value::Number(number),
            Value::Text(text) => serde_json::Value::String(text),
            Value::Array(items) => {
                serde_json::Value::Array(items.into_iter().map(Into::into).collect())
            }
            Value::Object(map) => serde_json::Value::Object(
                map.into_iter()
                    .map(|(key, value)| (key, value.into()))
                    .collect(),
            ),
        }
    }
}

/// The members in the order `serde_json` gives them.
impl From<serde_json::Value> for Value {
    fn from(value: serde_json::Value) -> Self {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(value) => Value::Bool(value),
            serde_json::Value::Number(number) => Value::Number(number),
            serde_json::Value::String(text) => Value::Text(text),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Into::into).collect())
            }
            serde_json::Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(key, value)| (key, value.into()))
                    .collect(),
            ),
        }
    }
}

/// Equal as JSON: objects compare as sets of members, whatever their order.
impl PartialEq<serde_json::Value> for Value {
    fn eq(&self, other: &serde_json::Value) -> bool {
        match (self, other) {
            (Value::Null, serde_json::Value::Null) => true,
            (Value::Bool(one), serde_json::Value::Bool(other)) => one == other,
            (Value::Number(one), serde_json::Value::Number(other)) => one == other,
            (Value::Text(one), serde_json::Value::String(other)) => one == other,
            (Value::Array(one), serde_json::Value::Array(other)) => one == other,
            (Value::Object(one), serde_json::Value::Object(other)) => {
                // A repeated key counts once, with its last value, as in
                // serde_json's map.
                let distinct: BTreeSet<&String> = one.keys().collect();
                distinct.len() == other.len()
                    && other
                        .iter()
                        .all(|(key, value)| one.get(key).is_some_and(|mine| mine == value))
            }
            _ => false,
        }
    }
}

/// Equal as JSON: objects compare as sets of members, whatever their order.
impl PartialEq<Value> for serde_json::Value {
    fn eq(&self, other: &Value) -> bool {
        other == self
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.into())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<String> for Value {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == Some(other.as_str())
    }
}

impl PartialEq<bool> for Value {
    fn eq(&self, other: &bool) -> bool {
        self.as_bool() == Some(*other)
    }
}

/// Numbers: `From` and `==` for each primitive, as `serde_json` has them.
macro_rules! numbers {
    (signed: $($signed:ty)*; unsigned: $($unsigned:ty)*; float: $($float:ty)*) => {
        $(
            impl From<$signed> for Value {
                fn from(value: $signed) -> Self {
                    Value::Number(i64::from(value).into())
                }
            }
            impl PartialEq<$signed> for Value {
                fn eq(&self, other: &$signed) -> bool {
                    self.as_i64() == Some(i64::from(*other))
                }
            }
        )*
        $(
            impl From<$unsigned> for Value {
                fn from(value: $unsigned) -> Self {
                    Value::Number(u64::from(value).into())
                }
            }
            impl PartialEq<$unsigned> for Value {
                fn eq(&self, other: &$unsigned) -> bool {
                    self.as_u64() == Some(u64::from(*other))
                }
            }
        )*
        $(
            impl PartialEq<$float> for Value {
                fn eq(&self, other: &$float) -> bool {
                    self.as_f64() == Some(f64::from(*other))
                }
            }
        )*
    };
}

numbers! {
    signed: i8 i16 i32 i64;
    unsigned: u8 u16 u32 u64;
    float: f32 f64
}

#[cfg(test)]
mod tests {
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;

    use super::{Map, Value};

    const ORDERED: &str =
        r#"{"zeta":{"b":1,"a":[1,-2,3.5,"x",null,true]},"alpha":"text","zeta":false,"m":{}}"#;

    #[test]
    fn a_value_writes_back_what_it_read_member_order_and_repeated_keys_included() {
        let value: Value = serde_json::from_str(ORDERED).unwrap();
        assert_eq!(serde_json::to_string(&value).unwrap(), ORDERED);
        assert_eq!(value.to_string(), ORDERED);
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["zeta", "alpha", "zeta", "m"]);
        // The last of a repeated key is the member's value, as for a parser
        // that keeps one.
        assert_eq!(value["zeta"], false);
    }

    #[test]
    fn indexing_and_comparisons_read_as_serde_json_values_do() {
        let value: Value =
            serde_json::from_str(r#"{"n":30,"s":"x","l":[1,2],"f":1.5,"neg":-3}"#).unwrap();
        assert_eq!(value["n"], 30);
        assert_eq!(value["n"], 30u8);
        assert_eq!(value["neg"], -3i16);
        assert_eq!(value["s"], "x");
        assert_eq!(value["s"], String::from("x"));
        assert_eq!(value["l"][1], 2);
        assert_eq!(value["f"], 1.5);
        assert!(value["missing"].is_null());
        assert!(value["l"][9].is_null());
        assert!(value["s"]["not an object"].is_null());
        assert!(value["l"].is_array() && !value["l"].is_object());
        assert!(value.is_object() && !value.is_array());
        assert_ne!(value["n"], 31);
        assert_ne!(value["s"], "y");
        assert_eq!(value["n"].as_u64(), Some(30));
        assert_eq!(value["neg"].as_i64(), Some(-3));
        assert_eq!(value["l"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn equality_with_serde_json_ignores_order_and_equality_of_values_does_not() {
        let ordered: Value = serde_json::from_str(r#"{"b":1,"a":2}"#).unwrap();
        let sorted: Value = serde_json::from_str(r#"{"a":2,"b":1}"#).unwrap();
        assert_ne!(ordered, sorted);
        assert_eq!(ordered, serde_json::json!({"a": 2, "b": 1}));
        assert_eq!(serde_json::json!({"a": 2, "b": 1}), sorted);
        assert_ne!(ordered, serde_json::json!({"a": 2}));
        assert_ne!(ordered, serde_json::json!({"a": 2, "b": 1, "c": 0}));
        assert_ne!(ordered, serde_json::json!({"a": 2, "b": "1"}));
        assert_ne!(Value::from(1), serde_json::json!("1"));
        let nested: Value = serde_json::from_str(r#"[{"x":[null,true]}]"#).unwrap();
        assert_eq!(nested, serde_json::json!([{"x": [null, true]}]));
        assert_ne!(nested, serde_json::json!([{"x": [null, false]}]));
        // A repeated key is one member, with its last value.
        let repeated: Value = serde_json::from_str(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(repeated, serde_json::json!({"a": 3, "b": 2}));
        assert_ne!(repeated, serde_json::json!({"a": 1, "b": 2}));
        assert_ne!(repeated, serde_json::json!({"a": 3}));
        let back: serde_json::Value = ordered.clone().into();
        assert_eq!(Value::from(back), sorted);
    }

    #[test]
    fn a_pointer_names_what_serde_json_s_pointer_names() {
        let text = r#"{"a":[{"b/c":1,"d~e":2}],"":3,"0":{"01":4}}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let expected: serde_json::Value = serde_json::from_str(text).unwrap();
        for pointer in [
            "",
            "/a",
            "/a/0",
            "/a/0/b~1c",
            "/a/0/d~0e",
            "/",
            "/0/01",
            "/a/00",
            "/a/1",
            "/a/x",
            "a",
            "/missing/deeper",
        ] {
            assert_eq!(
                value.pointer(pointer).cloned().map(serde_json::Value::from),
                expected.pointer(pointer).cloned(),
                "{pointer}"
            );
        }
        assert_eq!(
            value.get("a").map(|a| a[0]["d~e"].clone()),
            Some(Value::from(2))
        );
        assert_eq!(value["a"].get("b"), None);
    }

    #[test]
    fn a_map_inserts_in_place_and_appends_new_keys() {
        let mut map = Map::new();
        assert!(map.is_empty());
        assert_eq!(map.insert("b".into(), 1.into()), None);
        assert_eq!(map.insert("a".into(), "x".into()), None);
        assert_eq!(map.insert("b".into(), true.into()), Some(Value::from(1)));
        assert_eq!(map.len(), 2);
        assert!(map.contains_key("a"));
        assert!(!map.contains_key("c"));
        assert_eq!(map["b"], true);
        assert_eq!(
            serde_json::to_string(&map).unwrap(),
            r#"{"b":true,"a":"x"}"#
        );
        let values: Vec<&Value> = map.values().collect();
        assert_eq!(values, [&Value::Bool(true), &Value::from("x")]);
        let members: Map = map.clone().into_iter().rev().collect();
        assert_eq!(
            serde_json::to_string(&members).unwrap(),
            r#"{"a":"x","b":true}"#
        );
    }

    #[test]
    fn a_map_refuses_what_is_no_object_and_numbers_read_as_serde_json_reads_them() {
        assert!(serde_json::from_str::<Map>("[1]").is_err());
        assert!(serde_json::from_str::<Map>(r#"{"a":1}"#).is_ok());
        let big: Value = serde_json::from_str("18446744073709551615").unwrap();
        assert_eq!(big.as_u64(), Some(u64::MAX));
        let text = "[1e400]";
        assert_eq!(
            serde_json::from_str::<Value>(text).is_ok(),
            serde_json::from_str::<serde_json::Value>(text).is_ok()
        );
        // A float that is not finite, from a format that has them, is
        // null, as in a serde_json::Value.
        let nan =
            serde::de::IntoDeserializer::<serde::de::value::Error>::into_deserializer(f64::NAN);
        assert!(
            <Value as serde::Deserialize>::deserialize(nan)
                .unwrap()
                .is_null()
        );
        assert_eq!(Value::from(7u32).to_string(), "7");
        assert_eq!(Value::Null.to_string(), "null");
        assert!(Value::default().is_null());
        assert_eq!(ToString::to_string(&Value::from(-1i64)), "-1");
    }
}
