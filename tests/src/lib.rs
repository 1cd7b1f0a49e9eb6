//! Integration tests of api-errors live in this package's `tests/` targets;
//! what several of them use is here: the checks of a body on every path
//! ([`support`]), the formats' JSON Schemas ([`schema`]), hostile values
//! for property tests ([`hostile`]).

pub mod hostile;
pub mod schema;
pub mod support;

// The repository README's snippets compile and run as written. This package
// has every serving feature on and axum and actix-web as dev-dependencies,
// which the README's serving snippets need.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct RepositoryReadme;
