//! The `crate = "..."` container key, in a crate where `::api_errors` is not
//! api-errors: the real crate is only reachable under other names (an
//! `extern crate` alias and a facade module that re-exports it), and
//! `api_errors` names this test crate itself, which has no `ApiError`. Code
//! generated with a hard-coded `::api_errors` path would not compile here.
//! The scope is as hostile as in `test_hygiene.rs`: no prelude, no warning
//! under `#![deny(warnings)]` and clippy's pedantic group.
#![no_implicit_prelude]
#![deny(warnings)]
#![deny(clippy::all, clippy::pedantic)]
#![allow(missing_docs, reason = "test fixtures")]

// The real crate, under another name.
extern crate api_errors as renamed_core;
// `::api_errors` is now this crate.
extern crate self as api_errors;
extern crate serde_json;
extern crate std;

/// What a crate that re-exports api-errors would have.
pub mod api {
    pub mod errors {
        pub use ::renamed_core::*;
    }
}

use renamed_core::ApiError as _;
use std::string::String;

#[derive(Debug, renamed_core::ApiError)]
#[api(format = "oz", crate = "crate::api::errors")]
pub enum OzRenamed<T: ::core::fmt::Display + ::serde::Serialize> {
    #[api(code = 3, title = "Missing {0}", detail = 0)]
    Missing(T),
    #[api(transparent)]
    Inner(Struct),
}

#[derive(Debug, renamed_core::ApiError)]
#[api(
    format = "oz",
    crate = "::renamed_core",
    code = 14,
    title = "Invalid signature"
)]
pub struct Struct;

#[derive(Debug, renamed_core::ApiError)]
#[api(
    format = "entrecode",
    crate = "renamed_core",
    system = 2,
    type_url = "https://example.com/{code}",
    up(title = "Home", href = "https://example.com")
)]
pub enum EntrecodeRenamed {
    #[api(code = 202, detail = name, verbose = extra, embed = causes)]
    Missing {
        name: String,
        extra: ::core::option::Option<u32>,
        causes: std::vec::Vec<EntrecodeRenamed>,
    },
    #[api(code = 2000)]
    Internal,
}

#[test]
fn test_a_renamed_crate_path_is_used_everywhere() {
    // The prelude for this test's own code; the derives above have none.
    use std::prelude::rust_2024::*;

    let error: OzRenamed<u8> = OzRenamed::Missing(7);
    ::core::assert_eq!(
        error.to_json(),
        r#"{"error_code":3,"error_message":"Missing 7","details":7}"#
    );
    let error: OzRenamed<u8> = OzRenamed::Inner(Struct);
    ::core::assert_eq!((error.code(), error.status()), (14, 400));
    ::core::assert_eq!(
        renamed_core::docs::markdown::<OzRenamed<u8>>()
            .lines()
            .count(),
        4
    );
    let error = EntrecodeRenamed::Missing {
        name: "count".into(),
        extra: ::core::option::Option::Some(3),
        causes: std::vec![EntrecodeRenamed::Internal],
    };
    let json = error.to_json();
    ::core::assert_eq!(
        serde_json::to_string(&error.body()).ok(),
        ::core::option::Option::Some(json.clone())
    );
    ::core::assert!(json.contains(r#""verbose":3"#), "{json}");
}
