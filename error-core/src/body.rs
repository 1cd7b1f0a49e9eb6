//! [`Body`]: a borrowed view of an error as its wire body.

use core::fmt;

use serde::{Serialize, Serializer};

use crate::ApiError;

/// The wire body of an error, returned by [`ApiError::body`].
///
/// Its `Serialize` writes exactly the format's JSON body, so it can be handed
/// to any serde serializer (a web framework's JSON response, a logger);
/// `serde_json::to_string(&body)` equals [`ApiError::to_json`].
///
/// ```
/// use api_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum CapsuleError {
///     #[api(code = 3, title = "Missing payload.json", detail = path)]
///     MissingPayload { path: String },
/// }
///
/// let err = CapsuleError::MissingPayload { path: "payload.json".into() };
/// let json = serde_json::to_string(&err.body()).unwrap();
/// assert_eq!(json, r#"{"error_code":3,"error_message":"Missing payload.json","details":"payload.json"}"#);
/// assert_eq!(json, err.to_json());
/// ```
#[must_use = "a body does nothing until it is serialised"]
pub struct Body<'a, E: ?Sized> {
    error: &'a E,
}

impl<'a, E: ?Sized> Body<'a, E> {
    /// The body of `error`.
    pub const fn new(error: &'a E) -> Self {
        Body { error }
    }

    /// The error this body belongs to.
    #[must_use]
    pub const fn error(&self) -> &'a E {
        self.error
    }
}

impl<E: ?Sized> Clone for Body<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ?Sized> Copy for Body<'_, E> {}

/// Shows no field values: an error's `Debug` may hold what must not leak.
impl<E: ?Sized> fmt::Debug for Body<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Body").finish_non_exhaustive()
    }
}

impl<E: ApiError> Serialize for Body<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.error.__serialize_body(serializer)
    }
}
