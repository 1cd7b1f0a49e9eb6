//! Reading a request body within the limit, and what its `Content-Type`
//! says.

use actix_web::HttpRequest;
use actix_web::body::{BodyStream, to_bytes_limited};
use actix_web::dev::Payload;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::web::{Bytes, Data};

use crate::framework::{FrameworkError, media_type};

use super::Rejection;

/// The largest body that [`Json`](super::Json) and [`Form`](super::Form)
/// read, in bytes: 2 MiB unless the app (or a scope, or a resource) says
/// otherwise in its `app_data`, as a `BodyLimit` or a `web::Data<BodyLimit>`.
/// A larger body is [`FrameworkError::PayloadTooLarge`].
///
/// 2 MiB is axum's default (`DefaultBodyLimit`), so a service answers the
/// same bodies whichever framework serves it; actix-web's own `JsonConfig`
/// defaults to 2 MiB too, its `FormConfig` to 16 KiB.
///
/// ```
/// use actix_web::{App, web};
/// use api_errors::actix::BodyLimit;
///
/// let app = App::new()
///     .app_data(BodyLimit::new(64 * 1024))
///     .service(web::resource("/uploads").app_data(BodyLimit::new(16 << 20)));
/// # let _ = app;
/// assert_eq!(BodyLimit::default().bytes(), 2 * 1024 * 1024);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyLimit {
    bytes: usize,
}

impl BodyLimit {
    /// The limit unless `app_data` sets one: 2 MiB.
    pub const DEFAULT: BodyLimit = BodyLimit::new(2 * 1024 * 1024);

    /// A limit of `bytes` bytes.
    #[must_use]
    pub const fn new(bytes: usize) -> Self {
        BodyLimit { bytes }
    }

    /// The limit in bytes.
    #[must_use]
    pub const fn bytes(self) -> usize {
        self.bytes
    }

    /// The limit that applies to `request`.
    pub(crate) fn of(request: &HttpRequest) -> Self {
        request
            .app_data::<BodyLimit>()
            .or_else(|| request.app_data::<Data<BodyLimit>>().map(Data::get_ref))
            .copied()
            .unwrap_or_default()
    }
}

impl Default for BodyLimit {
    fn default() -> Self {
        BodyLimit::DEFAULT
    }
}

/// Whether a body declared too long by its `Content-Length` can be refused
/// before a byte of it is read.
pub(crate) fn declared_too_large(request: &HttpRequest, limit: BodyLimit) -> bool {
    request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .is_some_and(|length| u64::try_from(limit.bytes()).is_ok_and(|limit| length > limit))
}

/// The body, whole, or [`FrameworkError::PayloadTooLarge`] as soon as it
/// outgrows the limit. A payload that breaks off (the client went away, a
/// malformed chunk) cannot be read: [`FrameworkError::InvalidBody`].
pub(crate) async fn read(payload: Payload, limit: BodyLimit) -> Result<Bytes, Rejection> {
    match to_bytes_limited(BodyStream::new(payload), limit.bytes()).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(FrameworkError::InvalidBody.into()),
        Err(_) => Err(FrameworkError::PayloadTooLarge.into()),
    }
}

/// The request's `Content-Type` as text, if it is any.
fn content_type(request: &HttpRequest) -> Option<&str> {
    request.headers().get(CONTENT_TYPE)?.to_str().ok()
}

/// `application/json` or any `application/*+json` (as axum's and
/// actix-web's `Json` accept).
pub(crate) fn is_json(request: &HttpRequest) -> bool {
    content_type(request).is_some_and(media_type::is_json)
}

/// `application/x-www-form-urlencoded`.
pub(crate) fn is_form(request: &HttpRequest) -> bool {
    content_type(request).is_some_and(media_type::is_form)
}

/// A request's `content_type()` as actix-web reads it, for the tests of
/// the checks above.
#[cfg(test)]
fn with_type(content_type: &str) -> HttpRequest {
    actix_web::test::TestRequest::default()
        .insert_header((CONTENT_TYPE, content_type))
        .to_http_request()
}

#[cfg(test)]
mod tests {
    use super::{BodyLimit, declared_too_large, is_form, is_json, with_type};

    #[test]
    fn json_media_types_are_application_json_and_its_suffix() {
        for accepted in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/problem+json",
            "application/vnd.api+json ; q=1",
        ] {
            assert!(is_json(&with_type(accepted)), "{accepted}");
        }
        for refused in [
            "text/plain",
            "text/json",
            "application/jsonx",
            "application/json-seq",
            "",
        ] {
            assert!(!is_json(&with_type(refused)), "{refused}");
        }
        assert!(!is_json(
            &actix_web::test::TestRequest::default().to_http_request()
        ));
    }

    #[test]
    fn forms_are_urlencoded_only() {
        assert!(is_form(&with_type(
            "application/x-www-form-urlencoded; charset=utf-8"
        )));
        assert!(!is_form(&with_type("multipart/form-data; boundary=x")));
        assert!(!is_form(&with_type("application/json")));
    }

    #[test]
    fn a_declared_length_over_the_limit_is_refused_before_reading() {
        let request = |length: &str| {
            actix_web::test::TestRequest::default()
                .insert_header(("content-length", length))
                .to_http_request()
        };
        let limit = BodyLimit::new(10);
        assert!(declared_too_large(&request("11"), limit));
        assert!(!declared_too_large(&request("10"), limit));
        assert!(!declared_too_large(&request("ten"), limit));
    }
}
