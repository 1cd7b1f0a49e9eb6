//! The fixture of `test_framework_axum`: the notes service, its requests
//! and the checks of its answers.

pub mod cases;
pub mod client;
pub mod errors;
pub mod service;
