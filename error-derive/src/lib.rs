//! `#[derive(ApiError)]`: the implementation detail of the `error-core` crate.
//!
//! Use it through `error_core::ApiError`; this crate's output names items of
//! `error_core` that only that crate documents. The pipeline is
//! `parse` (darling receivers and the `#[api]` key table) →
//! `validate` (every rule a function, all errors collected) →
//! `expand` (tokens, infallible). See ARCHITECTURE.md.
#![forbid(unsafe_code)]

#[allow(dead_code, reason = "compiled into both crates; each uses part of it")]
mod common;
mod derive;
mod expand;
mod fallback;
mod format;
mod model;
mod parse;
mod plan;
#[cfg(test)]
mod tests;
mod validate;

use proc_macro::TokenStream;

/// Implements `error_core::ApiError`; see the `error-core` documentation.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    derive::derive(&input).into()
}
