//! Integration tests of api-errors live in this package's `tests/` targets.

// The repository README's snippets compile and run as written. This package
// has every serving feature on and axum and actix-web as dev-dependencies,
// which the README's serving snippets need.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct RepositoryReadme;
