//! Runnable examples: `cargo run --example NAME` from the workspace root.
