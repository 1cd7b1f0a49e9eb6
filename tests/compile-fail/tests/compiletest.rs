//! Compile-fail tests: every rule of the derive, one misuse per file, with the
//! compiler's output committed beside it (`tests/ui/**/*.stderr`).
//!
//! The `.stderr` files are written by the toolchain the project builds with
//! (see `rust-version`); regenerate them with `TRYBUILD=overwrite cargo test
//! -p api-errors-compile-fail` and review the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/**/*.rs");
}
