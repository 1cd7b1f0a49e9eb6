//! `framework_errors`: the derived `FromFrameworkError` answers every
//! framework error with the variant the declaration (or the format's
//! default) names, compared with bodies written out by hand.

use api_errors::ApiError;
use api_errors::framework::{FrameworkError, FromFrameworkError};

/// An Oz API that leaves every case to the format's defaults.
#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors)]
enum Capsules {
    #[api(code = 3, title = "Unreadable request")]
    Unreadable,
    #[api(code = 3, title = "Missing {0}", detail = 0)]
    Missing(String),
    #[api(code = 4, title = "Invalid value", detail = property)]
    Invalid { property: String },
    #[api(code = 5, title = "Invalid type", detail = parameter)]
    BadParameter { parameter: String },
    #[api(code = 10)]
    NotFound,
    #[api(code = 1)]
    Method,
    #[api(code = 0)]
    Unknown,
    #[api(code = 9)] // 403: answers a middleware's 403 by its status
    Forbidden,
    #[api(code = 12)] // has a field: never built by the framework
    Database(#[allow(dead_code, reason = "logged, never sent")] std::io::Error),
}

fn oz(error: FrameworkError<'_>) -> String {
    Capsules::from_framework_error(error).to_json()
}

fn oz_body(code: u16, message: &str, details: &str) -> String {
    format!(r#"{{"error_code":{code},"error_message":"{message}","details":{details}}}"#)
}

#[test]
fn oz_defaults_answer_every_case() {
    let unreadable = oz_body(3, "Unreadable request", "null");
    let cases = [
        (
            FrameworkError::MissingProperty {
                property: "profile.color",
            },
            oz_body(3, "Missing profile.color", r#""profile.color""#),
        ),
        (
            FrameworkError::InvalidProperty {
                property: "tags[1]",
            },
            oz_body(4, "Invalid value", r#""tags[1]""#),
        ),
        (FrameworkError::InvalidBody, unreadable.clone()),
        (FrameworkError::MissingBody, unreadable.clone()),
        (FrameworkError::UnsupportedMediaType, unreadable.clone()),
        (FrameworkError::PayloadTooLarge, unreadable.clone()),
        (
            FrameworkError::InvalidPathParameter { parameter: "id" },
            oz_body(5, "Invalid type", r#""id""#),
        ),
        (
            FrameworkError::MissingQueryParameter { parameter: "limit" },
            oz_body(3, "Missing limit", r#""limit""#),
        ),
        (
            FrameworkError::InvalidQueryParameter { parameter: "limit" },
            oz_body(5, "Invalid type", r#""limit""#),
        ),
        (
            FrameworkError::NotFound,
            oz_body(10, "Resource not found", "null"),
        ),
        (
            FrameworkError::MethodNotAllowed,
            oz_body(1, "Method not allowed", "null"),
        ),
        (
            FrameworkError::Panic,
            oz_body(0, "Unknown server side error occurred", "null"),
        ),
        (
            FrameworkError::Timeout,
            oz_body(0, "Unknown server side error occurred", "null"),
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(oz(error), expected, "{error:?}");
    }
}

#[test]
fn other_statuses_go_to_a_variant_of_that_status_or_of_its_class() {
    // 403: the variant whose status it is.
    assert_eq!(
        oz(FrameworkError::Status(403)),
        oz_body(9, "Access denied", "null")
    );
    // 400 and 404 have variants without fields of their own too.
    assert_eq!(
        oz(FrameworkError::Status(404)),
        oz_body(10, "Resource not found", "null")
    );
    // No variant answers 429: a client error goes to `invalid_body`'s variant.
    assert_eq!(
        oz(FrameworkError::Status(429)),
        oz_body(3, "Unreadable request", "null")
    );
    // 502, 503: a server error to `panic`'s; the 500 of `Database` is never
    // chosen, since nothing could build its field.
    for status in [500, 503] {
        assert_eq!(
            oz(FrameworkError::Status(status)),
            oz_body(0, "Unknown server side error occurred", "null")
        );
    }
    // What the handler's own `Database` error would have answered instead.
    let database = Capsules::Database(std::io::Error::other("disk"));
    assert_eq!(database.to_json(), oz_body(12, "Database error", "null"));
}

/// An entrecode API that names some cases and leaves the rest to the
/// defaults (codes 2201, 2211, 2200, 2202, 2212, 2100, 2110, 2000).
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com"),
    framework_errors(payload_too_large = TooLarge, invalid_path_parameter = NoSuchNote)
)]
enum Notes {
    #[api(code = 201, detail = property)]
    MissingProperty { property: String },
    #[api(code = 211, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 200)]
    MissingBody,
    #[api(code = 202, detail = 0)]
    MissingQuery(String),
    #[api(code = 212, detail = 0)]
    InvalidQuery(String),
    #[api(code = 100)]
    NotFound,
    #[api(code = 110)]
    Method,
    #[api(code = 2000)]
    Internal,
    #[api(code = 290, status = 413, title = "Body too large")]
    TooLarge,
    #[api(code = 100, detail = id)]
    NoSuchNote { id: Box<str> },
}

fn problem(status: u16, code: u16, title: &str, detail: Option<&str>) -> String {
    let detail = detail.map_or_else(String::new, |detail| format!(r#","detail":"{detail}""#));
    format!(
        concat!(
            r#"{{"status":{status},"code":{code},"title":"{title}","type":"https://example.com/errors/{code}"{detail},"#,
            r#""_links":{{"up":{{"title":"Home","href":"https://example.com"}},"#,
            r#""describedby":{{"title":"Error Description","href":"https://example.com/errors/{code}"}}}}}}"#
        ),
        status = status,
        code = code,
        title = title,
        detail = detail
    )
}

#[test]
fn entrecode_named_cases_and_defaults() {
    let notes = |error| Notes::from_framework_error(error).to_json();
    let missing_body = problem(400, 2200, "Missing body", None);
    let internal = problem(500, 2000, "Internal Error", None);
    let cases = [
        (
            FrameworkError::MissingProperty { property: "title" },
            problem(400, 2201, "Missing property in JSON body", Some("title")),
        ),
        (
            FrameworkError::InvalidProperty {
                property: "profile.fontSize",
            },
            problem(
                400,
                2211,
                "Invalid format for property in JSON body",
                Some("profile.fontSize"),
            ),
        ),
        (FrameworkError::InvalidBody, missing_body.clone()),
        (FrameworkError::MissingBody, missing_body.clone()),
        (FrameworkError::UnsupportedMediaType, missing_body.clone()),
        (
            FrameworkError::PayloadTooLarge,
            problem(413, 2290, "Body too large", None),
        ),
        (
            FrameworkError::InvalidPathParameter { parameter: "id" },
            problem(404, 2100, "Resource not found", Some("id")),
        ),
        (
            FrameworkError::MissingQueryParameter { parameter: "limit" },
            problem(400, 2202, "Missing property in query string", Some("limit")),
        ),
        (
            FrameworkError::InvalidQueryParameter { parameter: "limit" },
            problem(
                400,
                2212,
                "Invalid format for property in query string",
                Some("limit"),
            ),
        ),
        (
            FrameworkError::NotFound,
            problem(404, 2100, "Resource not found", None),
        ),
        (
            FrameworkError::MethodNotAllowed,
            problem(405, 2110, "Method not allowed", None),
        ),
        (FrameworkError::Panic, internal.clone()),
        (FrameworkError::Timeout, internal.clone()),
        (
            FrameworkError::Status(413),
            problem(413, 2290, "Body too large", None),
        ),
        (FrameworkError::Status(418), missing_body),
        (FrameworkError::Status(504), internal),
    ];
    for (error, expected) in cases {
        assert_eq!(notes(error), expected, "{error:?}");
    }
}
