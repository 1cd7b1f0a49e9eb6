// The crate documentation is the README (error-core/README.md links to the
// workspace's), so that its examples run as doctests and never drift.
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

extern crate alloc;

#[cfg(feature = "actix-web")]
pub mod actix;
mod api_error;
#[cfg(feature = "axum")]
pub mod axum;
mod body;
pub mod client;
#[allow(dead_code, reason = "compiled into both crates; each uses part of it")]
mod common;
pub mod docs;
pub mod entrecode;
mod format;
#[cfg(feature = "http")]
pub mod http;
mod info;
#[cfg(feature = "utoipa")]
pub mod openapi;
pub mod oz;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use crate::api_error::ApiError;
pub use crate::body::Body;
pub use crate::entrecode::Entrecode;
pub use crate::format::Format;
pub use crate::info::ErrorInfo;
pub use crate::oz::Oz;
/// Derives [`ApiError`]; see the crate documentation for the attributes.
pub use api_errors_derive::ApiError;
