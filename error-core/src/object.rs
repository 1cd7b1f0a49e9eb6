//! `Serialize` and `Deserialize` for the crate's own JSON objects (the
//! client types, the catalogue's rows), written by two small macros instead
//! of serde's derive.
//!
//! Why not `#[derive(Serialize, Deserialize)]`: serde's `derive` feature
//! makes this crate wait for `serde_derive` to compile, which is the longest
//! stretch of a user's first build after `syn` (the derive of this crate
//! compiles beside it); without it, `api-errors` compiles in parallel with
//! `serde_derive`, or without it at all in a crate that derives nothing
//! else. The objects are few and flat, so a table of members says all that
//! the derive's attributes said: each member's key, and for an optional one
//! what an absent member is and whether it is written.
//!
//! What the derive did and the macros do too: members in declaration order;
//! unknown members ignored; a repeated member is an error (`duplicate field
//! `x``), a missing one too (`missing field `x``); an invalid value is the
//! member type's own error; the object's type named as
//! `struct Name` in "expected" messages.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Writes a struct as a JSON object, member by member in order. A member
/// with `if CONDITION` is written only when the condition holds.
///
/// ```text
/// serialize_object!(serializer, "Problem", {
///     "status" => &self.status;
///     "detail" => &self.detail, if self.detail.is_some();
/// })
/// ```
macro_rules! serialize_object {
    ($serializer:expr, $name:literal, { $($key:literal => $value:expr $(, if $present:expr)?;)* }) => {{
        use serde::ser::SerializeStruct as _;
        let len = 0 $(+ usize::from(true $(&& $present)?))*;
        let mut object = $serializer.serialize_struct($name, len)?;
        $(
            if true $(&& $present)? {
                object.serialize_field($key, $value)?;
            } else {
                object.skip_field($key)?;
            }
        )*
        object.end()
    }};
}
pub(crate) use serialize_object;

/// Implements `Deserialize` for a struct read from a JSON object. Each member
/// is `field: Read = "key"` (required: missing is an error) or
/// `field: Read = "key", or DEFAULT` (absent is `DEFAULT`); the value read
/// as `Read` becomes the field with `Into` (so `Read` may be the field's
/// type, or `T` for a field `Option<T>` whose `null` is `Some`).
macro_rules! deserialize_object {
    ($ty:ident, { $($field:ident: $read:ty = $key:literal $(, or $default:expr)?;)* }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const KEYS: &[&str] = &[$($key),*];

                struct ObjectVisitor;

                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($ty)))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$ty, A::Error> {
                        $(let mut $field: Option<$read> = None;)*
                        while let Some(index) = map.next_key_seed($crate::object::KeyIndex(KEYS))? {
                            let mut position = 0;
                            let mut known = false;
                            $(
                                if index == Some(position) {
                                    if $field.is_some() {
                                        return Err(<A::Error as serde::de::Error>::duplicate_field($key));
                                    }
                                    $field = Some(map.next_value()?);
                                    known = true;
                                }
                                position += 1;
                            )*
                            let _ = position;
                            if !known {
                                map.next_value::<serde::de::IgnoredAny>()?;
                            }
                        }
                        Ok($ty {
                            $($field: $crate::object::deserialize_object!(@finish A, $field, $key $(, $default)?),)*
                        })
                    }
                }

                deserializer.deserialize_struct(stringify!($ty), KEYS, ObjectVisitor)
            }
        }
    };
    (@finish $access:ident, $slot:ident, $key:literal) => {
        match $slot {
            Some(value) => value.into(),
            None => return Err(<$access::Error as serde::de::Error>::missing_field($key)),
        }
    };
    (@finish $access:ident, $slot:ident, $key:literal, $default:expr) => {
        match $slot {
            Some(value) => value.into(),
            None => $default,
        }
    };
}
pub(crate) use deserialize_object;

