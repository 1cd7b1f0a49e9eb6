//! The cases of `framework::FrameworkError` that a
//! `framework_errors(...)` declaration maps to a type's own variants.
//!
//! Compiled into both crates: the derive reads a declaration's keys against
//! this table and writes the `FromFrameworkError` match from it; the runtime
//! has one `FrameworkError` variant per row (a unit test of the runtime ties
//! the two). Plain data only.

/// One framework error a declaration maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameworkCase {
    /// The key in `framework_errors(key = Variant)`.
    pub key: &'static str,
    /// The name of its `FrameworkError` variant.
    pub variant: &'static str,
    /// The field of that variant that names the request's part (`property`,
    /// `parameter`): the variant answering the case must hold it.
    pub name: Option<&'static str>,
    /// What the case is, as a message says it ("a missing JSON property").
    pub what: &'static str,
}

const fn case(
    key: &'static str,
    variant: &'static str,
    name: Option<&'static str>,
    what: &'static str,
) -> FrameworkCase {
    FrameworkCase {
        key,
        variant,
        name,
        what,
    }
}

/// Every case, in the order the docs list them.
pub const FRAMEWORK_CASES: [FrameworkCase; 13] = [
    case(
        "missing_property",
        "MissingProperty",
        Some("property"),
        "a property missing from the body",
    ),
    case(
        "invalid_property",
        "InvalidProperty",
        Some("property"),
        "a property of the body with the wrong type or format",
    ),
    case(
        "invalid_body",
        "InvalidBody",
        None,
        "a body that is not readable JSON",
    ),
    case("missing_body", "MissingBody", None, "a missing body"),
    case(
        "unsupported_media_type",
        "UnsupportedMediaType",
        None,
        "a body of the wrong `Content-Type`",
    ),
    case(
        "payload_too_large",
        "PayloadTooLarge",
        None,
        "a body over the size limit",
    ),
    case(
        "invalid_path_parameter",
        "InvalidPathParameter",
        Some("parameter"),
        "a path parameter that does not parse",
    ),
    case(
        "missing_query_parameter",
        "MissingQueryParameter",
        Some("parameter"),
        "a missing query parameter",
    ),
    case(
        "invalid_query_parameter",
        "InvalidQueryParameter",
        Some("parameter"),
        "a query parameter that does not parse",
    ),
    case(
        "not_found",
        "NotFound",
        None,
        "a path that no route matches",
    ),
    case(
        "method_not_allowed",
        "MethodNotAllowed",
        None,
        "a method the route does not take",
    ),
    case("panic", "Panic", None, "a handler that panicked"),
    case("timeout", "Timeout", None, "a request that took too long"),
];

/// The case `key` names.
#[must_use]
pub fn framework_case(key: &str) -> Option<&'static FrameworkCase> {
    FRAMEWORK_CASES.iter().find(|case| case.key == key)
}
