//! The Oz format end to end: defaults from the table, every variant kind,
//! whole bodies compared on every path.

use api_errors_tests::support;

use std::borrow::Cow;
use std::fmt;

use api_errors::oz::OzBody;
use api_errors::{ApiError, ErrorInfo, Oz};
use serde::Serialize;
use support::{Refuses, assert_oz, assert_paths_agree};

/// Every Oz code with nothing but its code.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum AllCodes {
    #[api(code = 0)]
    Code0,
    #[api(code = 1)]
    Code1,
    #[api(code = 2)]
    Code2,
    #[api(code = 3)]
    Code3,
    #[api(code = 4)]
    Code4,
    #[api(code = 5)]
    Code5,
    #[api(code = 6)]
    Code6,
    #[api(code = 7)]
    Code7,
    #[api(code = 8)]
    Code8,
    #[api(code = 9)]
    Code9,
    #[api(code = 10)]
    Code10,
    #[api(code = 11)]
    Code11,
    #[api(code = 12)]
    Code12,
    #[api(code = 13)]
    Code13,
    #[api(code = 14)]
    Code14,
}

/// The Oz page's codes, messages and statuses (the seed and its catalog),
/// written out here independently of the crate's table.
const DOCUMENTED: [(u16, &str, u16); 15] = [
    (0, "Unknown server side error occurred", 500),
    (1, "Method not allowed", 405),
    (2, "Method not realized", 501),
    (3, "Invalid structure", 400),
    (4, "Invalid value", 400),
    (5, "Invalid type", 400),
    (6, "Access token not specified", 401),
    (7, "Access token is invalid", 401),
    (8, "Auth token is expired", 401),
    (9, "Access denied", 403),
    (10, "Resource not found", 404),
    (11, "External service error", 502),
    (12, "Database error", 500),
    (13, "No data container provided", 400),
    (14, "Data container unpacking failed", 400),
];

#[test]
fn test_every_code_takes_its_documented_message_and_status() {
    let all = [
        AllCodes::Code0,
        AllCodes::Code1,
        AllCodes::Code2,
        AllCodes::Code3,
        AllCodes::Code4,
        AllCodes::Code5,
        AllCodes::Code6,
        AllCodes::Code7,
        AllCodes::Code8,
        AllCodes::Code9,
        AllCodes::Code10,
        AllCodes::Code11,
        AllCodes::Code12,
        AllCodes::Code13,
        AllCodes::Code14,
    ];
    for (error, (code, message, status)) in all.iter().zip(DOCUMENTED) {
        assert_eq!((error.code(), error.status()), (code, status));
        assert_eq!(error.title(), message);
        assert!(
            matches!(error.title(), Cow::Borrowed(_)),
            "a constant title is borrowed"
        );
        assert_oz(
            error,
            &format!(r#"{{"error_code":{code},"error_message":"{message}","details":null}}"#),
        );
    }
}

/// The OzCapsula errors: several variants share code 14 with messages of
/// their own (`oz::CAPSULA`).
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    /// The container could not be unpacked.
    #[api(code = 14, title = "Invalid signature")]
    BadSignature,
    #[api(code = 14, title = "Invalid hash")]
    BadHash,
    #[api(code = 3, title = "Missing payload.json", detail = path)]
    MissingPayload { path: String },
    #[api(code = 10)]
    NotFound,
}

#[test]
fn test_the_seed_body() {
    assert_oz(
        &CapsuleError::BadSignature,
        r#"{"error_code":14,"error_message":"Invalid signature","details":null}"#,
    );
    assert_eq!(CapsuleError::BadSignature.status(), 400);
    assert_oz(
        &CapsuleError::NotFound,
        r#"{"error_code":10,"error_message":"Resource not found","details":null}"#,
    );
    assert_eq!(CapsuleError::NotFound.status(), 404);
}

#[test]
fn test_codes_may_repeat() {
    assert_eq!(
        CapsuleError::BadSignature.code(),
        CapsuleError::BadHash.code()
    );
    assert_oz(
        &CapsuleError::BadHash,
        r#"{"error_code":14,"error_message":"Invalid hash","details":null}"#,
    );
}

#[test]
fn test_detail_field_is_serialised_into_details() {
    let error = CapsuleError::MissingPayload {
        path: "payload.json".into(),
    };
    assert_oz(
        &error,
        r#"{"error_code":3,"error_message":"Missing payload.json","details":"payload.json"}"#,
    );
}

