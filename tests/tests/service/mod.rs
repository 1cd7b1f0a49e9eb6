//! A notes service as a newcomer writes it from the README alone, on both
//! frameworks: entrecode at `/`, the same API nested under `/oz` (Oz) and
//! `/std` (RFC 9457), `Json`/`Path`/`Query` handlers, a panicking route, a
//! timeout, a 2 MiB body limit and an OpenAPI document.

#![allow(dead_code, reason = "each test uses part of the service")]

pub mod actix_app;
pub mod axum_app;
pub mod errors;
pub mod expected;
pub mod openapi;
pub mod raw;

use std::time::Duration;

use serde::Deserialize;

/// The body limit of every router.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// How long a request may take (`/slow` takes 10 s).
pub const TIMEOUT: Duration = Duration::from_millis(300);

/// What `/panic` panics with (the logs may see it, the wire never).
pub const PLANNED_PANIC: &str = "a planned panic, secret token 0xDEADBEEF";

/// `POST /notes`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewNote {
    pub title: String,
    pub tags: Vec<String>,
}

/// `GET /notes?limit=…`.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// At most this many.
    pub limit: u32,
}
