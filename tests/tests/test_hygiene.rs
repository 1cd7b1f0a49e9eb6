//! Generated code compiles in a hostile scope: no prelude, local items named
//! like everything it could lean on (types, traits, modules, macros, and a
//! module named `api_errors` itself), generics, lifetimes and where-clauses,
//! and no warning under `#![deny(warnings)]` and clippy's pedantic group
//! (denied here, checked when `cargo clippy` builds this file), for every
//! format. The renamed
//! crate (`crate = "..."`) is in `test_hygiene_renamed.rs`.
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

// Local items that shadow what generated code must not rely on.
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

// Local macros named like the standard ones: generated code that called one
// without a full path would expand to this error.
macro_rules! assert {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `assert!`")
    };
}
macro_rules! concat {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `concat!`")
    };
}
macro_rules! debug_assert {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `debug_assert!`")
    };
}
macro_rules! format {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `format!`")
    };
}
macro_rules! format_args {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `format_args!`")
    };
}
macro_rules! matches {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `matches!`")
    };
}
macro_rules! panic {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `panic!`")
    };
}
macro_rules! stringify {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `stringify!`")
    };
}
macro_rules! todo {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `todo!`")
    };
}
macro_rules! unreachable {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `unreachable!`")
    };
}
macro_rules! unimplemented {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `unimplemented!`")
    };
}
macro_rules! vec {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `vec!`")
    };
}
macro_rules! write {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `write!`")
    };
}
macro_rules! writeln {
    ($($tokens:tt)*) => {
        ::core::compile_error!("generated code called a local `writeln!`")
    };
}

#[derive(ApiError)]
#[api(format = "oz")]
enum Hostile {
    #[api(code = 3, title = "Missing {field}", detail = field)]
    Missing { field: real_std::string::String },
    #[api(code = 4, detail = 0)]
    Tuple(real_std::vec::Vec<::core::primitive::u8>),
    #[api(code = 10)]
    Unit,
}

// The framework's errors, every case named, under the same hostile scope.
#[derive(ApiError)]
#[api(format = "oz", framework_errors(
    missing_property = Named, invalid_property = Named, invalid_body = Unit,
    missing_body = Unit, unsupported_media_type = Unit, payload_too_large = Unit,
    invalid_path_parameter = Indexed, missing_query_parameter = Indexed,
    invalid_query_parameter = Indexed, not_found = Unit, method_not_allowed = Unit,
    panic = Unknown, timeout = Unknown,
))]
enum HostileFramework {
    #[api(code = 3, detail = name)]
    Named { name: real_std::string::String },
    #[api(code = 5, detail = 0)]
    Indexed(real_std::boxed::Box<::core::primitive::str>),
    #[api(code = 10)]
    Unit,
    #[api(code = 0)]
    Unknown,
}

// The framework's answers as one variant's rows, under the same hostile
// scope.
#[derive(ApiError)]
#[api(format = "rfc9457")]
enum HostileRows {
    #[api(status = 404)]
    NotFound,
    #[api(framework)]
    Framework(api_errors::framework::Answer),
}

#[derive(ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum HostileEntrecode {
    #[api(code = 202, detail = name, verbose = extra, embed = causes)]
    Missing {
        name: real_std::option::Option<real_std::string::String>,
        extra: real_std::option::Option<::core::primitive::u32>,
        causes: real_std::vec::Vec<HostileSub>,
    },
}

#[derive(ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum HostileSub {
    #[api(code = 201, detail = 0)]
    Property(&'static ::core::primitive::str),
}

/// A module where `api_errors` is a local module, and everything the
/// generated code names has a local namesake.
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
    struct Oz;
    struct Entrecode;
    struct Serializer;
    struct SerializeStruct;
    struct Display;
    struct Formatter;
    struct Embed;
    struct SubError;
    struct Cow;
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
    trait Send {}
    fn __out() {}
    fn __serializer() {}

    #[derive(::api_errors::ApiError)]
    #[api(format = "oz")]
    pub(super) enum Generic<'a, T>
    where
        T: ::core::fmt::Display + ::serde::Serialize,
    {
        /// A field named by a placeholder and by `detail`.
        #[api(code = 3, title = "Missing {name} in {value}", detail = value)]
        Missing {
            name: &'a ::core::primitive::str,
            value: T,
        },
        #[api(code = 12, detail = "in {0}")]
        Database(&'a ::core::primitive::str),
        #[api(transparent)]
        Inner(super::Hostile),
    }

    #[derive(::api_errors::ApiError)]
    #[api(
        format = "entrecode",
        system = 2,
        type_url = "https://example.com/{code}",
        up(title = "Home", href = "https://example.com")
    )]
    pub(super) enum GenericEntrecode<'a, T: ::core::fmt::Display + ::serde::Serialize> {
        #[api(code = 211, title = "Invalid {0}", detail = 0, verbose = 1, embed = 2)]
        Invalid(T, ::core::option::Option<T>, &'a [super::HostileSub]),
        #[api(code = 2000)]
        Internal,
    }
}