#[derive(Debug, Serialize)]
struct Position {
    line: u32,
    column: u32,
}

/// Every shape of variant and every form of `title` and `detail`.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Shapes {
    #[api(code = 4, title = "Invalid {0} at line {1}", detail = 2)]
    Tuple(&'static str, u32, Position),
    #[api(
        code = 5,
        title = "Expected {expected}, found {found}",
        detail = "field {field} has the wrong type"
    )]
    Struct {
        expected: String,
        found: String,
        field: String,
    },
    #[api(code = 3, title = "Braces {{kept}} and {0}", detail = 0)]
    Braces(u8),
    #[api(code = 3, detail = position)]
    Optional { position: Option<Position> },
    #[api(code = 12, status = 503)]
    Unit,
}

#[test]
fn test_tuple_variant_interpolates_and_serialises_by_index() {
    let error = Shapes::Tuple(
        "value",
        3,
        Position {
            line: 3,
            column: 14,
        },
    );
    assert_eq!(error.title(), "Invalid value at line 3");
    assert!(matches!(error.title(), Cow::Owned(_)));
    assert_oz(
        &error,
        r#"{"error_code":4,"error_message":"Invalid value at line 3","details":{"line":3,"column":14}}"#,
    );
}

#[test]
fn test_struct_variant_interpolates_title_and_text_detail() {
    let error = Shapes::Struct {
        expected: "number".into(),
        found: "string".into(),
        field: "age".into(),
    };
    assert_oz(
        &error,
        r#"{"error_code":5,"error_message":"Expected number, found string","details":"field age has the wrong type"}"#,
    );
}

#[test]
fn test_doubled_braces_are_literal() {
    assert_oz(
        &Shapes::Braces(7),
        r#"{"error_code":3,"error_message":"Braces {kept} and 7","details":7}"#,
    );
}

#[test]
fn test_none_detail_is_null() {
    assert_oz(
        &Shapes::Optional { position: None },
        r#"{"error_code":3,"error_message":"Invalid structure","details":null}"#,
    );
    assert_oz(
        &Shapes::Optional {
            position: Some(Position { line: 1, column: 2 }),
        },
        r#"{"error_code":3,"error_message":"Invalid structure","details":{"line":1,"column":2}}"#,
    );
}

#[test]
fn test_status_written_in_the_right_class() {
    assert_eq!(Shapes::Unit.status(), 503);
    assert_oz(
        &Shapes::Unit,
        r#"{"error_code":12,"error_message":"Database error","details":null}"#,
    );
}

#[test]
fn test_runtime_text_is_escaped_like_serde_json() {
    let nasty = "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} del \u{7f} slash / é 😀 \u{2028}";
    let error = Shapes::Struct {
        expected: nasty.into(),
        found: String::new(),
        field: nasty.into(),
    };
    let body = assert_paths_agree(&error);
    let parsed: OzBody = serde_json::from_str(&body).unwrap();
    assert_eq!(parsed.error_message, format!("Expected {nasty}, found "));
    assert_eq!(
        parsed.details,
        serde_json::Value::String(format!("field {nasty} has the wrong type"))
    );
}