/// A member's key, read as its index in the object's keys (`None` for a key
/// the object does not have), without allocating.
pub(crate) struct KeyIndex(pub(crate) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeyIndex {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeyIndex {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member's key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|known| *known == key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|known| known.as_bytes() == key))
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::{String, ToString};

    use crate::entrecode::{Problem, SubErrors};
    use crate::json::Value;
    use crate::oz::OzBody;

    const PROBLEM: &str = r#"{"status":400,"code":2202,"title":"Missing property","type":"https://e.de/2202","_links":{"up":{"title":"Home","href":"https://e.de"},"describedby":{"title":"Error Description","href":"https://e.de/2202"}}}"#;

    fn problem(members: &str) -> Result<Problem, String> {
        let text = PROBLEM.replacen(
            r#""status":400"#,
            &alloc::format!(r#""status":400{members}"#),
            1,
        );
        serde_json::from_str(&text).map_err(|error| error.to_string())
    }

    #[test]
    fn members_are_read_by_key_whatever_their_order_and_unknown_ones_are_skipped() {
        let body: OzBody = serde_json::from_str(
            r#"{"details":{"b":1,"a":[2]},"extra":{"deep":[1,{"x":null}]},"error_message":"m","error_code":4}"#,
        )
        .unwrap();
        assert_eq!(body.error_code, 4);
        assert_eq!(body.error_message, "m");
        assert_eq!(body.details.to_string(), r#"{"b":1,"a":[2]}"#);
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error_code":4,"error_message":"m","details":{"b":1,"a":[2]}}"#
        );
    }

    #[test]
    fn a_missing_member_is_its_default_or_an_error_naming_it() {
        let body: OzBody = serde_json::from_str(r#"{"error_code":0,"error_message":"m"}"#).unwrap();
        assert!(body.details.is_null());
        let error = serde_json::from_str::<OzBody>(r#"{"error_code":0}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("missing field `error_message`"),
            "{error}"
        );
        let error = problem("").map(drop);
        assert!(error.is_ok(), "{error:?}");
        let error = serde_json::from_str::<Problem>(r#"{"status":400}"#).unwrap_err();
        assert!(
            error.to_string().starts_with("missing field `code`"),
            "{error}"
        );
    }

    #[test]
    fn a_repeated_member_is_an_error_naming_it() {
        let error = problem(r#","status":401"#).unwrap_err();
        assert!(error.starts_with("duplicate field `status`"), "{error}");
    }

    #[test]
    fn a_member_of_the_wrong_type_is_the_member_type_s_error_and_an_object_is_expected() {
        let error = problem(r#","detail":7"#).unwrap_err();
        assert!(
            error.starts_with("invalid type: integer `7`, expected a string"),
            "{error}"
        );
        let error = serde_json::from_str::<OzBody>("[4]").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid type: sequence, expected struct OzBody"),
            "{error}"
        );
    }

    #[test]
    fn null_is_absent_for_detail_and_embedded_and_a_value_for_verbose() {
        let read = problem(r#","detail":null,"verbose":null,"_embedded":null"#).unwrap();
        assert_eq!(read.detail, None);
        assert_eq!(read.verbose, Some(Value::Null));
        assert_eq!(read.embedded, None);
        let written = serde_json::to_string(&read).unwrap();
        assert_eq!(
            written,
            PROBLEM.replacen(r#""_links""#, r#""verbose":null,"_links""#, 1)
        );
        let plain = problem("").unwrap();
        assert_eq!(plain.verbose, None);
        assert_eq!(serde_json::to_string(&plain).unwrap(), PROBLEM);
    }

    #[test]
    fn sub_errors_are_one_object_or_an_array_and_nothing_else() {
        let sub = r#"{"code":2201,"title":"t","type":"u","detail":"d"}"#;
        let one = problem(&alloc::format!(r#","_embedded":{{"error":{sub}}}"#)).unwrap();
        let Some(SubErrors::One(error)) = one.embedded.as_ref().map(|e| e.error.clone()) else {
            panic!("{one:?}")
        };
        assert_eq!((error.code, error.detail.as_deref()), (2201, Some("d")));
        let many = problem(&alloc::format!(r#","_embedded":{{"error":[{sub},{sub}]}}"#)).unwrap();
        let Some(SubErrors::Many(errors)) = many.embedded.as_ref().map(|e| e.error.clone()) else {
            panic!("{many:?}")
        };
        assert_eq!(errors.len(), 2);
        assert!(
            serde_json::to_string(&many)
                .unwrap()
                .contains(&alloc::format!(r#""_embedded":{{"error":[{sub},{sub}]}}"#))
        );
        let error = problem(r#","_embedded":{"error":"x"}"#).unwrap_err();
        assert!(
            error.starts_with(
                r#"invalid type: string "x", expected a sub-error object or an array of them"#
            ),
            "{error}"
        );
        let error = problem(r#","_embedded":{"error":{"code":1}}"#).unwrap_err();
        assert!(error.starts_with("missing field `title`"), "{error}");
    }
}
