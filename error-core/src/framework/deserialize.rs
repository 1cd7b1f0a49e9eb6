//! Reading a request's JSON body, form body or query string into the
//! handler's type; when that fails, which property and why, as data.
//!
//! The input is read once with the plain deserializer (the accepted path
//! costs what the framework's own extractor costs); only input it refuses
//! for a value is read a second time through [`Structured`] and
//! `serde_path_to_error`, which give the property's path and whether it was
//! missing or malformed.

use alloc::string::String;

use serde::de::{Deserialize, DeserializeOwned, Deserializer};

use super::structured::{Cause, Slot, Structured};
use super::{FrameworkError, OwnedError};

/// Why the input did not deserialise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    /// A required property is absent: its path (`profile.color`).
    Missing(String),
    /// A property has the wrong type or format, or the type refuses it: its
    /// path. Empty when the input as a whole is of the wrong kind.
    Invalid(String),
    /// The input is not JSON (a syntax error, cut short).
    Malformed,
}

impl Fault {
    /// The framework error of a body's fault (JSON or form): its fields are
    /// properties; a body of the wrong kind as a whole, or not JSON, is an
    /// invalid body.
    pub(crate) fn in_body(&self) -> FrameworkError<'_> {
        match self {
            Fault::Missing(property) => FrameworkError::MissingProperty { property },
            Fault::Invalid(property) if !property.is_empty() => {
                FrameworkError::InvalidProperty { property }
            }
            Fault::Invalid(_) | Fault::Malformed => FrameworkError::InvalidBody,
        }
    }

    /// The framework error of a query string's fault: its fields are
    /// parameters. (Every string is a well-formed query string; a `T` that
    /// is no struct or map names none.)
    pub(crate) fn in_query(&self) -> FrameworkError<'_> {
        match self {
            Fault::Missing(parameter) => FrameworkError::MissingQueryParameter { parameter },
            Fault::Invalid(parameter) => FrameworkError::InvalidQueryParameter { parameter },
            Fault::Malformed => FrameworkError::InvalidQueryParameter { parameter: "" },
        }
    }
}

/// A request's JSON body, read whole, as the extractors of both frameworks
/// take it: no bytes is a missing body, then a `Content-Type` that is not
/// JSON an unsupported media type, then the body's own faults.
pub(crate) fn json_body<T: DeserializeOwned>(
    body: &[u8],
    declared_json: bool,
) -> Result<T, OwnedError> {
    if body.is_empty() {
        return Err(OwnedError::new(FrameworkError::MissingBody));
    }
    if !declared_json {
        return Err(OwnedError::new(FrameworkError::UnsupportedMediaType));
    }
    json(body).map_err(|fault| OwnedError::new(fault.in_body()))
}

/// A request's form body, read whole: a `Content-Type` that is not a form
/// is a missing body when there are no bytes, an unsupported media type
/// otherwise; a form's fields are properties (an empty form lacks them).
pub(crate) fn form_body<T: DeserializeOwned>(
    body: &[u8],
    declared_form: bool,
) -> Result<T, OwnedError> {
    if !declared_form {
        let error = if body.is_empty() {
            FrameworkError::MissingBody
        } else {
            FrameworkError::UnsupportedMediaType
        };
        return Err(OwnedError::new(error));
    }
    urlencoded(body).map_err(|fault| OwnedError::new(fault.in_body()))
}

/// A JSON body.
pub(crate) fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Fault> {
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        Err(error) if !error.is_data() => Err(Fault::Malformed),
        Err(_) => Err(locate::<T, _>(&mut serde_json::Deserializer::from_slice(
            body,
        ))),
    }
}

/// A query string or an `application/x-www-form-urlencoded` body.
pub(crate) fn urlencoded<T: DeserializeOwned>(input: &[u8]) -> Result<T, Fault> {
    match serde_urlencoded::from_bytes(input) {
        Ok(value) => Ok(value),
        // Every byte sequence is a well-formed query string: an error is
        // always a value's.
        Err(_) => Err(locate::<T, _>(serde_urlencoded::Deserializer::new(
            form_urlencoded::parse(input),
        ))),
    }
}

