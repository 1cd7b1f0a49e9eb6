//! actix-web responses (feature `actix-web`).
//!
//! actix-web answers errors through `actix_web::ResponseError`, which needs
//! `Debug + Display`. Implementing it on derived types would make the
//! feature break every derived type without a `Display`, so the feature adds
//! a wrapper instead: [`HttpError<E>`] is a `ResponseError` for any derived
//! `E`, and `From<E>` lets a handler use `?` on the error itself:
//!
//! ```
//! use actix_web::{App, web};
//! use api_errors::ApiError;
//! use api_errors::actix::HttpError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz")]
//! enum CapsuleError {
//!     #[api(code = 10, title = "Capsule {0} not found")]
//!     NotFound(u64),
//! }
//!
//! fn find(id: u64) -> Result<String, CapsuleError> {
//!     if id == 1 { Ok("capsule 1".into()) } else { Err(CapsuleError::NotFound(id)) }
//! }
//!
//! async fn capsule(id: web::Path<u64>) -> Result<String, HttpError<CapsuleError>> {
//!     Ok(find(*id)?)
//! }
//!
//! let app = App::new().route("/capsules/{id}", web::get().to(capsule));
//! # let _ = app;
//! ```
//!
//! A handler returning `actix_web::Result<T>` works too: `HttpError<E>` is a
//! `ResponseError`, so `Err(HttpError::from(error))?` converts.
//!
//! # Your type as a `ResponseError`
//!
//! A type that has a `Display` of its own (a thiserror `#[error("…")]`, say)
//! can be the `ResponseError` itself: [`response_error!`] writes the impl,
//! through [`response`], so the handlers return `Result<T, YourError>` and
//! `?` works on every error that converts into it (a database error with
//! thiserror's `#[from]`), which `HttpError<YourError>` cannot offer: the
//! orphan rule refuses `From<DbError> for HttpError<YourError>`. The
//! variant's headers and the 5xx log are kept.
//!
//! ```
//! use actix_web::{App, web};
//! use api_errors::ApiError;
//!
//! #[derive(Debug)]
//! struct DbError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz")]
//! enum ServiceError {
//!     #[api(code = 10, title = "Capsule {0} not found")]
//!     NotFound(u64),
//!     #[api(code = 12)]
//!     Database(#[allow(dead_code, reason = "logged, never sent")] DbError),
//! }
//!
//! impl std::fmt::Display for ServiceError {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         f.write_str(&self.title())
//!     }
//! }
//!
//! impl From<DbError> for ServiceError {
//!     fn from(error: DbError) -> Self {
//!         ServiceError::Database(error)
//!     }
//! }
//!
//! api_errors::actix::response_error!(ServiceError);
//!
//! fn load(id: u64) -> Result<String, DbError> {
//!     if id == 1 { Ok("capsule 1".into()) } else { Err(DbError) }
//! }
//!
//! async fn capsule(id: web::Path<u64>) -> Result<String, ServiceError> {
//!     Ok(load(*id)?)
//! }
//!
//! let app = App::new().route("/capsules/{id}", web::get().to(capsule));
//! # let _ = app;
//! ```
//!
//! # The framework's own errors
//!
//! actix-web answers some errors itself: a body its `web::Json` cannot
//! read (as text naming Rust types), a route that does not exist (404, no
//! body), a method a resource does not take (405), a handler that panics
//! (a dropped connection). With two changes every one of them is answered
//! in the error type's format, as the variant the type chooses for it:
//!
//! - the extractors [`Json`], [`Query`], [`Path`] and [`Form`] take the
//!   place of actix-web's `web::` ones (same shapes; swap the `use` line).
//!   They refuse a request with a [`Rejection`] that says what failed, the
//!   property's path (`profile.color`, `tags[1]`) or the parameter's name
//!   included, read from the deserializer's structured error, never from
//!   its text. Bodies are read up to a [`BodyLimit`] (2 MiB by default),
//!   as they arrive: unlike actix-web's own `web::Json`, a body sent with a
//!   `Content-Encoding` is not decompressed (it fails as an unreadable body);
//! - the middleware [`FrameworkErrors::<E>`](FrameworkErrors) wraps the
//!   app: it turns those rejections, the router's 404 and 405 (its `Allow`
//!   header kept), a panic, and any other error response built outside the
//!   format (a middleware's 429) into `E`'s answer. Responses from
//!   [`HttpError`] pass as they are.
//!
//! `E` says which of its variants answers each case by implementing
//! [`FromFrameworkError`](crate::framework::FromFrameworkError):
//!
//! ```
//! use actix_web::{App, HttpResponse, web};
//! use api_errors::ApiError;
//! use api_errors::actix::{FrameworkErrors, HttpError, Json, Path};
//! use api_errors::framework::{FrameworkError, FromFrameworkError};
//! use serde::Deserialize;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz")]
//! enum NoteError {
//!     #[api(code = 3, detail = property)] // "Invalid structure", 400
//!     Structure { property: String },
//!     #[api(code = 4, detail = property)] // "Invalid value", 400
//!     Value { property: String },
//!     #[api(code = 10)] // "Resource not found", 404
//!     NotFound,
//!     #[api(code = 1)] // "Method not allowed", 405
//!     Method,
//!     #[api(code = 0)] // "Unknown server side error occurred", 500
//!     Internal,
//! }
//!
//! impl FromFrameworkError for NoteError {
//!     fn from_framework_error(error: FrameworkError<'_>) -> Self {
//!         match error {
//!             FrameworkError::MissingProperty { property } => {
//!                 NoteError::Structure { property: property.into() }
//!             }
//!             FrameworkError::InvalidProperty { property } => {
//!                 NoteError::Value { property: property.into() }
//!             }
//!             FrameworkError::InvalidPathParameter { parameter }
//!             | FrameworkError::InvalidQueryParameter { parameter }
//!             | FrameworkError::MissingQueryParameter { parameter } => {
//!                 NoteError::Value { property: parameter.into() }
//!             }
//!             FrameworkError::NotFound => NoteError::NotFound,
//!             FrameworkError::MethodNotAllowed => NoteError::Method,
//!             error if error.status() < 500 => NoteError::Structure { property: String::new() },
//!             _ => NoteError::Internal,
//!         }
//!     }
//! }
//!
//! #[derive(Deserialize)]
//! struct NewNote { title: String }
//!
//! async fn create(Json(note): Json<NewNote>) -> Result<HttpResponse, HttpError<NoteError>> {
//!     Ok(HttpResponse::Created().body(note.title))
//! }
//!
//! async fn note(Path(id): Path<u64>) -> Result<String, HttpError<NoteError>> {
//!     if id == 1 { Ok("note 1".into()) } else { Err(NoteError::NotFound.into()) }
//! }
//!
//! let app = || {
//!     App::new()
//!         .wrap(FrameworkErrors::<NoteError>::new())
//!         .service(web::resource("/notes").route(web::post().to(create)))
//!         .route("/notes/{id}", web::get().to(note))
//! };
//!
//! // What the app answers, with actix-web's test tools:
//! actix_web::rt::System::new().block_on(async {
//!     use actix_web::test::{TestRequest, call_service, init_service, read_body};
//!
//!     let app = init_service(app()).await;
//!     let typo = TestRequest::post().uri("/notes").set_payload(r#"{"titel":"x"}"#)
//!         .insert_header(("content-type", "application/json"));
//!     let response = call_service(&app, typo.to_request()).await;
//!     assert_eq!(response.status(), 400);
//!     assert_eq!(
//!         read_body(response).await,
//!         r#"{"error_code":3,"error_message":"Invalid structure","details":"title"}"#,
//!     );
//!
//!     let response = call_service(&app, TestRequest::get().uri("/notes/abc").to_request()).await;
//!     assert_eq!(
//!         read_body(response).await,
//!         r#"{"error_code":4,"error_message":"Invalid value","details":"id"}"#,
//!     );
//!
//!     let response = call_service(&app, TestRequest::delete().uri("/notes").to_request()).await;
//!     assert_eq!(response.status(), 405);
//!     assert_eq!(response.headers().get("allow").unwrap(), "POST");
//!     assert_eq!(
//!         read_body(response).await,
//!         r#"{"error_code":1,"error_message":"Method not allowed","details":null}"#,
//!     );
//!
//!     let response = call_service(&app, TestRequest::get().uri("/nothing").to_request()).await;
//!     assert_eq!(response.status(), 404);
//!     assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
//! });
//! ```
//!
//! The derive writes such an impl for you: a variant marked `framework`
//! stands for the format's answer to every case (see the crate
//! documentation's "The framework's own errors" for the rows, and
//! `framework_errors(case = Variant)` for answering some cases with
//! variants of your own):
//!
//! ```
//! use std::time::Duration;
//!
//! use api_errors::ApiError;
//! use api_errors::actix::FrameworkErrors;
//! use api_errors::framework::Answer;
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
//! let app = actix_web::App::new()
//!     .wrap(FrameworkErrors::<NoteError>::new().timeout(Duration::from_secs(10)));
//! # let _ = app;
//! ```
//!
//! A scope with an error type of its own (the same API in another format
//! under `/oz`) is wrapped in its own middleware: its unknown paths, wrong
//! methods and timeouts are answered in its format. actix-web has no
//! timeout for a handler; [`FrameworkErrors::timeout`] answers one.
//!
//! actix-web answers 405 (and `Allow`) for a `web::resource` that has
//! routes but none for the method; `App::route(path, web::post()...)` moves
//! the method to the resource's guard, so another method finds no resource
//! and is a 404.
//!
//! The middleware sees what runs inside it: wrap it last (outermost) so
//! that other middlewares' error responses are converted too, and so that
//! it catches their panics as well as the handlers'.

