//! `#[api(framework)]`: one variant stands for the format's answer to every
//! framework error. Its rows' bodies against bodies written out by hand,
//! on both paths, valid against the format's schema and read back by its
//! client type; the rows in the catalog and the docs tables and out of
//! the type's OpenAPI responses; the `Answer` it holds; cases named for
//! other variants; statuses answered outside the format.

use api_errors_tests::schema;
use api_errors_tests::support;

use api_errors::ApiError;
use api_errors::framework::{Answer, FrameworkError, FromFrameworkError};

use support::assert_json;
use utoipa::IntoResponses;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzError {
    #[api(code = 10, title = "Note {0} not found")]
    NotFound(u64),
    #[api(framework)]
    Framework(Answer),
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://notes.example/errors/{code}",
    up(title = "Notes", href = "https://notes.example")
)]
enum NoteError {
    #[api(code = 100, detail = 0)]
    NotFound(u64),
    /// A named field holds the answer as well as a tuple field does.
    #[api(framework)]
    Framework { answer: Answer },
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", framework_errors(not_found = Missing))]
enum StdError {
    /// Named for `not_found`: the rows leave that case to it.
    #[api(
        status = 404,
        type = "https://notes.example/probs/missing",
        title = "Nothing here"
    )]
    Missing,
    /// A status answered outside the format finds the variant that has it.
    #[api(status = 429)]
    TooMany,
    #[api(framework)]
    Framework(Answer),
}

const LINKS: &str = r#""_links":{"up":{"title":"Notes","href":"https://notes.example"},"#;

