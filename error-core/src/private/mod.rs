//! Items used only by code that `#[derive(ApiError)]` generates.
//!
//! Not public API: names here change without notice. Generated code names
//! only `::api_errors::__private::…` (or the `crate = "..."` path) and
//! `::core::…`, so it compiles in any scope (`#![no_implicit_prelude]`, a
//! local `mod std`, user types named `Result` or `String`).

#[cfg(any(feature = "axum", feature = "actix-web"))]
mod answered;
#[cfg(feature = "describe")]
mod describe;
mod json_value;
mod serde_check;
mod serialize;
pub mod serve;
mod shielded;
mod slots;
pub mod sub_errors;
mod table;
mod visit;
mod write;

#[cfg(feature = "actix-web")]
pub use actix_web;
pub use alloc::borrow::Cow;
pub use alloc::collections::BTreeMap;
pub use alloc::string::String;
pub use alloc::vec::Vec;
#[cfg(feature = "axum")]
pub use axum_core;
pub use serde;
#[cfg(feature = "utoipa")]
pub use utoipa;

pub use crate::__api_errors_log_server_error as log_server_error;
pub use crate::__api_errors_serve as serve_impls;
pub use serde::ser::Serializer;

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use self::answered::Answered;
pub use self::serde_check::{DisplayStr, serializes};
pub use self::serialize::{Constant, SerializeBody, SerializeSub};
pub use self::slots::{Arg, Displays, Nothing, Opt, SerdeValues, WithValue};
pub use self::table::{Record, Table};
pub use self::visit::{Render, Visitor, WriteSub, visit};
pub use self::write::{Pick, PickDisplay, PickStr, write_display, write_serde};

/// A variant's example body, for the OpenAPI description (`utoipa`).
///
/// `body` is the variant's JSON with its runtime values as `"{field}"`
/// placeholders and its title as written; `embedded`, when the variant has
/// sub-errors, gives their example (`_embedded.error`) at run time.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// The variant's name.
    pub name: &'static str,
    /// Its full code.
    pub code: u16,
    /// Its status.
    pub status: u16,
    /// Its title as written.
    pub title: &'static str,
    /// Its example body, without `_embedded`.
    pub body: &'static str,
    /// The example of its sub-errors, if it embeds any.
    pub embedded: Option<fn() -> serde_json::Value>,
    /// Where they go: a member of the body, and the key inside it.
    pub embedded_at: [&'static str; 2],
}

/// Turns the bytes `write_json` produced into a `String`.
///
/// They are UTF-8 by construction (UTF-8 text and JSON punctuation);
/// checking costs one pass over a short buffer and keeps the crate free of
/// `unsafe`. The fallback can only run if that invariant were broken, and
/// then loses nothing but the invalid bytes.
#[must_use]
pub fn into_string(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    }
}