mod body;
mod extract;
mod middleware;
mod path;
mod rejection;

use core::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use crate::__private::Answered;
use crate::ApiError;

pub use self::body::BodyLimit;
pub use self::extract::{Form, Json, Query};
pub use self::middleware::{FrameworkErrors, FrameworkErrorsFuture, FrameworkErrorsMiddleware};
pub use self::path::Path;
pub use self::rejection::Rejection;
/// A derived error as an actix-web error response: the variant's status, the
/// format's `Content-Type`, the headers the variant declares
/// (`headers(...)`), the JSON body.
///
/// Its `Display` is the error's title and its `Debug` shows only the code and
/// status, so that nothing the wire does not carry reaches actix's logs
/// either.
pub struct HttpError<E>(pub E);

impl<E> HttpError<E> {
    /// The wrapped error.
    pub fn into_inner(self) -> E {
        self.0
    }
}

impl<E: ApiError> From<E> for HttpError<E> {
    fn from(error: E) -> Self {
        HttpError(error)
    }
}

impl<E: ApiError> fmt::Display for HttpError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.title())
    }
}

impl<E: ApiError> fmt::Debug for HttpError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpError")
            .field("code", &self.0.code())
            .field("status", &self.0.status())
            .finish_non_exhaustive()
    }
}

