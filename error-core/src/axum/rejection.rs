//! The rejection of this module's extractors: a [`FrameworkError`] that
//! outlives the request, on its way to the layer that answers it.

use core::fmt;

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

use crate::framework::{FrameworkError, OwnedError};

/// Why one of this module's extractors refused a request: a
/// [`FrameworkError`], with the names it holds owned.
///
/// Its response is only a carrier: the error's status, an empty body, and
/// the rejection itself in the response's extensions, where
/// [`FrameworkErrorsLayer`](super::FrameworkErrorsLayer) finds it and
/// answers with the error type's own variant. Without the layer, the client
/// gets that empty response.
///
/// A handler that wants to see the rejection takes
/// `Result<Json<T>, Rejection>`; an extractor of one's own can reject with
/// one too (`Rejection::from(FrameworkError::MissingBody)`).
///
/// ```
/// use api_errors::axum::Rejection;
/// use api_errors::framework::FrameworkError;
///
/// let rejection = Rejection::from(FrameworkError::MissingProperty { property: "profile.color" });
/// assert_eq!(rejection.error(), FrameworkError::MissingProperty { property: "profile.color" });
/// assert_eq!(rejection.to_string(), "the body lacks the property `profile.color`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection(OwnedError);

impl Rejection {
    /// The error, as the error type's `from_framework_error` reads it.
    #[must_use]
    pub fn error(&self) -> FrameworkError<'_> {
        self.0.error()
    }
}

/// A rejection for `error`, the name it holds copied.
impl From<FrameworkError<'_>> for Rejection {
    fn from(error: FrameworkError<'_>) -> Self {
        Rejection(OwnedError::new(error))
    }
}

impl From<OwnedError> for Rejection {
    fn from(error: OwnedError) -> Self {
        Rejection(error)
    }
}

/// For logs and for handlers that take the rejection: what was wrong, in
/// the client's terms (the names the request or the route used). The wire
/// never sees this text.
impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error().fmt(f)
    }
}

impl std::error::Error for Rejection {}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = crate::http::status_code(self.error().status());
        response.extensions_mut().insert(self);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_survives_the_round_trip() {
        let errors = [
            FrameworkError::MissingProperty { property: "a.b" },
            FrameworkError::InvalidProperty { property: "c[1]" },
            FrameworkError::InvalidBody,
            FrameworkError::MissingBody,
            FrameworkError::UnsupportedMediaType,
            FrameworkError::PayloadTooLarge,
            FrameworkError::InvalidPathParameter { parameter: "id" },
            FrameworkError::MissingQueryParameter { parameter: "limit" },
            FrameworkError::InvalidQueryParameter {
                parameter: "cursor",
            },
            FrameworkError::NotFound,
            FrameworkError::MethodNotAllowed,
            FrameworkError::Panic,
            FrameworkError::Timeout,
            FrameworkError::Status(429),
        ];
        for error in errors {
            assert_eq!(Rejection::from(error).error(), error);
        }
    }

    #[test]
    fn its_response_carries_it_with_the_frameworks_status_and_no_body() {
        let rejection =
            Rejection::from(FrameworkError::InvalidQueryParameter { parameter: "limit" });
        let response = rejection.clone().into_response();
        assert_eq!(response.status(), 400);
        assert_eq!(response.extensions().get::<Rejection>(), Some(&rejection));
        assert!(response.headers().is_empty());
        let response = Rejection::from(FrameworkError::PayloadTooLarge).into_response();
        assert_eq!(response.status(), 413);
        // A status no response can have still makes one.
        let response = Rejection::from(FrameworkError::Status(1000)).into_response();
        assert_eq!(response.status(), 500);
    }
}
