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

use core::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use crate::ApiError;

/// A derived error as an actix-web error response: the variant's status, the
/// format's `Content-Type`, the JSON body.
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
        StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            self.0.__log_server_error();
        }
        let mut body = Vec::with_capacity(self.0.__json_size_hint());
        self.0.write_json(&mut body);
        HttpResponse::build(status)
            .insert_header((
                CONTENT_TYPE,
                HeaderValue::from_static(self.0.content_type()),
            ))
            .body(body)
    }
}
