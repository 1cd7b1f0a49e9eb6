//! The status as an `http::StatusCode` (feature `http`).

use ::http::StatusCode;

use crate::ApiError;

/// The status of an [`ApiError`] as an `http::StatusCode`.
///
/// Implemented for every `ApiError`. It cannot fail: the derive refuses a
/// status outside `400..=599`, so every status is a valid `StatusCode`.
///
/// ```
/// use api_errors::ApiError;
/// use api_errors::http::HttpStatus;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum CapsuleError {
///     #[api(code = 10)]
///     NotFound,
/// }
///
/// assert_eq!(CapsuleError::NotFound.status_code(), http::StatusCode::NOT_FOUND);
/// ```
pub trait HttpStatus {
    /// The HTTP status of the response.
    fn status_code(&self) -> StatusCode;
}

impl<E: ApiError + ?Sized> HttpStatus for E {
    #[inline]
    fn status_code(&self) -> StatusCode {
        status_code(self.status())
    }
}

/// `status` as a `StatusCode`. Derived statuses are always `400..=599`; the
/// fallback only keeps this total.
pub(crate) fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}
