//! [`ErrorInfo`]: one row of an error type's catalogue.

use serde::Serialize;

/// One variant of a derived error, as documentation: returned by
/// [`ApiError::catalog`](crate::ApiError::catalog), rendered by
/// [`docs::markdown`](crate::docs::markdown) and
/// [`docs::json`](crate::docs::json).
///
/// Serialises with these field names, which are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct ErrorInfo {
    /// The variant's name (the type's name for a struct).
    pub name: &'static str,
    /// The full wire code.
    pub code: u16,
    /// The HTTP status.
    pub status: u16,
    /// The title as written, `{field}` placeholders included.
    pub title: &'static str,
    /// The variant's doc comment ("" when none).
    pub description: &'static str,
    /// What `detail` holds: the doc comment of the field it names, else the
    /// format's documented text for the code ("" when the variant has no
    /// `detail`).
    pub detail: &'static str,
    /// What `verbose` holds, likewise (entrecode only; "" otherwise).
    pub verbose: &'static str,
}

impl ErrorInfo {
    #[doc(hidden)]
    /// Used by the derive: the struct is `#[non_exhaustive]`.
    #[must_use]
    pub const fn __new(
        name: &'static str,
        code: u16,
        status: u16,
        title: &'static str,
        description: &'static str,
        detail: &'static str,
        verbose: &'static str,
    ) -> Self {
        ErrorInfo {
            name,
            code,
            status,
            title,
            description,
            detail,
            verbose,
        }
    }
}
