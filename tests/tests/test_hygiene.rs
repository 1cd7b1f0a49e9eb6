//! Generated code compiles in a hostile scope: no prelude, and local items
//! named like everything it could lean on.
#![no_implicit_prelude]
#![deny(warnings)]
#![allow(
    dead_code,
    non_camel_case_types,
    clippy::all,
    clippy::pedantic,
    missing_docs
)]

extern crate error_core;
extern crate serde_json;
extern crate std as real_std;

use error_core::ApiError;

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
struct Cow;
struct u16;
struct usize;
mod std {}
mod core {}
mod serde {}
mod alloc {}

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

#[test]
fn test_hostile_scope_compiles_and_serialises() {
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
