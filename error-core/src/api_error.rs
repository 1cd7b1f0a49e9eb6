//! The [`ApiError`] trait: what every derived error can do.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::{Body, ErrorInfo, Format};

/// An error that is also a documented HTTP API error response.
///
/// Implemented by `#[derive(ApiError)]`; see the [crate documentation](crate)
/// for the attributes. Implementing it by hand is not supported: the hidden
/// methods are the derive's private contract with this crate.
///
/// # Example
///
/// ```
/// use api_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum CapsuleError {
///     #[api(code = 14, title = "Invalid signature")]
///     BadSignature,
///     #[api(code = 10)]
///     NotFound,
/// }
///
/// let err = CapsuleError::NotFound;
/// assert_eq!(err.code(), 10);
/// assert_eq!(err.status(), 404);
/// assert_eq!(err.title(), "Resource not found");
/// assert_eq!(err.content_type(), "application/json");
/// assert_eq!(
///     CapsuleError::BadSignature.to_json(),
///     r#"{"error_code":14,"error_message":"Invalid signature","details":null}"#,
/// );
/// ```
///
/// The object-safe part of the trait (`code`, `status`, `title`,
/// `content_type`, `write_json`) works through `&dyn ApiError<Format = F>`:
///
/// ```
/// # use api_errors::{ApiError, Oz};
/// # #[derive(Debug, ApiError)]
/// # #[api(format = "oz")]
/// # enum CapsuleError { #[api(code = 10)] NotFound }
/// let err: &dyn ApiError<Format = Oz> = &CapsuleError::NotFound;
/// let mut buffer = Vec::new();
/// err.write_json(&mut buffer);
/// assert_eq!(buffer, br#"{"error_code":10,"error_message":"Resource not found","details":null}"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `ApiError`",
    label = "not an `ApiError`",
    note = "derive it with `#[derive(ApiError)]`; a `transparent` field must be an `ApiError` of the same format as its type"
)]
pub trait ApiError {
    /// The wire format: its marker type, such as [`Oz`](crate::Oz) or
    /// [`Entrecode`](crate::Entrecode).
    type Format: Format;

    /// The full wire code, as the format defines it (Oz: `0..=14`;
    /// entrecode: four digits).
    fn code(&self) -> u16;

    /// The HTTP status of the response, `400..=599`.
    fn status(&self) -> u16;

    /// The title (Oz `error_message`, entrecode `title`), with its `{field}`
    /// placeholders filled in. Borrowed unless the title interpolates fields.
    fn title(&self) -> Cow<'_, str>;

    /// The response body, ready for any serde serializer.
    ///
    /// `serde_json::to_string(&err.body())` gives exactly the bytes of
    /// [`to_json`](ApiError::to_json).
    fn body(&self) -> Body<'_, Self>
    where
        Self: Sized,
    {
        Body::new(self)
    }

    /// The media type of the body: the format's
    /// [`MEDIA_TYPE`](Format::MEDIA_TYPE).
    fn content_type(&self) -> &'static str {
        <Self::Format as Format>::MEDIA_TYPE
    }

    /// Appends the JSON body to `out`: the fast path.
    ///
    /// Everything the variant fixes at compile time is written as
    /// pre-escaped constant bytes; only runtime values are escaped. The bytes
    /// are exactly those of [`to_json`](ApiError::to_json). It never panics
    /// and never leaves half a body: a field whose `Serialize` fails is
    /// written as the format writes a missing value (Oz: `details` is
    /// `null`; entrecode leaves `verbose` out).
    fn write_json(&self, out: &mut Vec<u8>);

    /// The JSON body as a `String`: the bytes of
    /// `serde_json::to_string(&self.body())`.
    fn to_json(&self) -> String
    where
        Self: Sized,
    {
        let mut out = Vec::new();
        self.write_json(&mut out);
        crate::__private::into_string(out)
    }

    /// One row per variant, in declaration order; a `transparent` variant
    /// contributes the rows of the type it wraps.
    fn catalog() -> Vec<ErrorInfo>
    where
        Self: Sized;

    #[doc(hidden)]
    /// Hands the variant's table record and fields to `visitor` (the one
    /// `match` the derive generates; see `__private::table`).
    fn __visit<V: crate::__private::Visitor>(&self, visitor: V) -> V::Out
    where
        Self: Sized;

    #[doc(hidden)]
    /// Serialises the body (the hook behind [`Body`]'s `Serialize`).
    fn __serialize_body<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        Self: Sized,
        S: serde::Serializer,
    {
        self.__visit(crate::__private::SerializeBody::<S, Self::Format>::new(
            serializer,
        ))
    }

    #[doc(hidden)]
    /// One example body per variant, for the OpenAPI description.
    #[must_use]
    fn __examples() -> Vec<crate::__private::Example>
    where
        Self: Sized,
    {
        Vec::new()
    }

    #[doc(hidden)]
    /// The type's variant table (the derive's), for
    /// `docs::variant_table` (feature `describe`).
    #[must_use]
    fn __table() -> Option<&'static crate::__private::Table>
    where
        Self: Sized,
    {
        None
    }

    #[doc(hidden)]
    /// Logs a server error before its response is sent (with the `tracing`
    /// feature; see `__private::serve`). Called by the serving integrations.
    fn __log_server_error(&self) {}

    #[doc(hidden)]
    /// Hands each response header the variant declares (`headers(...)`) to
    /// `header`: its name, lowercase, and its value. Called by the serving
    /// integrations; the derive writes it only for types that declare a
    /// header or wrap another type.
    fn __headers(&self, _header: &mut dyn FnMut(&'static str, &dyn core::fmt::Display)) {}

    #[doc(hidden)]
    /// The member the serving layers write the request's id under, last in
    /// the body (rfc9457's `request_id = "name"`); `None` for the others.
    fn __request_id_member(&self) -> Option<&'static str> {
        None
    }

    #[doc(hidden)]
    /// [`__request_id_member`](Self::__request_id_member) without a value,
    /// for the OpenAPI description.
    #[must_use]
    fn __request_id_member_of_type() -> Option<&'static str>
    where
        Self: Sized,
    {
        None
    }

    #[doc(hidden)]
    /// The derived `FromFrameworkError`, for code generic over `ApiError`
    /// (the OpenAPI modifier): `None` for a type whose derive answers no
    /// framework error.
    #[must_use]
    fn __from_framework_error(_error: crate::framework::FrameworkError<'_>) -> Option<Self>
    where
        Self: Sized,
    {
        None
    }
}
