//! The mark of a response that api-errors built, in the error type's format.

/// Put in the extensions of every error response that api-errors builds
/// (the axum `IntoResponse` of a derived type, actix-web's `HttpError<E>`),
/// so that the framework-error layer or middleware in front of the service
/// passes it through as it is. An error response without it was answered
/// outside the format (by the framework, a middleware, a hand-written
/// handler) and is converted.
///
/// Marking a response costs one entry in its extensions map; a type whose
/// bodies carry the request's id (rfc9457's `request_id = "name"`) also
/// keeps its body there, shared with the response's, for the layer that
/// knows the id to write it at the end.
#[derive(Clone, Debug, Default)]
pub struct Answered {
    /// The member the request's id goes under, and the body as written.
    pub(crate) request_id: Option<(&'static str, bytes::Bytes)>,
}

impl Answered {
    /// The mark of `error`'s response, whose body is `body`: a type whose
    /// bodies carry the request's id keeps a handle on the bytes (the same
    /// buffer, not a copy).
    pub(crate) fn for_body<E: crate::ApiError + ?Sized>(error: &E, body: &bytes::Bytes) -> Self {
        Answered {
            request_id: error
                .__request_id_member()
                .map(|member| (member, body.clone())),
        }
    }
}