/// An entrecode body of the rows: `code` in system 2.
fn entrecode(status: u16, code: u16, title: &str, detail: Option<&str>) -> String {
    let detail = detail.map_or_else(String::new, |detail| format!(r#","detail":"{detail}""#));
    format!(
        r#"{{"status":{status},"code":{code},"title":"{title}","type":"https://notes.example/errors/{code}"{detail},{LINKS}"describedby":{{"title":"Error Description","href":"https://notes.example/errors/{code}"}}}}}}"#
    )
}

/// Every case, handing over `p.q` or `id` where it hands a name.
fn every_case() -> [FrameworkError<'static>; 13] {
    [
        FrameworkError::MissingProperty { property: "p.q" },
        FrameworkError::InvalidProperty { property: "p.q" },
        FrameworkError::InvalidBody,
        FrameworkError::MissingBody,
        FrameworkError::UnsupportedMediaType,
        FrameworkError::PayloadTooLarge,
        FrameworkError::InvalidPathParameter { parameter: "id" },
        FrameworkError::MissingQueryParameter { parameter: "id" },
        FrameworkError::InvalidQueryParameter { parameter: "id" },
        FrameworkError::NotFound,
        FrameworkError::MethodNotAllowed,
        FrameworkError::Panic,
        FrameworkError::Timeout,
    ]
}

/// The type's own variants write as they would without the rows.
#[test]
fn test_own_variants_are_untouched() {
    assert_json(
        &OzError::NotFound(7),
        r#"{"error_code":10,"error_message":"Note 7 not found","details":null}"#,
    );
    assert_eq!(NoteError::NotFound(7).code(), 2100);
    assert_eq!(StdError::Missing.status(), 404);
}

#[test]
fn test_oz_rows_are_the_documented_bodies() {
    let expected = [
        (
            400,
            r#"{"error_code":3,"error_message":"Missing property","details":"p.q"}"#,
        ),
        (
            400,
            r#"{"error_code":4,"error_message":"Invalid value","details":"p.q"}"#,
        ),
        (
            400,
            r#"{"error_code":3,"error_message":"Invalid structure","details":null}"#,
        ),
        (
            400,
            r#"{"error_code":3,"error_message":"Missing body","details":null}"#,
        ),
        (
            415,
            r#"{"error_code":3,"error_message":"Unsupported media type","details":null}"#,
        ),
        (
            413,
            r#"{"error_code":3,"error_message":"Payload too large","details":null}"#,
        ),
        (
            400,
            r#"{"error_code":5,"error_message":"Invalid type","details":"id"}"#,
        ),
        (
            400,
            r#"{"error_code":3,"error_message":"Missing query parameter","details":"id"}"#,
        ),
        (
            400,
            r#"{"error_code":5,"error_message":"Invalid type","details":"id"}"#,
        ),
        (
            404,
            r#"{"error_code":10,"error_message":"Resource not found","details":null}"#,
        ),
        (
            405,
            r#"{"error_code":1,"error_message":"Method not allowed","details":null}"#,
        ),
        (
            500,
            r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#,
        ),
        (
            503,
            r#"{"error_code":0,"error_message":"Request timed out","details":null}"#,
        ),
    ];
    for (error, (status, body)) in every_case().into_iter().zip(expected) {
        let answer = OzError::from_framework_error(error);
        assert!(
            matches!(&answer, OzError::Framework(held) if held.error() == error),
            "{error:?}"
        );
        assert_eq!(answer.status(), status, "{error:?}");
        assert_json(&answer, body);
        schema::assert_oz(body);
        let parsed = api_errors::oz::OzBody::from_response(
            status,
            Some("application/json"),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), body);
    }
}

#[test]
fn test_entrecode_rows_are_the_documented_bodies() {
    let expected = [
        entrecode(400, 2201, "Missing property in JSON body", Some("p.q")),
        entrecode(
            400,
            2211,
            "Invalid format for property in JSON body",
            Some("p.q"),
        ),
        entrecode(400, 2205, "Unreadable body", None),
        entrecode(400, 2200, "Missing body", None),
        entrecode(415, 2206, "Unsupported media type", None),
        entrecode(413, 2207, "Body too large", None),
        entrecode(404, 2100, "Resource not found", Some("id")),
        entrecode(400, 2202, "Missing property in query string", Some("id")),
        entrecode(
            400,
            2212,
            "Invalid format for property in query string",
            Some("id"),
        ),
        entrecode(404, 2100, "Resource not found", None),
        entrecode(405, 2110, "Method not allowed", None),
        entrecode(500, 2000, "Internal Error", None),
        entrecode(503, 2001, "Request timed out", None),
    ];
    for (error, body) in every_case().into_iter().zip(expected) {
        let answer = NoteError::from_framework_error(error);
        assert!(
            matches!(&answer, NoteError::Framework { answer } if answer.error() == error),
            "{error:?}"
        );
        support::assert_problem(&answer, &body);
        schema::assert_entrecode(&body);
    }
}

#[test]
fn test_rfc9457_rows_are_the_documented_bodies() {
    let problem = |status: u16, title: &str, detail: Option<&str>| {
        let detail = detail.map_or_else(String::new, |detail| format!(r#","detail":"{detail}""#));
        format!(r#"{{"type":"about:blank","title":"{title}","status":{status}{detail}}}"#)
    };
    let expected = [
        problem(400, "Bad Request", Some("The body lacks the property p.q.")),
        problem(
            400,
            "Bad Request",
            Some("The body's property p.q is invalid."),
        ),
        problem(400, "Bad Request", Some("The body cannot be read.")),
        problem(400, "Bad Request", Some("The request has no body.")),
        problem(415, "Unsupported Media Type", None),
        problem(413, "Content Too Large", None),
        problem(
            400,
            "Bad Request",
            Some("The path parameter id is invalid."),
        ),
        problem(
            400,
            "Bad Request",
            Some("The query parameter id is missing."),
        ),
        problem(
            400,
            "Bad Request",
            Some("The query parameter id is invalid."),
        ),
        // Named for another variant.
        r#"{"type":"https://notes.example/probs/missing","title":"Nothing here","status":404}"#
            .to_owned(),
        problem(405, "Method Not Allowed", None),
        problem(500, "Internal Server Error", None),
        problem(503, "Service Unavailable", None),
    ];
    for (error, body) in every_case().into_iter().zip(expected) {
        let answer = StdError::from_framework_error(error);
        assert_eq!(
            answer.status(),
            serde_json::from_str::<serde_json::Value>(&body).unwrap()["status"],
            "{error:?}"
        );
        assert_json(&answer, &body);
        schema::assert_rfc9457(&body);
        let parsed = api_errors::rfc9457::ProblemDetails::from_response(
            answer.status(),
            Some("application/problem+json"),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), body);
    }
}

/// A status answered outside the format goes to a variant without fields
/// that has it, else to the row of its class; the answer keeps what it
/// was.
#[test]
fn test_other_statuses_go_to_their_variant_or_the_row_of_their_class() {
    assert!(matches!(
        StdError::from_framework_error(FrameworkError::Status(429)),
        StdError::TooMany
    ));
    let client = StdError::from_framework_error(FrameworkError::Status(418));
    assert_eq!(
        client.to_json(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The body cannot be read."}"#
    );
    let StdError::Framework(answer) = &client else {
        panic!("{client:?}")
    };
    assert_eq!(answer.error(), FrameworkError::Status(418));
    assert_eq!(answer.name(), "");
    let server = OzError::from_framework_error(FrameworkError::Status(502));
    assert_eq!(
        server.to_json(),
        r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
    );
}

/// The `Answer` shows the name it holds as `Display` and as serde, and
/// nothing else.
#[test]
fn test_the_answer_is_its_name() {
    let NoteError::Framework { answer } =
        NoteError::from_framework_error(FrameworkError::InvalidProperty {
            property: "tags[1]",
        })
    else {
        panic!("a row answers");
    };
    assert_eq!(answer.name(), "tags[1]");
    assert_eq!(answer.to_string(), "tags[1]");
    assert_eq!(serde_json::to_string(&answer).unwrap(), r#""tags[1]""#);
    assert_eq!(answer.clone(), answer);
}

/// Each row is a catalog row, named after the variant and its case, and
/// a row of the docs tables; the type's OpenAPI responses list what its
/// handlers return, not the rows.
#[test]
fn test_rows_are_catalog_rows_but_not_the_types_responses() {
    let names: Vec<&str> = OzError::catalog().iter().map(|row| row.name).collect();
    assert_eq!(names.len(), 14);
    assert_eq!(
        names[..3],
        [
            "NotFound",
            "Framework(missing_property)",
            "Framework(invalid_property)"
        ]
    );
    assert_eq!(names[13], "Framework(timeout)");
    let row = &OzError::catalog()[1];
    assert_eq!(
        (row.code, row.status, row.title, row.description),
        (
            3,
            400,
            "Missing property",
            "A property missing from the body."
        )
    );
    // The named case has no row of its own.
    assert!(
        !StdError::catalog()
            .iter()
            .any(|row| row.name == "Framework(not_found)")
    );
    assert_eq!(StdError::catalog().len(), 2 + 12);
    let table = api_errors::docs::markdown::<NoteError>();
    assert!(
        table.contains(
            "| 2205 | **Unreadable body** A body that is not readable JSON. |  |  | 400 |"
        ),
        "{table}"
    );
    assert!(table.contains("| 2201 | **Missing property in JSON body** A property missing from the body. | the property that is missing |  | 400 |"), "{table}");
    let readable = api_errors::docs::json::<StdError>();
    assert!(
        readable.contains(r#""readable_detail": "The body lacks the property {property}.""#),
        "{readable}"
    );

    let responses = serde_json::to_value(OzError::responses()).unwrap();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(
        statuses,
        ["404"],
        "only the handlers' own error: {responses}"
    );
    let examples = &responses["404"]["content"]["application/json"]["examples"];
    assert_eq!(
        examples.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["NotFound"]
    );
}
