//! Why one of this module's extractors refused a request, as data.

use alloc::boxed::Box;
use core::fmt;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::framework::FrameworkError;

/// The error of [`Json`](super::Json), [`Query`](super::Query),
/// [`Path`](super::Path) and [`Form`](super::Form): which
/// [`FrameworkError`] the request is, with the property's or parameter's
/// name owned.
///
/// As an actix-web error it answers the framework's status with an empty
/// body; [`FrameworkErrors`](super::FrameworkErrors) finds it on that
/// response and answers the error type's variant for it instead, in the
/// type's format.
///
/// ```
/// use api_errors::actix::Rejection;
/// use api_errors::framework::FrameworkError;
///
/// let rejection = Rejection::new(FrameworkError::MissingProperty { property: "profile.color" });
/// assert_eq!(rejection.error(), FrameworkError::MissingProperty { property: "profile.color" });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// The error, with `""` for the name it holds (kept in `name`).
    error: FrameworkError<'static>,
    name: Box<str>,
}

impl Rejection {
    /// A rejection for `error`, the name it holds copied.
    #[must_use]
    pub fn new(error: FrameworkError<'_>) -> Self {
        let (error, name) = match error {
            FrameworkError::MissingProperty { property } => {
                (FrameworkError::MissingProperty { property: "" }, property)
            }
            FrameworkError::InvalidProperty { property } => {
                (FrameworkError::InvalidProperty { property: "" }, property)
            }
            FrameworkError::InvalidPathParameter { parameter } => (
                FrameworkError::InvalidPathParameter { parameter: "" },
                parameter,
            ),
            FrameworkError::MissingQueryParameter { parameter } => (
                FrameworkError::MissingQueryParameter { parameter: "" },
                parameter,
            ),
            FrameworkError::InvalidQueryParameter { parameter } => (
                FrameworkError::InvalidQueryParameter { parameter: "" },
                parameter,
            ),
            FrameworkError::InvalidBody => (FrameworkError::InvalidBody, ""),
            FrameworkError::MissingBody => (FrameworkError::MissingBody, ""),
            FrameworkError::UnsupportedMediaType => (FrameworkError::UnsupportedMediaType, ""),
            FrameworkError::PayloadTooLarge => (FrameworkError::PayloadTooLarge, ""),
            FrameworkError::NotFound => (FrameworkError::NotFound, ""),
            FrameworkError::MethodNotAllowed => (FrameworkError::MethodNotAllowed, ""),
            FrameworkError::Panic => (FrameworkError::Panic, ""),
            FrameworkError::Timeout => (FrameworkError::Timeout, ""),
            FrameworkError::Status(status) => (FrameworkError::Status(status), ""),
        };
        Rejection {
            error,
            name: name.into(),
        }
    }

    /// The framework error this rejection is.
    #[must_use]
    pub fn error(&self) -> FrameworkError<'_> {
        let name = &*self.name;
        match self.error {
            FrameworkError::MissingProperty { .. } => {
                FrameworkError::MissingProperty { property: name }
            }
            FrameworkError::InvalidProperty { .. } => {
                FrameworkError::InvalidProperty { property: name }
            }
            FrameworkError::InvalidPathParameter { .. } => {
                FrameworkError::InvalidPathParameter { parameter: name }
            }
            FrameworkError::MissingQueryParameter { .. } => {
                FrameworkError::MissingQueryParameter { parameter: name }
            }
            FrameworkError::InvalidQueryParameter { .. } => {
                FrameworkError::InvalidQueryParameter { parameter: name }
            }
            other => other,
        }
    }
}

impl From<FrameworkError<'_>> for Rejection {
    fn from(error: FrameworkError<'_>) -> Self {
        Rejection::new(error)
    }
}

impl fmt::Display for Rejection {
    // For actix-web's logs only: the wire gets the error type's body.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.error() {
            FrameworkError::MissingProperty { property } => {
                write!(f, "the body lacks the property `{property}`")
            }
            FrameworkError::InvalidProperty { property } => {
                write!(f, "the body's property `{property}` is invalid")
            }
            FrameworkError::InvalidBody => f.write_str("the body cannot be read"),
            FrameworkError::MissingBody => f.write_str("the request has no body"),
            FrameworkError::UnsupportedMediaType => f.write_str("the body's media type is refused"),
            FrameworkError::PayloadTooLarge => f.write_str("the body is over the limit"),
            FrameworkError::InvalidPathParameter { parameter } => {
                write!(f, "the path parameter `{parameter}` is invalid")
            }
            FrameworkError::MissingQueryParameter { parameter } => {
                write!(f, "the query parameter `{parameter}` is missing")
            }
            FrameworkError::InvalidQueryParameter { parameter } => {
                write!(f, "the query parameter `{parameter}` is invalid")
            }
            other => write!(f, "the request was refused with status {}", other.status()),
        }
    }
}

impl std::error::Error for Rejection {}

impl ResponseError for Rejection {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.error.status()).unwrap_or(StatusCode::BAD_REQUEST)
    }

    /// The framework's status and an empty body: without the middleware, no
    /// framework text reaches the wire either.
    fn error_response(&self) -> HttpResponse {
        HttpResponse::new(self.status_code())
    }
}

#[cfg(test)]
mod tests {
    use super::{FrameworkError, Rejection};

    #[test]
    fn a_rejection_gives_back_the_error_it_was_made_from() {
        let errors = [
            FrameworkError::MissingProperty {
                property: "profile.color",
            },
            FrameworkError::InvalidProperty {
                property: "tags[1]",
            },
            FrameworkError::InvalidBody,
            FrameworkError::MissingBody,
            FrameworkError::UnsupportedMediaType,
            FrameworkError::PayloadTooLarge,
            FrameworkError::InvalidPathParameter { parameter: "id" },
            FrameworkError::MissingQueryParameter { parameter: "limit" },
            FrameworkError::InvalidQueryParameter { parameter: "limit" },
            FrameworkError::NotFound,
            FrameworkError::MethodNotAllowed,
            FrameworkError::Panic,
            FrameworkError::Timeout,
            FrameworkError::Status(429),
        ];
        for error in errors {
            assert_eq!(Rejection::new(error).error(), error);
        }
    }

    #[test]
    fn a_rejection_answers_the_framework_status_with_no_body() {
        use actix_web::ResponseError;
        use actix_web::body::MessageBody;

        let rejection = Rejection::new(FrameworkError::PayloadTooLarge);
        let response = rejection.error_response();
        assert_eq!(response.status(), 413);
        assert_eq!(
            response.into_body().size(),
            actix_web::body::BodySize::Sized(0)
        );
    }
}
