//! The framework's own errors, answered in your format.
//!
//! A service answers more errors than its handlers return: a body that is
//! not JSON, a missing property, a query parameter that does not parse, a
//! route that does not exist, a method the route does not take, a handler
//! that panics. Each is a [`FrameworkError`]; a type that implements
//! [`FromFrameworkError`] says which of its own variants answers each, and
//! the serving integrations (the extractors and layer of the `axum`
//! feature, the extractors and middleware of the `actix-web` feature)
//! answer with that variant, in the type's format.

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod deserialize;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod media_type;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod request_id;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod structured;

mod answer;
mod rejection;

pub use self::answer::Answer;
pub use self::rejection::Rejection;

use core::fmt;

use crate::ApiError;

/// An error that the framework answers, not a handler.
///
/// The names of the request's parts (`property`, `parameter`) are what the
/// client sent or the route declares, never a Rust type's or field's name
/// the client did not write: a property is its path in the body
/// (`profile.color`, `items[2].name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameworkError<'a> {
    /// A JSON (or form) body lacks a required property.
    MissingProperty {
        /// The property's path, like `profile.color`.
        property: &'a str,
    },
    /// A property of a JSON (or form) body has the wrong type or format, or
    /// is not one the body may have.
    InvalidProperty {
        /// The property's path, like `profile.color`.
        property: &'a str,
    },
    /// The body cannot be read as the endpoint's type at all: not JSON, cut
    /// short, not UTF-8, or a JSON value of the wrong kind as a whole (a
    /// string or a number for an object). An array for an object is read
    /// as the object's fields in order, as serde reads a struct, so its
    /// first element of the wrong type is an
    /// [`InvalidProperty`](Self::InvalidProperty) `[0]`, `[1]`, ….
    InvalidBody,
    /// The endpoint reads a body and the request has none.
    MissingBody,
    /// The body's `Content-Type` is not the one the endpoint reads.
    UnsupportedMediaType,
    /// The body is larger than the limit.
    PayloadTooLarge,
    /// A path parameter does not parse as the route's type (`/notes/abc`
    /// for a numeric id).
    InvalidPathParameter {
        /// The parameter's name in the route, or `""` when the framework
        /// does not give it.
        parameter: &'a str,
    },
    /// A required query parameter is absent.
    MissingQueryParameter {
        /// The parameter's name.
        parameter: &'a str,
    },
    /// A query parameter does not parse as its type.
    InvalidQueryParameter {
        /// The parameter's name.
        parameter: &'a str,
    },
    /// No route matches the request's path.
    NotFound,
    /// The route exists, but not for the request's method.
    MethodNotAllowed,
    /// The handler panicked.
    Panic,
    /// The request took longer than the service allows.
    Timeout,
    /// Any other error status that something other than the type answered
    /// (a middleware's 429, say).
    Status(u16),
}

impl FrameworkError<'_> {
    /// The status the framework gives this error: 400 for a request that
    /// cannot be read, 413, 415, 404, 405, 500 for a panic, 503 for a
    /// timeout, the status itself for [`FrameworkError::Status`].
    #[must_use]
    pub fn status(&self) -> u16 {
        match self {
            FrameworkError::MissingProperty { .. }
            | FrameworkError::InvalidProperty { .. }
            | FrameworkError::InvalidBody
            | FrameworkError::MissingBody
            | FrameworkError::InvalidPathParameter { .. }
            | FrameworkError::MissingQueryParameter { .. }
            | FrameworkError::InvalidQueryParameter { .. } => 400,
            FrameworkError::UnsupportedMediaType => 415,
            FrameworkError::PayloadTooLarge => 413,
            FrameworkError::NotFound => 404,
            FrameworkError::MethodNotAllowed => 405,
            FrameworkError::Panic => 500,
            FrameworkError::Timeout => 503,
            FrameworkError::Status(status) => *status,
        }
    }
}

