//! The rejection of this module's extractors as an actix-web error: the
//! carrier of a [`Rejection`] to the middleware that answers it.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

pub use crate::framework::Rejection;

/// The framework's status and an empty body; [`FrameworkErrors`](super::FrameworkErrors)
/// finds the rejection on that response and answers the error type's
/// variant for it instead.
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
    use super::Rejection;
    use crate::framework::FrameworkError;

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
