//! Runnable examples: `cargo run --example NAME` from the workspace root.
//!
//! The library part is the demo service that `examples/server.rs` serves and
//! the end-to-end tests start: its errors in both formats and its axum
//! routes.

pub mod demo;
