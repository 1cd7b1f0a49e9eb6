//! axum responses, extractors and a layer (feature `axum`).
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
//!
//! # The framework's own errors
//!
//! axum answers some errors itself, outside your format: its `Json`
//! refuses a body that is not JSON or lacks a property with plain text that
//! names Rust types, `Path` and `Query` refuse a parameter that does not
//! parse, the router answers 404 and 405 with empty bodies, and a handler
//! that panics drops the connection. Two pieces answer them all with your
//! type's own variants, in its format:
//!
//! - the extractors [`Json`], [`Query`], [`Path`] and [`Form`], used as
//!   axum's are (change the `use` line, the handler stays as it is): their
//!   [`Rejection`] says what failed as data, the property's path in the
//!   body (`profile.color`, `tags[1]`) or the parameter's name, read from
//!   the deserializer's calls rather than from its message;
//! - [`FrameworkErrorsLayer<E>`](FrameworkErrorsLayer), added last to the
//!   router: it answers each rejection, every other error response that is
//!   not in the format already (404; 405, its `Allow` kept; a body over the
//!   limit; a middleware's 429, its `Retry-After` kept; a timeout), and
//!   every panic, with the variant that `E`'s
//!   [`FromFrameworkError`](crate::framework::FromFrameworkError) picks.
//!   Responses of derived types pass through it untouched.
//!
//! `E` says which of its variants answers each case: a variant marked
//! `framework` stands for the format's answer to every one of them (see
//! the crate documentation's "The framework's own errors" for the rows and
//! for naming variants of your own), and the derive implements
//! `FromFrameworkError`; a type may implement it by hand instead.
//!
//! ```
//! use api_errors::ApiError;
//! use api_errors::axum::{FrameworkErrorsLayer, Json, Path};
//! use api_errors::framework::Answer;
//! use axum::Router;
//! use axum::routing::{get, post};
//! use serde::Deserialize;
//! # use axum::body::Body;
//! # use axum::http::Request;
//! # use axum::response::Response;
//! # use std::future::Future;
//! # use std::task::{Context, Poll, Waker};
//! # use tower_service::Service;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz")]
//! enum NoteError {
//!     #[api(code = 10, title = "Note {0} not found")]
//!     NotFound(u64),
//!     #[api(framework)]
//!     Framework(Answer),
//! }
//!
//! #[derive(Deserialize)]
//! struct NewNote {
//!     title: String,
//! }
//!
//! async fn create(Json(note): Json<NewNote>) -> String {
//!     format!("created {}", note.title)
//! }
//!
//! async fn show(Path(id): Path<u64>) -> Result<String, NoteError> {
//!     if id == 1 { Ok("note 1".into()) } else { Err(NoteError::NotFound(id)) }
//! }
//!
//! let app: Router = Router::new()
//!     .route("/notes", post(create))
//!     .route("/notes/{id}", get(show))
//!     .layer(FrameworkErrorsLayer::<NoteError>::new());
//!
//! // What a client gets (the requests are answered in memory here).
//! # /// The answer to `request`, status and body: every future here is ready
//! # /// at once, nothing waits for I/O.
//! # fn call(app: &Router, request: Request<Body>) -> (u16, String) {
//! #     fn now<F: Future>(future: F) -> F::Output {
//! #         match std::pin::pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
//! #             Poll::Ready(output) => output,
//! #             Poll::Pending => unreachable!("an in-memory request is answered at once"),
//! #         }
//! #     }
//! #     let response: Response = now(app.clone().call(request)).unwrap();
//! #     let status = response.status().as_u16();
//! #     let body = now(axum::body::to_bytes(response.into_body(), usize::MAX)).unwrap();
//! #     (status, String::from_utf8(body.to_vec()).unwrap())
//! # }
//! # let json = |body: &'static str| {
//! #     Request::post("/notes").header("content-type", "application/json").body(Body::from(body)).unwrap()
//! # };
//! # let get = |path: &str| Request::get(path).body(Body::empty()).unwrap();
//! assert_eq!(
//!     call(&app, json(r#"{"title": "Groceries"}"#)),
//!     (200, "created Groceries".to_owned())
//! );
//! assert_eq!(
//!     call(&app, json("{}")),
//!     (400, r#"{"error_code":3,"error_message":"Missing property","details":"title"}"#.to_owned())
//! );
//! assert_eq!(
//!     call(&app, json(r#"{"title": 7}"#)),
//!     (400, r#"{"error_code":4,"error_message":"Invalid value","details":"title"}"#.to_owned())
//! );
//! assert_eq!(
//!     call(&app, get("/notes/abc")),
//!     (400, r#"{"error_code":5,"error_message":"Invalid type","details":"id"}"#.to_owned())
//! );
//! assert_eq!(
//!     call(&app, get("/notes/7")),
//!     (404, r#"{"error_code":10,"error_message":"Note 7 not found","details":null}"#.to_owned())
//! );
//! assert_eq!(
//!     call(&app, get("/nothing")),
//!     (404, r#"{"error_code":10,"error_message":"Resource not found","details":null}"#.to_owned())
//! );
//! ```
//!
//! The status is the framework's where the format allows it: a format
//! whose body does not state the status (Oz) keeps it when it is of the
//! variant's class (Oz code 3 answers a body over the limit with 413); one
//! whose body states it (entrecode, rfc9457) always answers with the
//! variant's (see [`FromFrameworkError`](crate::framework::FromFrameworkError)).
//!
//! ## Routers nested in others
//!
//! A router with an error type of its own is nested with
//! `Router::nest_service`, which hands it every path under its prefix (its
//! unknown paths and `/prefix/` included), so that its own layer answers
//! them; `Router::nest` merges its routes into the outer router, whose
//! fallback and type answer the rest. The crate documentation's "Serving"
//! section shows it.
//!
//! ## Timeouts
//!
//! tower-http's `TimeoutLayer`, added inside this layer, answers a request
//! that takes too long with an empty 408 (or the status it is given),
//! which the layer answers as `FrameworkError::Timeout`, with the status
//! the OpenAPI document lists whatever the 408:
//!
//! ```
//! # use api_errors::ApiError;
//! # use api_errors::framework::{FrameworkError, FromFrameworkError};
//! # #[derive(Debug, ApiError)]
//! # #[api(format = "oz")]
//! # enum NoteError { #[api(code = 0)] Internal }
//! # impl FromFrameworkError for NoteError {
//! #     fn from_framework_error(_: FrameworkError<'_>) -> Self { NoteError::Internal }
//! # } // (a hand-written impl works as well as the derive's)
//! use std::time::Duration;
//!
//! use api_errors::axum::FrameworkErrorsLayer;
//! use axum::{Router, http::StatusCode, routing::get};
//! use tower_http::timeout::TimeoutLayer;
//!
//! let app: Router = Router::new()
//!     .route("/", get(|| async { "hello" }))
//!     .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(10)))
//!     .layer(FrameworkErrorsLayer::<NoteError>::new());
//! # let _ = app;
//! ```
//!
//! ## Panics
//!
//! The layer catches a panic of the handler (or of any service inside it)
//! and answers `FrameworkError::Panic`; nothing of the panic reaches the
//! wire. With the `tracing` feature, it is logged at `error` level, with
//! its message when the payload is a string. The panic hook still runs
//! first (by default it prints the panic to standard error).

