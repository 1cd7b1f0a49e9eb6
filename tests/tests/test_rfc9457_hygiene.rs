//! The rfc9457 format's generated code compiles in a hostile scope, as
//! `test_hygiene.rs` checks for the other formats: no prelude, local items
//! named like everything the generated code could lean on (a module named
//! `api_errors` included), generics, lifetimes and where-clauses, and no
//! warning under `#![deny(warnings)]` and clippy's pedantic group.
#![no_implicit_prelude]
#![deny(warnings)]
#![deny(clippy::all, clippy::pedantic)]
#![allow(
    dead_code,
    non_camel_case_types,
    missing_docs,
    unused_macros,
    reason = "the hostile items exist to be shadowed, not used"
)]

extern crate api_errors;
extern crate serde_json;
extern crate std as real_std;

use api_errors::ApiError;

struct Result;
struct Option;
struct Some;
struct None;
struct Ok;
struct Err;
struct String;
struct Vec;
struct Box;
struct Serialize;
struct Display;
struct Cow;
struct u16;
struct usize;
struct Rfc9457;
struct ProblemDetails;
mod std {}
mod core {}
mod serde {}
mod alloc {}

macro_rules! concat {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `concat!`")
    };
}
macro_rules! format_args {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `format_args!`")
    };
}
macro_rules! stringify {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `stringify!`")
    };
}
macro_rules! write {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `write!`")
    };
}
macro_rules! vec {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `vec!`")
    };
}
macro_rules! panic {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `panic!`")
    };
}
macro_rules! unreachable {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `unreachable!`")
    };
}

#[derive(ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Hostile {
    #[api(
        code = 2202,
        status = 400,
        type = "missing",
        title = "Missing {field}",
        detail = field,
        instance = instance,
        extensions(field, retry = extra)
    )]
    Missing {
        field: real_std::string::String,
        instance: real_std::option::Option<real_std::string::String>,
        extra: real_std::option::Option<::core::primitive::u32>,
    },
    #[api(status = 404)]
    Unit,
}

mod shadowed {
    mod api_errors {}
    mod std {}
    mod core {}
    mod serde {}
    mod __private {}

    struct ApiError;
    struct Format;
    struct Body;
    struct ErrorInfo;
    struct Rfc9457;
    struct Serializer;
    struct SerializeMap;
    struct SerializeStruct;
    struct Display;
    struct Formatter;
    struct Vec;
    struct String;
    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct str;
    struct u8;
    struct u16;
    struct usize;
    trait Serialize {}
    trait Sized {}

    #[derive(::api_errors::ApiError)]
    #[api(format = "rfc9457")]
    pub(super) enum Generic<'a, T>
    where
        T: ::core::fmt::Display + ::serde::Serialize,
    {
        #[api(
            status = 422,
            type = "urn:example:invalid",
            title = "Invalid {name}",
            detail = value,
            instance = "/values/{name}",
            extensions(value, name)
        )]
        Invalid {
            name: &'a ::core::primitive::str,
            value: T,
        },
        #[api(transparent)]
        Inner(super::Hostile),
    }
}

#[test]
fn test_hostile_scope_compiles_and_serialises() {
    let error = Hostile::Missing {
        field: ::core::convert::From::from("name"),
        instance: real_std::option::Option::None,
        extra: real_std::option::Option::Some(3),
    };
    let json = ApiError::to_json(&error);
    ::core::assert_eq!(
        json,
        r#"{"type":"https://example.com/probs/missing","title":"Missing name","status":400,"detail":"name","code":2202,"field":"name","retry":3}"#
    );
    let serde = serde_json::to_string(&ApiError::body(&error));
    ::core::assert_eq!(serde.ok(), real_std::option::Option::Some(json));
    ::core::assert_eq!(ApiError::code(&Hostile::Unit), 404);
}

#[test]
fn test_shadowed_api_errors_generics_and_lifetimes() {
    let error = shadowed::Generic::Invalid {
        name: "count",
        value: 7_u32,
    };
    let json = ApiError::to_json(&error);
    ::core::assert_eq!(
        json,
        r#"{"type":"urn:example:invalid","title":"Invalid count","status":422,"detail":"7","instance":"/values/count","value":7,"name":"count"}"#
    );
    let serde = serde_json::to_string(&ApiError::body(&error));
    ::core::assert_eq!(serde.ok(), real_std::option::Option::Some(json));
    let error: shadowed::Generic<'_, u32> = shadowed::Generic::Inner(Hostile::Unit);
    ::core::assert_eq!(
        ApiError::to_json(&error),
        r#"{"type":"about:blank","title":"Not Found","status":404}"#
    );
}
