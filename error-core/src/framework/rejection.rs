//! [`Rejection`]: why one of the extractors refused a request, as data, on
//! its way to the layer (axum) or middleware (actix-web) that answers it.

use core::fmt;

use super::{FrameworkError, OwnedError};

/// Why one of the crate's extractors (`api_errors::axum::Json`,
/// `api_errors::actix::Json`, `Query`, `Path`, `Form`) refused a request:
/// a [`FrameworkError`], with the names it holds owned.
///
/// As a response it is only a carrier: the error's status, an empty body,
/// and the rejection itself, where `FrameworkErrorsLayer` (axum) or
/// `FrameworkErrors` (actix-web) finds it and answers with the error
/// type's own variant. Without them, the client gets that empty response:
/// no framework text reaches the wire either way.
///
/// A handler that wants to see the rejection takes `Result<Json<T>,
/// Rejection>`; an extractor of one's own can reject with one too:
///
/// ```
/// use api_errors::framework::{FrameworkError, Rejection};
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

#[cfg(any(feature = "axum", feature = "actix-web"))]
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

#[cfg(test)]
mod tests {
    use super::{FrameworkError, Rejection};

    #[test]
    fn a_rejection_gives_back_the_error_it_was_made_from() {
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
}
