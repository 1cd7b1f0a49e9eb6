//! axum responses (feature `axum`).
//!
//! With the feature on, every derived type implements
//! `axum::response::IntoResponse`: the variant's status, the format's
//! `Content-Type`, and the JSON body. A handler returns `Result<T, MyError>`
//! and uses `?`:
//!
//! ```
//! use axum::{Router, extract::Path, routing::get};
//! use api_errors::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz")]
//! enum CapsuleError {
//!     #[api(code = 10, title = "Capsule {0} not found")]
//!     NotFound(u64),
//! }
//!
//! async fn capsule(Path(id): Path<u64>) -> Result<String, CapsuleError> {
//!     if id == 1 { Ok("capsule 1".into()) } else { Err(CapsuleError::NotFound(id)) }
//! }
//!
//! let app: Router = Router::new().route("/capsules/{id}", get(capsule));
//! # let _ = app;
//! ```
//!
//! # Your own `IntoResponse`
//!
//! A type that needs another response (an extra header, a log line, another
//! status for some variants) says `into_response = false` among its
//! container keys: the derive then implements everything but
//! `IntoResponse`, and [`response`] builds the response the derived impl
//! would have returned, to start from. Without the key, a hand-written impl
//! conflicts with the derived one (error E0119, "conflicting implementations
//! of trait `IntoResponse`", whose note names the macro
//! `into_response_unless_api_into_response_false`).
//!
//! ```
//! use axum::http::HeaderValue;
//! use axum::response::{IntoResponse, Response};
//! use api_errors::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz", into_response = false)]
//! enum UploadError {
//!     #[api(code = 11, status = 503, title = "Storage unavailable")]
//!     StorageDown,
//! }
//!
//! impl IntoResponse for UploadError {
//!     fn into_response(self) -> Response {
//!         let mut response = api_errors::axum::response(&self);
//!         response
//!             .headers_mut()
//!             .insert("retry-after", HeaderValue::from_static("120"));
//!         response
//!     }
//! }
//!
//! let response = UploadError::StorageDown.into_response();
//! assert_eq!(response.status(), 503);
//! assert_eq!(response.headers()["retry-after"], "120");
//! assert_eq!(response.headers()["content-type"], "application/json");
//! ```
//!
//! `into_response = false` is accepted with the feature off too (it then
//! changes nothing), so a library can write it whatever its users enable.

use axum_core::body::Body;
use axum_core::response::Response;
use http::HeaderValue;
use http::header::CONTENT_TYPE;

use crate::ApiError;

/// The response for `error`: its status, its format's `Content-Type` and its
/// body. This is what the derived `IntoResponse` returns; call it to build a
/// response by hand.
///
/// With the `tracing` feature, a 5xx error is logged first (see the crate
/// documentation's "Serving" section).
pub fn response<E: ApiError + ?Sized>(error: &E) -> Response {
    let status = crate::http::status_code(error.status());
    if status.is_server_error() {
        error.__log_server_error();
    }
    let mut body = Vec::with_capacity(error.__json_size_hint());
    error.write_json(&mut body);
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(error.content_type()));
    response
}
