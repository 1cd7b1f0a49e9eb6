//! `#[derive(ApiError)]`: the implementation detail of the `api-errors` crate.
//!
//! Use it through `api_errors::ApiError`; this crate's output names items of
//! `api_errors` that only that crate documents. The pipeline is
//! `parse` (the type's shape and the `#[api]` keys as written) →
//! `validate` (every rule a function, all errors collected, with the
//! format's own) → `expand` (tokens, infallible). See ARCHITECTURE.md.
#![forbid(unsafe_code)]

#[allow(dead_code, reason = "compiled into both crates; each uses part of it")]
mod common;
mod derive;
mod errors;
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

/// Implements `api_errors::ApiError`; see the `api-errors` documentation.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    derive::derive(&input).into()
}