#[test]
fn test_shadowed_api_errors_generics_and_lifetimes() {
    let error = shadowed::Generic::Missing {
        name: "count",
        value: 7_u32,
    };
    ::core::assert_eq!(
        ApiError::to_json(&error),
        r#"{"error_code":3,"error_message":"Missing count in 7","details":7}"#
    );
    let error: shadowed::Generic<'_, u32> = shadowed::Generic::Database("users");
    ::core::assert_eq!(
        ApiError::to_json(&error),
        r#"{"error_code":12,"error_message":"Database error","details":"in users"}"#
    );
    let error: shadowed::Generic<'_, u32> = shadowed::Generic::Inner(Hostile::Unit);
    ::core::assert_eq!(ApiError::code(&error), 10);
    let subs = [HostileSub::Property("p")];
    let error = shadowed::GenericEntrecode::Invalid("x", real_std::option::Option::None, &subs);
    let json = ApiError::to_json(&error);
    let serde = serde_json::to_string(&ApiError::body(&error));
    ::core::assert_eq!(serde.ok(), real_std::option::Option::Some(json));
    ::core::assert_eq!(
        ApiError::code(&shadowed::GenericEntrecode::<'_, u8>::Internal),
        2000
    );
}

#[test]
fn test_hostile_scope_compiles_and_serialises() {
    let framework =
        <HostileFramework as api_errors::framework::FromFrameworkError>::from_framework_error(
            api_errors::framework::FrameworkError::InvalidQueryParameter { parameter: "limit" },
        );
    real_std::assert_eq!(
        framework.to_json(),
        r#"{"error_code":5,"error_message":"Invalid type","details":"limit"}"#
    );
    let rows = <HostileRows as api_errors::framework::FromFrameworkError>::from_framework_error(
        api_errors::framework::FrameworkError::InvalidProperty { property: "a.b" },
    );
    real_std::assert_eq!(
        rows.to_json(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The body's property a.b is invalid."}"#
    );
    let _ = HostileRows::NotFound;
    let error = Hostile::Missing {
        field: ::core::convert::From::from("name"),
    };
    let json = ApiError::to_json(&error);
    ::core::assert_eq!(
        json,
        r#"{"error_code":3,"error_message":"Missing name","details":"name"}"#
    );
    let body = serde_json::to_string(&ApiError::body(&error));
    ::core::assert_eq!(body.ok(), real_std::option::Option::Some(json));
    let _ = (Hostile::Tuple(real_std::vec::Vec::new()), Hostile::Unit);
    let error = HostileEntrecode::Missing {
        name: real_std::option::Option::None,
        extra: real_std::option::Option::Some(3),
        causes: real_std::vec![HostileSub::Property("p")],
    };
    ::core::assert_eq!(ApiError::code(&error), 2202);
    ::core::assert!(ApiError::to_json(&error).contains(r#""verbose":3"#));
}

// The rfc9457 format in the same scope.

#[derive(ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum HostileProblem {
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

mod shadowed_rfc9457 {
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
        Inner(super::HostileProblem),
    }
}

#[test]
fn test_rfc9457_hostile_scope_compiles_and_serialises() {
    let error = HostileProblem::Missing {
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
    ::core::assert_eq!(ApiError::code(&HostileProblem::Unit), 404);
}

#[test]
fn test_rfc9457_shadowed_api_errors_generics_and_lifetimes() {
    let error = shadowed_rfc9457::Generic::Invalid {
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
    let error: shadowed_rfc9457::Generic<'_, u32> =
        shadowed_rfc9457::Generic::Inner(HostileProblem::Unit);
    ::core::assert_eq!(
        ApiError::to_json(&error),
        r#"{"type":"about:blank","title":"Not Found","status":404}"#
    );
}
