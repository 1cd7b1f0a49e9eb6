//! Integration tests of api-errors live in this package's `tests/` targets;
//! what several of them use is here: the checks of a body on every path
//! ([`support`]), the formats' JSON Schemas ([`schema`]), hostile values
//! for property tests ([`hostile`]), real servers and their client
//! ([`servers`]), and what the `tracing` feature logs ([`logs`]).

// Every function here is a check or a fixture of a test: it panics, saying
// what is wrong, when the check fails or the fixture cannot be set up, and
// an `Err` it returns is a check's failure as text. A `# Panics` or
// `# Errors` section on each would only say that again.
#![allow(
    clippy::missing_panics_doc,
    clippy::missing_errors_doc,
    reason = "a test's check panics when it fails"
)]

pub mod hostile;
pub mod logs;
pub mod schema;
pub mod servers;
pub mod support;

// The repository README's snippets compile and run as written. This package
// has every serving feature on and axum and actix-web as dependencies, which
// the README's serving snippets need.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct RepositoryReadme;
