//! The `utoipa::Modify`s that complete a document: the format's body schema
//! in `components`, and the framework's own errors on the operations.

use core::fmt;
use core::marker::PhantomData;

use utoipa::openapi::OpenApi;
use utoipa::{Modify, PartialSchema, ToSchema};

use crate::framework::FromFrameworkError;
use crate::{ApiError, Format};

/// Completes an OpenAPI document for `E`, a type with `framework_errors`:
/// registers the body schema that `responses(E)` refers to, and documents
/// the framework's own errors on every operation that can produce them.
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
/// A service that answers some paths with one type and others with another
/// (an Oz API under `/oz`, an entrecode one under `/entrecode`) scopes each
/// with [`under`](ErrorDocs::under).
pub struct ErrorDocs<E> {
    prefix: &'static str,
    error: PhantomData<fn() -> E>,
}

impl<E> ErrorDocs<E> {
    /// The modifier for every operation of the document.
    #[must_use]
    pub const fn new() -> Self {
        ErrorDocs {
            prefix: "",
            error: PhantomData,
        }
    }

    /// The modifier for the operations whose path is `prefix` or below it,
    /// by whole segments (`"/oz"` takes `/oz` and `/oz/capsules`, not
    /// `/ozone`): where a router nested at `prefix` answers with `E`.
    #[must_use]
    pub const fn under(self, prefix: &'static str) -> Self {
        ErrorDocs {
            prefix,
            error: self.error,
        }
    }
}

impl<E: FromFrameworkError> Modify for ErrorDocs<E> {
    fn modify(&self, openapi: &mut OpenApi) {
        register_body_schema::<E::Format>(openapi);
        super::framework::document::<E>(openapi, self.prefix);
    }
}

/// Registers the body schema that `responses(E)` refers to, for a type
/// without `framework_errors` (whose framework errors are not documented):
/// `const SCHEMAS: ErrorSchemas<MyError> = ErrorSchemas::new();` and
/// `#[openapi(modifiers(&SCHEMAS))]`.
///
/// A type with `framework_errors` takes [`ErrorDocs`], which does this too.
pub struct ErrorSchemas<E> {
    error: PhantomData<fn() -> E>,
}

impl<E> ErrorSchemas<E> {
    /// The modifier.
    #[must_use]
    pub const fn new() -> Self {
        ErrorSchemas { error: PhantomData }
    }
}

impl<E: ApiError> Modify for ErrorSchemas<E> {
    fn modify(&self, openapi: &mut OpenApi) {
        register_body_schema::<E::Format>(openapi);
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
            .finish()
    }
}

impl<E> Clone for ErrorSchemas<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for ErrorSchemas<E> {}

impl<E> Default for ErrorSchemas<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> fmt::Debug for ErrorSchemas<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorSchemas")
            .field("type", &core::any::type_name::<E>())
            .finish()
    }
}