impl FrameworkError<'_> {
    /// The key that names this case in `framework_errors(key = Variant)`
    /// (`"not_found"`), or `None` for [`FrameworkError::Status`], which
    /// the derive answers by status.
    #[must_use]
    pub fn key(&self) -> Option<&'static str> {
        Some(match self {
            FrameworkError::MissingProperty { .. } => "missing_property",
            FrameworkError::InvalidProperty { .. } => "invalid_property",
            FrameworkError::InvalidBody => "invalid_body",
            FrameworkError::MissingBody => "missing_body",
            FrameworkError::UnsupportedMediaType => "unsupported_media_type",
            FrameworkError::PayloadTooLarge => "payload_too_large",
            FrameworkError::InvalidPathParameter { .. } => "invalid_path_parameter",
            FrameworkError::MissingQueryParameter { .. } => "missing_query_parameter",
            FrameworkError::InvalidQueryParameter { .. } => "invalid_query_parameter",
            FrameworkError::NotFound => "not_found",
            FrameworkError::MethodNotAllowed => "method_not_allowed",
            FrameworkError::Panic => "panic",
            FrameworkError::Timeout => "timeout",
            FrameworkError::Status(_) => return None,
        })
    }
}

impl<'a> FrameworkError<'a> {
    /// The name the error holds: the property's path, or the parameter's
    /// name; `None` for the cases that hold none.
    #[must_use]
    pub fn name(&self) -> Option<&'a str> {
        match *self {
            FrameworkError::MissingProperty { property }
            | FrameworkError::InvalidProperty { property } => Some(property),
            FrameworkError::InvalidPathParameter { parameter }
            | FrameworkError::MissingQueryParameter { parameter }
            | FrameworkError::InvalidQueryParameter { parameter } => Some(parameter),
            _ => None,
        }
    }

    /// The same case holding `name` instead (a case that holds no name is
    /// returned as it is).
    fn with_name(self, name: &str) -> FrameworkError<'_> {
        match self {
            FrameworkError::MissingProperty { .. } => {
                FrameworkError::MissingProperty { property: name }
            }
            FrameworkError::InvalidProperty { .. } => {
                FrameworkError::InvalidProperty { property: name }
            }
            FrameworkError::InvalidPathParameter { .. } => {
                FrameworkError::InvalidPathParameter { parameter: name }
            }
            FrameworkError::MissingQueryParameter { .. } => {
                FrameworkError::MissingQueryParameter { parameter: name }
            }
            FrameworkError::InvalidQueryParameter { .. } => {
                FrameworkError::InvalidQueryParameter { parameter: name }
            }
            FrameworkError::InvalidBody => FrameworkError::InvalidBody,
            FrameworkError::MissingBody => FrameworkError::MissingBody,
            FrameworkError::UnsupportedMediaType => FrameworkError::UnsupportedMediaType,
            FrameworkError::PayloadTooLarge => FrameworkError::PayloadTooLarge,
            FrameworkError::NotFound => FrameworkError::NotFound,
            FrameworkError::MethodNotAllowed => FrameworkError::MethodNotAllowed,
            FrameworkError::Panic => FrameworkError::Panic,
            FrameworkError::Timeout => FrameworkError::Timeout,
            FrameworkError::Status(status) => FrameworkError::Status(status),
        }
    }

    /// What an error response stands for when nothing says more than its
    /// status (the router's 404 and 405, a body limit's 413, a timeout's
    /// 408, 503 or 504, any other status).
    #[must_use]
    pub fn from_status(status: u16) -> FrameworkError<'static> {
        match status {
            404 => FrameworkError::NotFound,
            405 => FrameworkError::MethodNotAllowed,
            413 => FrameworkError::PayloadTooLarge,
            415 => FrameworkError::UnsupportedMediaType,
            408 | 503 | 504 => FrameworkError::Timeout,
            other => FrameworkError::Status(other),
        }
    }
}

