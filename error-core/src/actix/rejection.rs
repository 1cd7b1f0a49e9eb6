//! Why one of this module's extractors refused a request, as data.

use core::fmt;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::framework::{FrameworkError, OwnedError};

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
/// let rejection = Rejection::from(FrameworkError::MissingProperty { property: "profile.color" });
/// assert_eq!(rejection.error(), FrameworkError::MissingProperty { property: "profile.color" });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection(OwnedError);

impl Rejection {
    /// The framework error this rejection is.
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

impl fmt::Display for Rejection {
    // For actix-web's logs only: the wire gets the error type's body.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error().fmt(f)
    }
}

impl std::error::Error for Rejection {}

impl ResponseError for Rejection {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.error().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
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
            assert_eq!(Rejection::from(error).error(), error);
        }
    }

    #[test]
    fn a_rejection_answers_the_framework_status_with_no_body() {
        use actix_web::ResponseError;
        use actix_web::body::MessageBody;

        let rejection = Rejection::from(FrameworkError::PayloadTooLarge);
        let response = rejection.error_response();
        assert_eq!(response.status(), 413);
        assert_eq!(
            response.into_body().size(),
            actix_web::body::BodySize::Sized(0)
        );
    }
}
