//! Runnable examples: `cargo run --example NAME` from the workspace root.
//!
//! `quickstart`, `entrecode` and `catalog` need api-errors alone;
//! `server` belongs to the `api-errors-demo` package (examples/demo), which
//! carries the demo API and its server dependencies.