impl<E: ApiError> ResponseError for HttpError<E> {
    fn status_code(&self) -> StatusCode {
        status_code(&self.0)
    }

    fn error_response(&self) -> HttpResponse {
        response(&self.0)
    }
}

/// `error`'s status as actix-web's `StatusCode`.
pub fn status_code<E: ApiError + ?Sized>(error: &E) -> StatusCode {
    // Derived statuses are 400..=599; the fallback only keeps this total.
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response for `error`: its status, its format's `Content-Type`, the
/// headers its variant declares (`headers(...)`) and its body, marked so
/// that [`FrameworkErrors`] passes it as it is. What [`HttpError`] and
/// [`response_error!`] answer; call it to build a response by hand (the
/// counterpart of `api_errors::axum::response`).
///
/// With the `tracing` feature, a 5xx error is logged first (see the crate
/// documentation's "Serving" section, "What the answers are").
pub fn response<E: ApiError + ?Sized>(error: &E) -> HttpResponse {
    respond(error, status_code(error))
}

/// [`response`] with another status: the middleware's answers, whose
/// status depends on the framework error as well as the variant.
fn respond<E: ApiError + ?Sized>(error: &E, status: StatusCode) -> HttpResponse {
    if status.is_server_error() {
        error.__log_server_error();
    }
    let mut body = Vec::new();
    error.write_json(&mut body);
    let body = bytes::Bytes::from(body);
    let answered = Answered::for_body(error, &body);
    let mut response = HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, HeaderValue::from_static(error.content_type())))
        .body(body);
    let headers = response.headers_mut();
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

/// Implements `actix_web::ResponseError` for derived error types that have
/// `Debug` and `Display` of their own: `status_code` and `error_response`
/// are [`status_code`] and [`response`]. The [module](self#your-type-as-a-responseerror)
/// shows a service's type made one.
///
/// ```
/// # use api_errors::ApiError;
/// # #[derive(Debug, ApiError)]
/// # #[api(format = "oz")]
/// # enum ServiceError { #[api(code = 10)] NotFound }
/// # impl std::fmt::Display for ServiceError {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("not found") }
/// # }
/// api_errors::actix::response_error!(ServiceError);
/// ```
#[doc(inline)]
pub use crate::__api_errors_actix_response_error as response_error;

#[doc(hidden)]
#[macro_export]
macro_rules! __api_errors_actix_response_error {
    ($($ty:ty),+ $(,)?) => {$(
        #[automatically_derived]
        impl $crate::__private::actix_web::ResponseError for $ty {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix::status_code(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::actix::response(self)
            }
        }
    )+};
}
