//! The `utoipa::Modify` that completes a document: the format's body
//! schema in `components`, and the framework's own errors on the
//! operations.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use utoipa::openapi::OpenApi;
use utoipa::{Modify, PartialSchema, ToSchema};

use crate::{ApiError, Format};

/// Completes an OpenAPI document for `E`: registers the body schema that
/// `responses(E)` refers to, and, for a type that answers the framework's
/// own errors (a `framework` variant, or `framework_errors`), documents
/// them on every operation that can produce them.
///
/// Add it to the document's modifiers, by name (utoipa takes a modifier's
/// name, not an expression): `const ERROR_DOCS: ErrorDocs<MyError> =
/// ErrorDocs::new();` and `#[openapi(modifiers(&ERROR_DOCS))]`. Each operation
/// gets, as examples named `framework: {case}` (`framework: missing_property`),
/// the answers of the cases its request can cause, under the status the
/// serving integrations answer them with:
///
/// | the operation has | cases |
/// | --- | --- |
/// | a request body | `missing_property`, `invalid_property`, `invalid_body`, `unsupported_media_type`, `payload_too_large`; `missing_body` when the body is `required` |
/// | a path parameter | `invalid_path_parameter` |
/// | a query parameter | `invalid_query_parameter`; `missing_query_parameter` when one is `required` |
/// | anything | `panic`, `timeout` |
///
/// An example joins the response the operation already documents for its
/// status (whose examples stay), or a new one. A path that no operation has
/// (404) and a method its path does not take (405) are answers to requests
/// that no operation describes: the document's description says how they
/// are answered, with their bodies. The module's docs show a whole document.
///
/// # A service with several error types
///
/// A service whose routers nest others with error types of their own (an
/// Oz API under `/oz`, an rfc9457 one under `/std`) describes the same
/// nesting with [`nest`](ErrorDocs::nest): one modifier for the whole
/// document, in which each operation is documented by the type of the
/// longest prefix its path is under, and the description says which type
/// answers the unknown paths under each prefix.
///
/// ```
/// # use api_errors::ApiError;
/// # #[derive(Debug, ApiError)]
/// # #[api(format = "oz")]
/// # enum OzError { #[api(framework)] Framework(api_errors::framework::Answer) }
/// # #[derive(Debug, ApiError)]
/// # #[api(format = "rfc9457")]
/// # enum StdError { #[api(framework)] Framework(api_errors::framework::Answer) }
/// # type NoteError = StdError;
/// use api_errors::openapi::ErrorDocs;
///
/// const ERROR_DOCS: ErrorDocs<NoteError> = ErrorDocs::new().nest(&[
///     &ErrorDocs::<OzError>::new().under("/oz"),
///     &ErrorDocs::<StdError>::new().under("/std"),
/// ]);
/// ```
pub struct ErrorDocs<E> {
    prefix: &'static str,
    nested: &'static [&'static dyn NestedDocs],
    error: PhantomData<fn() -> E>,
}

impl<E> ErrorDocs<E> {
    /// The modifier for every operation of the document.
    #[must_use]
    pub const fn new() -> Self {
        ErrorDocs {
            prefix: "",
            nested: &[],
            error: PhantomData,
        }
    }

    /// The modifier for the operations whose path is `prefix` or below it,
    /// by whole segments (`"/oz"` takes `/oz` and `/oz/capsules`, not
    /// `/ozone`): where a router nested at `prefix` answers with `E`.
    /// Inside [`nest`](ErrorDocs::nest), the prefix is below the outer
    /// one's.
    #[must_use]
    pub const fn under(self, prefix: &'static str) -> Self {
        ErrorDocs {
            prefix,
            nested: self.nested,
            error: self.error,
        }
    }

    /// The documentation of the routers nested in this one, each an
    /// `ErrorDocs` of its own type [`under`](ErrorDocs::under) its prefix:
    /// the operations below a nested prefix are documented by the nested
    /// type only.
    #[must_use]
    pub const fn nest(self, nested: &'static [&'static dyn NestedDocs]) -> Self {
        ErrorDocs {
            prefix: self.prefix,
            nested,
            error: self.error,
        }
    }
}

impl<E: ApiError> Modify for ErrorDocs<E> {
    fn modify(&self, openapi: &mut OpenApi) {
        self.document(openapi, "");
    }
}

/// An [`ErrorDocs`] of any error type, as [`ErrorDocs::nest`] takes it.
///
/// Implemented by `ErrorDocs<E>` for every derived `E`; sealed.
pub trait NestedDocs: Sync + sealed::Sealed {
    #[doc(hidden)]
    /// The prefix it was given with [`ErrorDocs::under`].
    fn prefix(&self) -> &'static str;

    #[doc(hidden)]
    /// Documents the operations under `outer` followed by this one's
    /// prefix, and below them its nested ones'.
    fn document(&self, openapi: &mut OpenApi, outer: &str);
}

mod sealed {
    pub trait Sealed {}
}

impl<E> sealed::Sealed for ErrorDocs<E> {}

impl<E: ApiError> NestedDocs for ErrorDocs<E> {
    fn prefix(&self) -> &'static str {
        self.prefix
    }

    fn document(&self, openapi: &mut OpenApi, outer: &str) {
        let prefix = joined(outer, self.prefix);
        register_body_schema::<E::Format>(openapi);
        let nested: Vec<String> = self
            .nested
            .iter()
            .map(|nested| joined(&prefix, nested.prefix()))
            .collect();
        super::framework::document::<E>(openapi, &prefix, &nested);
        for docs in self.nested {
            docs.document(openapi, &prefix);
        }
    }
}

/// `outer` then `inner`, as paths: one `/` between them.
fn joined(outer: &str, inner: &str) -> String {
    let outer = outer.trim_end_matches('/');
    match inner {
        "" | "/" => outer.to_owned(),
        inner if inner.starts_with('/') => alloc::format!("{outer}{inner}"),
        inner => alloc::format!("{outer}/{inner}"),
    }
}

/// Puts the format's body schema in `components.schemas` under the name
/// the responses' `$ref` uses, unless the document has it already.
fn register_body_schema<F: Format>(openapi: &mut OpenApi) {
    openapi
        .components
        .get_or_insert_with(Default::default)
        .schemas
        .entry(<F::__Body as ToSchema>::name().into_owned())
        .or_insert_with(<F::__Body as PartialSchema>::schema);
}

// By hand: the derives would require `E: Clone` (and so on), which a
// marker of `E` does not need.
impl<E> Clone for ErrorDocs<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for ErrorDocs<E> {}

impl<E> Default for ErrorDocs<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> fmt::Debug for ErrorDocs<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorDocs")
            .field("type", &core::any::type_name::<E>())
            .field("prefix", &self.prefix)
            .field("nested", &self.nested.len())
            .finish()
    }
}
