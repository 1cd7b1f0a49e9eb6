//! Code compiled into both crates.
//!
//! `api-errors-derive` cannot depend on `api-errors` (the runtime re-exports the
//! derive), yet both need the code tables and the JSON escaping rules. This
//! folder is their one source: `error-derive/src/common` is a symbolic link to
//! it (the arrangement `serde_derive_internals` uses), so the table the macro
//! validates against is the table the runtime publishes.

pub mod entrecode_table;
pub mod escape;
pub mod framework_cases;
pub mod layout;
pub mod oz_table;