/// What was wrong, in the client's terms (the names the request or the
/// route used), for logs and for handlers that see a rejection. The wire
/// never carries this text: a response's body is the variant's.
impl fmt::Display for FrameworkError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameworkError::MissingProperty { property } => {
                write!(f, "the body lacks the property `{property}`")
            }
            FrameworkError::InvalidProperty { property } => {
                write!(f, "the body's property `{property}` is invalid")
            }
            FrameworkError::InvalidBody => f.write_str("the body cannot be read"),
            FrameworkError::MissingBody => f.write_str("the request has no body"),
            FrameworkError::UnsupportedMediaType => {
                f.write_str("the body's content type is not accepted")
            }
            FrameworkError::PayloadTooLarge => f.write_str("the body is over the size limit"),
            FrameworkError::InvalidPathParameter { parameter } => {
                write!(f, "the path parameter `{parameter}` is invalid")
            }
            FrameworkError::MissingQueryParameter { parameter } => {
                write!(f, "the query parameter `{parameter}` is missing")
            }
            FrameworkError::InvalidQueryParameter { parameter } => {
                write!(f, "the query parameter `{parameter}` is invalid")
            }
            FrameworkError::NotFound => f.write_str("no route matches the path"),
            FrameworkError::MethodNotAllowed => f.write_str("the route does not take the method"),
            FrameworkError::Panic => f.write_str("the handler panicked"),
            FrameworkError::Timeout => f.write_str("the request took too long"),
            FrameworkError::Status(status) => write!(f, "answered with status {status}"),
        }
    }
}

/// A [`FrameworkError`] that owns the name it holds: what the extractors'
/// rejections carry from the request to the layer or middleware, and what
/// an [`Answer`] keeps.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct OwnedError {
    /// The case, its name left empty (the name is in `name`).
    case: FrameworkError<'static>,
    name: alloc::boxed::Box<str>,
}

impl OwnedError {
    pub(crate) fn new(error: FrameworkError<'_>) -> Self {
        OwnedError {
            case: error.with_name(""),
            name: error.name().unwrap_or_default().into(),
        }
    }

    pub(crate) fn error(&self) -> FrameworkError<'_> {
        self.case.with_name(&self.name)
    }
}

/// Which of a type's own variants answers each [`FrameworkError`].
///
/// Implement it by hand, or let the derive write it from one declaration.
///
/// # The status of the answer
///
/// The serving integrations answer `error` with the variant this returns,
/// in its format, and with a status that depends on the error and the
/// variant only:
///
/// - a format whose body states the status (entrecode and rfc9457 write a
///   `status` member) answers with the variant's status, or body and
///   response would disagree;
/// - a format whose body does not (Oz) answers with the error's own
///   [`status`](FrameworkError::status) when it is of the variant's class
///   (4xx or 5xx), since Oz's rules fix only the class: Oz code 3 (400)
///   answers a body over the limit with 413 and a timeout's code 0 (500)
///   answers with 503; else with the variant's.
///
/// The status of the response being replaced plays no part: a timeout
/// middleware that answers 408 and one that answers 504 give the same
/// answer, the one the OpenAPI document (`openapi::ErrorDocs`, feature
/// `utoipa`) lists.
pub trait FromFrameworkError: ApiError + Sized {
    /// The variant that answers `error`.
    fn from_framework_error(error: FrameworkError<'_>) -> Self;
}

/// The status of the answer to an error whose own status is `framework`
/// (`error.status()`), answered with `variant`: the framework's where the
/// format allows it, else the variant's ([`FromFrameworkError`] says why).
///
/// A format whose body states the status (entrecode) must answer with the
/// variant's, or body and response would disagree. A format whose body does
/// not (Oz) keeps the framework's when it is of the same class as the
/// variant's (an Oz client error answers a 413 as 413), since its rules
/// only fix the class.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "utoipa"))]
pub(crate) fn response_status<E: ApiError>(framework: u16, variant: &E) -> u16 {
    let answered = variant.status();
    if <E::Format as crate::Format>::__BODY_STATES_STATUS || answered / 100 != framework / 100 {
        answered
    } else {
        framework
    }
}

/// Whether a header of a response being replaced describes that
/// response's body (its type, length, encoding, range, language, location,
/// disposition, validators) rather than the exchange: those are dropped,
/// every other header (`Allow`, `Retry-After`, `Content-Security-Policy`,
/// CORS) is kept on the answer.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn describes_body(name: &str) -> bool {
    [
        "content-type",
        "content-length",
        "content-encoding",
        "content-range",
        "content-language",
        "content-location",
        "content-disposition",
        "content-md5",
        "transfer-encoding",
        "etag",
        "last-modified",
        "trailer",
    ]
    .iter()
    .any(|body| name.eq_ignore_ascii_case(body))
}

