//! The [`Format`] trait: a wire format's name, media type and documentation
//! table, and the hidden items through which the generic layers (docs,
//! OpenAPI, serving) ask a format what only it knows, so that they name
//! none. This file is also the registry of the formats (`sealed`).

use alloc::string::String;

use crate::ErrorInfo;

/// A wire format, picked with `#[api(format = "...")]`: one marker type per
/// format ([`Oz`](crate::Oz), [`Entrecode`](crate::Entrecode),
/// [`Rfc9457`](crate::Rfc9457); the implementors below are all of them).
/// Sealed.
pub trait Format: sealed::Sealed + 'static {
    /// The name written in `#[api(format = "...")]`.
    const NAME: &'static str;
    /// The `Content-Type` of a response in this format.
    const MEDIA_TYPE: &'static str;

    #[doc(hidden)]
    /// Renders catalog rows as the format's documentation table.
    fn __markdown(rows: &[ErrorInfo]) -> String;

    #[doc(hidden)]
    /// Whether a code means one error, so that the docs show one row per
    /// code (entrecode), rather than a category of several (Oz).
    const __ONE_ROW_PER_CODE: bool;

    #[doc(hidden)]
    /// Whether the body states the HTTP status (entrecode's `status`), so
    /// that a response must have the variant's status, never another.
    const __BODY_STATES_STATUS: bool;

    #[doc(hidden)]
    /// Serialises a constant object of the format's bodies (the serde
    /// path; the fast path writes it as pre-rendered JSON). The default
    /// walks its members; a format whose bodies hold a constant object of
    /// a fixed shape may write it straight-line.
    fn __serialize_constant<S: serde::Serializer>(
        constant: crate::__private::Constant,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&constant, serializer)
    }

    #[cfg(feature = "utoipa")]
    #[doc(hidden)]
    /// The type whose schema is the format's body (Oz's
    /// [`OzBody`](crate::oz::OzBody), entrecode's
    /// [`Problem`](crate::entrecode::Problem), …): responses refer to it by
    /// its `ToSchema::name`, and `openapi::ErrorDocs` registers it in
    /// `components`, once per document.
    type __Body: utoipa::ToSchema;
}

pub(crate) mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Oz {}
    impl Sealed for crate::Entrecode {}
    impl Sealed for crate::Rfc9457 {}
}
