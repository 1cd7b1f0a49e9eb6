//! Integration tests of api-errors live in this package's `tests/` targets.
