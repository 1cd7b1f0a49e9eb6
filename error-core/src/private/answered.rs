//! The mark of a response that api-errors built, in the error type's format.

/// Put in the extensions of every error response that api-errors builds
/// (the axum `IntoResponse` of a derived type, actix-web's `HttpError<E>`),
/// so that the framework-error layer or middleware in front of the service
/// passes it through as it is. An error response without it was answered
/// outside the format (by the framework, a middleware, a hand-written
/// handler) and is converted.
///
/// Zero-sized: marking a response costs one entry in its extensions map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answered;
