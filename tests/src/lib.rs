//! Integration tests of error-core live in this package's `tests/` targets.