/// Reads the input again, through the adapter, to find what failed.
fn locate<'de, T: Deserialize<'de>, D: Deserializer<'de>>(inner: D) -> Fault {
    let slot = Slot::default();
    match serde_path_to_error::deserialize::<_, T>(Structured::new(inner, &slot)) {
        // The plain read failed and this one did not: the type's
        // `Deserialize` is not deterministic. Nothing names a property.
        Ok(_) => Fault::Invalid(String::new()),
        Err(error) => {
            let path = error.path();
            let at = if path.iter().next().is_none() {
                String::new()
            } else {
                path.to_string()
            };
            match error.into_inner() {
                Cause::MissingField(name) => Fault::Missing(join(at, name)),
                // The path of a refused key already ends with the key.
                Cause::UnknownField | Cause::Invalid => Fault::Invalid(at),
            }
        }
    }
}

/// `parent.name`, or `name` at the top.
fn join(mut parent: String, name: &str) -> String {
    if !parent.is_empty() {
        parent.push('.');
    }
    parent.push_str(name);
    parent
}

#[cfg(test)]
mod tests {
    use alloc::collections::BTreeMap;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    use serde::Deserialize;

    use super::{Fault, FrameworkError, form_body, json, json_body, urlencoded};

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "only deserialised")]
    struct Note {
        title: String,
        tags: Vec<String>,
        profile: Profile,
        pinned: Option<bool>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only deserialised")]
    struct Profile {
        color: String,
        #[serde(rename = "fontSize")]
        font_size: u8,
    }

    fn note(body: &str) -> Result<Note, Fault> {
        json(body.as_bytes())
    }

    fn missing(path: &str) -> Result<Note, Fault> {
        Err(Fault::Missing(path.into()))
    }

    fn invalid(path: &str) -> Result<Note, Fault> {
        Err(Fault::Invalid(path.into()))
    }

    const PROFILE: &str = r#""profile":{"color":"red","fontSize":12}"#;

    #[test]
    fn a_valid_body_reads() {
        let read = note(&format!(r#"{{"title":"t","tags":["a"],{PROFILE}}}"#)).unwrap();
        assert_eq!((read.title.as_str(), read.profile.font_size), ("t", 12));
    }

    #[test]
    fn a_missing_property_is_named_by_its_path() {
        assert_eq!(
            note(&format!(r#"{{"tags":[],{PROFILE}}}"#)).map(drop),
            missing("title").map(drop)
        );
        let body = r#"{"title":"t","tags":[],"profile":{"fontSize":12}}"#;
        assert_eq!(note(body).map(drop), missing("profile.color").map(drop));
        // An absent `Option` is not missing.
        assert!(note(&format!(r#"{{"title":"t","tags":[],{PROFILE}}}"#)).is_ok());
    }

    #[test]
    fn a_property_of_the_wrong_type_is_named_by_its_wire_path() {
        let body = r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":"big"}}"#;
        assert_eq!(note(body).map(drop), invalid("profile.fontSize").map(drop));
        let body = r#"{"title":"t","tags":["a",7],"profile":{"color":"red","fontSize":1}}"#;
        assert_eq!(note(body).map(drop), invalid("tags[1]").map(drop));
        let body = r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":300}}"#;
        assert_eq!(note(body).map(drop), invalid("profile.fontSize").map(drop));
        let body = format!(r#"{{"title":"t","tags":[],{PROFILE},"pinned":"yes"}}"#);
        assert_eq!(note(&body).map(drop), invalid("pinned").map(drop));
    }

    #[test]
    fn an_unknown_property_where_none_is_allowed_is_named() {
        let body = r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":1,"font":2}}"#;
        assert_eq!(note(body).map(drop), invalid("profile.font").map(drop));
    }

    #[test]
    fn a_body_of_the_wrong_kind_names_no_property() {
        assert_eq!(note("\"note\"").map(drop), invalid("").map(drop));
        assert_eq!(note("7").map(drop), invalid("").map(drop));
        // serde reads a struct from an array too, element by element.
        assert_eq!(note("[1,2]").map(drop), invalid("[0]").map(drop));
    }

    #[test]
    fn a_body_that_is_not_json_is_malformed() {
        for body in [
            "",
            "{",
            "{\"title\":",
            "not json",
            "{\"title\" 1}",
            "{\"title\":\"\\x\"}",
        ] {
            assert_eq!(note(body).map(drop), Err(Fault::Malformed), "{body:?}");
        }
        let trailing = format!(r#"{{"title":"t","tags":[],{PROFILE}}} and more"#);
        assert_eq!(note(&trailing).map(drop), Err(Fault::Malformed));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "only deserialised")]
    struct Page {
        limit: u32,
        cursor: Option<String>,
    }

    #[test]
    fn query_parameters_missing_or_invalid_are_named() {
        let page = |query: &str| urlencoded::<Page>(query.as_bytes()).map(|page| page.limit);
        assert_eq!(page("limit=5&cursor=x"), Ok(5));
        assert_eq!(page("cursor=x"), Err(Fault::Missing("limit".into())));
        assert_eq!(page("limit=abc"), Err(Fault::Invalid("limit".into())));
        assert_eq!(page("limit=-1"), Err(Fault::Invalid("limit".into())));
        assert_eq!(page(""), Err(Fault::Missing("limit".into())));
    }

    #[test]
    fn a_map_reads_any_key_and_names_a_bad_value() {
        let read = urlencoded::<BTreeMap<String, u8>>(b"a=1&b=x");
        assert_eq!(read, Err(Fault::Invalid("b".to_string())));
    }

    #[test]
    fn a_body_fault_names_a_property_and_a_query_fault_a_parameter() {
        let missing = Fault::Missing("profile.color".into());
        let invalid = Fault::Invalid("tags[1]".into());
        assert_eq!(
            missing.in_body(),
            FrameworkError::MissingProperty {
                property: "profile.color"
            }
        );
        assert_eq!(
            invalid.in_body(),
            FrameworkError::InvalidProperty {
                property: "tags[1]"
            }
        );
        assert_eq!(
            Fault::Invalid(String::new()).in_body(),
            FrameworkError::InvalidBody
        );
        assert_eq!(Fault::Malformed.in_body(), FrameworkError::InvalidBody);
        assert_eq!(
            Fault::Missing("limit".into()).in_query(),
            FrameworkError::MissingQueryParameter { parameter: "limit" }
        );
        assert_eq!(
            Fault::Invalid("limit".into()).in_query(),
            FrameworkError::InvalidQueryParameter { parameter: "limit" }
        );
    }

    /// A refused body nested as deep as `serde_json` reads (128 levels) is
    /// read again through the adapter, one more stack of frames per level:
    /// it must fit a server thread's stack (2 MiB, tokio's and actix-web's
    /// default) in a debug build too.
    #[test]
    fn a_deeply_nested_refused_body_fits_a_server_threads_stack() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "only deserialised")]
        struct Deep {
            value: serde_json::Value,
            name: String,
        }
        let depth = 126;
        let body = format!(
            r#"{{"value":{}{},"nam":"x"}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let read = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || json::<Deep>(body.as_bytes()).map(drop))
            .unwrap()
            .join()
            .expect("the second read fits the stack");
        assert_eq!(read, Err(Fault::Missing("name".into())));
    }

    #[test]
    fn a_body_is_missing_then_of_the_wrong_type_then_faulty() {
        let json = |body: &str, declared| {
            json_body::<Page>(body.as_bytes(), declared).map(|page| page.limit)
        };
        let error = |error: FrameworkError<'_>| Err(super::OwnedError::new(error));
        assert_eq!(json(r#"{"limit":3}"#, true), Ok(3));
        assert_eq!(json("", false), error(FrameworkError::MissingBody));
        assert_eq!(json("", true), error(FrameworkError::MissingBody));
        assert_eq!(
            json(r#"{"limit":3}"#, false),
            error(FrameworkError::UnsupportedMediaType)
        );
        assert_eq!(
            json("{}", true),
            error(FrameworkError::MissingProperty { property: "limit" })
        );
        let form = |body: &str, declared| {
            form_body::<Page>(body.as_bytes(), declared).map(|page| page.limit)
        };
        assert_eq!(form("limit=4", true), Ok(4));
        assert_eq!(form("", false), error(FrameworkError::MissingBody));
        assert_eq!(
            form("limit=4", false),
            error(FrameworkError::UnsupportedMediaType)
        );
        // A form of the right type without fields lacks them.
        assert_eq!(
            form("", true),
            error(FrameworkError::MissingProperty { property: "limit" })
        );
    }
}