/// A panic's message when its payload is a string (what `panic!` with a
/// message gives): the only part of a panic that the logs get.
#[cfg(all(feature = "tracing", any(feature = "axum", feature = "actix-web")))]
pub(crate) fn panic_message(payload: &(dyn core::any::Any + Send)) -> Option<&str> {
    payload.downcast_ref::<&str>().copied().or_else(|| {
        payload
            .downcast_ref::<alloc::string::String>()
            .map(alloc::string::String::as_str)
    })
}

#[cfg(test)]
mod tests {
    use alloc::format;

    use super::FrameworkError;
    use crate::common::framework_cases::{FRAMEWORK_CASES, framework_case};

    /// Every error but `Status`, one of each.
    const ALL: [FrameworkError<'static>; 13] = [
        FrameworkError::MissingProperty { property: "p" },
        FrameworkError::InvalidProperty { property: "p" },
        FrameworkError::InvalidBody,
        FrameworkError::MissingBody,
        FrameworkError::UnsupportedMediaType,
        FrameworkError::PayloadTooLarge,
        FrameworkError::InvalidPathParameter { parameter: "p" },
        FrameworkError::MissingQueryParameter { parameter: "p" },
        FrameworkError::InvalidQueryParameter { parameter: "p" },
        FrameworkError::NotFound,
        FrameworkError::MethodNotAllowed,
        FrameworkError::Panic,
        FrameworkError::Timeout,
    ];

    /// The derive reads the cases from the shared table: each row must be
    /// the runtime's variant of that name, with the field the row names.
    #[test]
    fn the_derive_table_is_the_runtime_enum() {
        assert_eq!(ALL.len(), FRAMEWORK_CASES.len());
        for (error, case) in ALL.iter().zip(&FRAMEWORK_CASES) {
            assert_eq!(error.key(), Some(case.key));
            assert_eq!(framework_case(case.key), Some(case));
            let debug = format!("{error:?}");
            let expected = match case.name {
                Some(name) => format!("{} {{ {name}: \"p\" }}", case.variant),
                None => case.variant.into(),
            };
            assert_eq!(debug, expected);
        }
        assert_eq!(FrameworkError::Status(429).key(), None);
    }

    #[test]
    fn an_error_status_stands_for_its_framework_error() {
        let cases = [
            (404, FrameworkError::NotFound),
            (405, FrameworkError::MethodNotAllowed),
            (413, FrameworkError::PayloadTooLarge),
            (415, FrameworkError::UnsupportedMediaType),
            (408, FrameworkError::Timeout),
            (503, FrameworkError::Timeout),
            (504, FrameworkError::Timeout),
            (429, FrameworkError::Status(429)),
            (400, FrameworkError::Status(400)),
            (500, FrameworkError::Status(500)),
        ];
        for (status, error) in cases {
            assert_eq!(FrameworkError::from_status(status), error, "{status}");
        }
    }

    #[cfg(any(feature = "axum", feature = "actix-web"))]
    #[test]
    fn only_the_headers_of_the_body_are_dropped_from_a_replaced_response() {
        use super::describes_body;
        for dropped in [
            "Content-Type",
            "content-length",
            "content-encoding",
            "content-language",
            "transfer-encoding",
            "ETag",
        ] {
            assert!(describes_body(dropped), "{dropped}");
        }
        for kept in [
            "allow",
            "retry-after",
            "content-security-policy",
            "content-security-policy-report-only",
            "access-control-allow-origin",
            "x-request-id",
        ] {
            assert!(!describes_body(kept), "{kept}");
        }
    }
}
