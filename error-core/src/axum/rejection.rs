//! The rejection of this module's extractors as an axum response: the
//! carrier of a [`Rejection`] to the layer that answers it.

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

pub use crate::framework::Rejection;

/// The error's status, an empty body, and the rejection in the response's
/// extensions, where [`FrameworkErrorsLayer`](super::FrameworkErrorsLayer)
/// finds it.
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
    use crate::framework::FrameworkError;

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
