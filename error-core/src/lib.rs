// The crate documentation, written for docs.rs readers; its examples run as
// doctests. (The repository's README is for contributors; this package's
// README.md is the crates.io page, doctested below.)
#![doc = include_str!("lib.md")]
// Links to feature-gated items: to the item when the feature is on, to its
// docs.rs page (built with every feature) when it is off. The empty line
// ends lib.md's last paragraph: a link definition cannot interrupt one.
#![doc = ""]
#![cfg_attr(feature = "axum", doc = "[mod-axum]: crate::axum")]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[mod-axum]: https://docs.rs/api-errors/latest/api_errors/axum/index.html"
)]
#![cfg_attr(feature = "axum", doc = "[fn-axum-response]: crate::axum::response")]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[fn-axum-response]: https://docs.rs/api-errors/latest/api_errors/axum/fn.response.html"
)]
#![cfg_attr(
    feature = "axum",
    doc = "[axum-own]: crate::axum#your-own-intoresponse"
)]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[axum-own]: https://docs.rs/api-errors/latest/api_errors/axum/index.html#your-own-intoresponse"
)]
#![cfg_attr(feature = "axum", doc = "[axum-drain]: crate::axum::DrainLimit")]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[axum-drain]: https://docs.rs/api-errors/latest/api_errors/axum/struct.DrainLimit.html"
)]
#![cfg_attr(
    feature = "actix-web",
    doc = "[actix-timeout]: crate::actix::FrameworkErrors::timeout"
)]
#![cfg_attr(
    not(feature = "actix-web"),
    doc = "[actix-timeout]: https://docs.rs/api-errors/latest/api_errors/actix/struct.FrameworkErrors.html#method.timeout"
)]
#![cfg_attr(feature = "actix-web", doc = "[mod-actix]: crate::actix")]
#![cfg_attr(
    not(feature = "actix-web"),
    doc = "[mod-actix]: https://docs.rs/api-errors/latest/api_errors/actix/index.html"
)]
#![cfg_attr(
    feature = "actix-web",
    doc = "[struct-http-error]: crate::actix::HttpError"
)]
#![cfg_attr(
    not(feature = "actix-web"),
    doc = "[struct-http-error]: https://docs.rs/api-errors/latest/api_errors/actix/struct.HttpError.html"
)]
#![cfg_attr(feature = "http", doc = "[trait-http-status]: crate::http::HttpStatus")]
#![cfg_attr(
    not(feature = "http"),
    doc = "[trait-http-status]: https://docs.rs/api-errors/latest/api_errors/http/trait.HttpStatus.html"
)]
#![cfg_attr(
    feature = "describe",
    doc = "[fn-variant-table]: crate::docs::variant_table"
)]
#![cfg_attr(
    not(feature = "describe"),
    doc = "[fn-variant-table]: https://docs.rs/api-errors/latest/api_errors/docs/fn.variant_table.html"
)]
#![cfg_attr(feature = "utoipa", doc = "[mod-openapi]: crate::openapi")]
#![cfg_attr(
    not(feature = "utoipa"),
    doc = "[mod-openapi]: https://docs.rs/api-errors/latest/api_errors/openapi/index.html"
)]
#![forbid(unsafe_code)]
// docs.rs builds with `--cfg docsrs` on nightly: label feature-gated items.
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;
mod api_error;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
mod body;
pub mod client;
#[allow(dead_code, reason = "compiled into both crates; each uses part of it")]
mod common;
pub mod docs;
pub mod entrecode;
pub mod field;
mod format;
pub mod framework;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http;
mod info;
pub mod json;
mod object;

/// The `tracing` target of every line the crate logs (feature `tracing`):
/// a 5xx answer's cause, a handler's panic. A filter names it as it is,
/// whatever module wrote the line: `RUST_LOG=api_errors=error`.
pub const LOG_TARGET: &str = "api_errors";
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod openapi;
pub mod oz;
pub mod rfc9457;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use crate::api_error::ApiError;
pub use crate::body::Body;
pub use crate::entrecode::Entrecode;
pub use crate::format::Format;
pub use crate::info::ErrorInfo;
pub use crate::oz::Oz;
pub use crate::rfc9457::Rfc9457;
/// Derives [`ApiError`](trait@ApiError) for an enum or a struct.
///
/// ```
/// use api_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum UploadError {
///     #[api(code = 13)] // title "No data container provided", status 400: the Oz table's
///     NoContainer,
///     #[api(code = 3, title = "Missing {file}", detail = file)]
///     Missing { file: String },
/// }
///
/// assert_eq!(UploadError::Missing { file: "payload.json".into() }.title(), "Missing payload.json");
/// ```
///
/// On the type, `#[api(...)]` takes:
/// - `format = "oz" | "entrecode" | "rfc9457"` (required);
/// - entrecode only: `system = 1..=9`, `type_url = "https://…/{code}"`
///   (required), `up(title = "…", href = "…")` (required);
/// - rfc9457 only: `type_base = "https://…/"`;
/// - `crate = "path::to::api_errors"` when the crate is re-exported;
/// - `into_response = false` to write axum's `IntoResponse` yourself;
/// - `framework_errors` or `framework_errors(case = Variant, …)`: which
///   variants answer the framework's own errors.
///
/// On each variant (on a struct: in the same attribute as the type's keys):
/// - `code = N` (required, except with `transparent`);
/// - `status = 400..=599` and `title = "… {field} …"`, optional where the
///   format's table fixes them;
/// - `detail = field | index | "text"`; entrecode also `verbose = field`
///   (serialised with serde) and `embed = field` (sub-errors);
/// - rfc9457: `status` (required), `type = "uri"`, `instance = field |
///   "text"`, `extensions(field, name = field, …)`, and `code` optional;
/// - `transparent`: delegate everything to the variant's single field;
/// - `headers(name = "value", name = field, …)`: response headers of the
///   variant's answers;
/// - `framework`: the variant, `Framework(api_errors::framework::Answer)`,
///   stands for the format's answer to every framework error.
///
/// The [crate documentation](crate#attributes) has the full tables, the
/// formats and every rule the derive checks at compile time.
pub use api_errors_derive::ApiError;

// The crates.io page's example must compile as written.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct PackageReadme;