/// The derive on a struct: container and variant keys in one attribute.
#[derive(Debug, ApiError)]
#[api(format = "oz", code = 13, detail = reason)]
struct NoContainer {
    reason: &'static str,
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
#[api(code = 10, title = "{0} not found")]
struct Missing(String);

#[test]
fn test_derive_on_structs() {
    assert_oz(
        &NoContainer {
            reason: "empty request",
        },
        r#"{"error_code":13,"error_message":"No data container provided","details":"empty request"}"#,
    );
    assert_oz(
        &Missing("Session".into()),
        r#"{"error_code":10,"error_message":"Session not found","details":null}"#,
    );
    assert_eq!(NoContainer::catalog()[0].name, "NoContainer");
}

/// Generics, lifetimes and a where-clause.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Generic<'a, T, U: fmt::Debug = ()>
where
    T: Clone,
{
    #[api(code = 4, title = "Bad {value}", detail = value)]
    Value { value: T },
    #[api(code = 3, title = "Missing {0}")]
    Borrowed(&'a str, U),
}

#[test]
fn test_generics_lifetimes_and_where_clauses() {
    let error: Generic<'_, u64> = Generic::Value { value: 42 };
    assert_oz(
        &error,
        r#"{"error_code":4,"error_message":"Bad 42","details":42}"#,
    );
    let name = String::from("payload");
    let error: Generic<'_, u64, u8> = Generic::Borrowed(&name, 0);
    assert_oz(
        &error,
        r#"{"error_code":3,"error_message":"Missing payload","details":null}"#,
    );
}

/// `transparent`: everything from the one field.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Layered {
    #[api(transparent)]
    Capsule(CapsuleError),
    #[api(transparent)]
    Missing { inner: Missing },
    #[api(code = 0, title = "Unknown server side error occurred")]
    Unknown,
}

#[test]
fn test_transparent_delegates_everything() {
    let error = Layered::Capsule(CapsuleError::NotFound);
    assert_eq!(
        (error.code(), error.status(), error.title()),
        (10, 404, Cow::Borrowed("Resource not found"))
    );
    assert_oz(&error, &CapsuleError::NotFound.to_json());
    assert_oz(
        &Layered::Missing {
            inner: Missing("Token".into()),
        },
        r#"{"error_code":10,"error_message":"Token not found","details":null}"#,
    );
    assert_oz(
        &Layered::Unknown,
        r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#,
    );
    assert_eq!(Layered::Unknown.status(), 500);
}

#[test]
fn test_catalog_lists_rows_in_order_with_transparent_rows_inlined() {
    let rows = Layered::catalog();
    let names: Vec<&str> = rows.iter().map(|row| row.name).collect();
    assert_eq!(
        names,
        [
            "BadSignature",
            "BadHash",
            "MissingPayload",
            "NotFound",
            "Missing",
            "Unknown"
        ]
    );
    let first: &ErrorInfo = &rows[0];
    assert_eq!(
        (first.code, first.status, first.title),
        (14, 400, "Invalid signature")
    );
    assert_eq!(first.description, "The container could not be unpacked.");
    assert_eq!(
        rows[4].title, "{0} not found",
        "titles are listed as written"
    );
    assert_eq!(rows[5].description, "");
}

#[test]
fn test_object_safe_part_works_through_dyn() {
    let errors: [&dyn ApiError<Format = Oz>; 2] = [&CapsuleError::NotFound, &Shapes::Unit];
    let mut buffer = Vec::new();
    for error in errors {
        assert!(error.status() >= 400);
        assert_eq!(error.content_type(), "application/json");
        error.write_json(&mut buffer);
    }
    assert_eq!(
        String::from_utf8(buffer).unwrap(),
        format!(
            "{}{}",
            CapsuleError::NotFound.to_json(),
            Shapes::Unit.to_json()
        )
    );
}

/// A field whose `Display` fails (`Refuses` is one whose `Serialize` does).
#[derive(Debug)]
struct FailsToDisplay;

impl fmt::Display for FailsToDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("partial")?;
        Err(fmt::Error)
    }
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Failing {
    #[api(code = 4, detail = 0)]
    Serialize(Refuses),
    #[api(code = 4, title = "Value {0}!", detail = "text {0}.")]
    Display(FailsToDisplay),
}

#[test]
fn test_failing_serialize_gives_null_details_on_both_paths() {
    assert_oz(
        &Failing::Serialize(Refuses),
        r#"{"error_code":4,"error_message":"Invalid value","details":null}"#,
    );
}

#[test]
fn test_failing_display_keeps_its_text_and_the_body_stays_whole() {
    let error = Failing::Display(FailsToDisplay);
    assert_eq!(error.title(), "Value partial!");
    assert_oz(
        &error,
        r#"{"error_code":4,"error_message":"Value partial!","details":"text partial."}"#,
    );
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Bare {
    #[api(code = 4, title = "{0}")]
    Placeholder(u16),
    #[api(code = 4, title = "")]
    Empty,
}

/// A title of one placeholder is the field's `Display`, not a literal; an
/// empty title is empty: the two edges of the title's one-piece shortcut.
#[test]
fn test_a_title_of_one_placeholder_or_none() {
    let error = Bare::Placeholder(418);
    assert_eq!(error.title(), "418");
    assert_oz(
        &error,
        r#"{"error_code":4,"error_message":"418","details":null}"#,
    );
    assert_eq!(Bare::Empty.title(), "");
    assert_oz(
        &Bare::Empty,
        r#"{"error_code":4,"error_message":"","details":null}"#,
    );
}