mod drain;
mod extract;
mod layer;
mod rejection;

use axum_core::body::Body;
use axum_core::response::Response;
use http::header::CONTENT_TYPE;
use http::{HeaderName, HeaderValue};

pub use self::drain::DrainLimit;
pub use self::extract::{Form, Json, Path, Query};
pub use self::layer::{FrameworkErrorsFuture, FrameworkErrorsLayer, FrameworkErrorsService};
pub use self::rejection::Rejection;
use crate::__private::Answered;
use crate::ApiError;

/// The response for `error`: its status, its format's `Content-Type` and its
/// body. This is what the derived `IntoResponse` returns; call it to build a
/// response by hand.
///
/// The response is marked as answered in the format (in its extensions), so
/// that [`FrameworkErrorsLayer`] passes it through as it is.
///
/// With the `tracing` feature, a 5xx error is logged first (see the crate
/// documentation's "Serving" section, "What the answers are").
pub fn response<E: ApiError + ?Sized>(error: &E) -> Response {
    let status = crate::http::status_code(error.status());
    if status.is_server_error() {
        error.__log_server_error();
    }
    let mut body = Vec::new();
    error.write_json(&mut body);
    let body = bytes::Bytes::from(body);
    let answered = Answered::for_body(error, &body);
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(error.content_type()));
    error.__headers(&mut |name, value| {
        // The derive checked the name and any constant value; a field whose
        // `Display` is no header value (a line break) sends no header.
        let value = HeaderValue::try_from(value.to_string());
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), value) {
            headers.append(name, value);
        }
    });
    response.extensions_mut().insert(answered);
    response
}
