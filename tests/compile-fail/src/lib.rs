//! Compile-fail tests of `#[derive(ApiError)]` live in `tests/compiletest.rs` and `tests/ui/`.
