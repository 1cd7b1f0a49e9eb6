//! Runnable examples: `cargo run --example NAME` from the workspace root.
//!
//! `quickstart`, `entrecode` and `catalog` need error-core alone;
//! `server` belongs to the `error-core-demo` package (examples/demo), which
//! carries the demo API and its server dependencies.
