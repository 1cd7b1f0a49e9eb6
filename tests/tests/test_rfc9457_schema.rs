//! `api_errors::rfc9457::SCHEMA` is a valid draft 2020-12 schema that
//! accepts RFC 9457's own examples and the bodies the format writes, and
//! refuses bodies that break each rule it states (RFC 9457 Appendix A, and
//! this crate's: `type` present, extension names of RFC 9457 §4's form).
//! Validated with boon, format assertions (`uri-reference`) on, as
//! `test_schema.rs` validates the other formats'.

use std::sync::OnceLock;

use api_errors::rfc9457::ProblemDetails;
use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::Value;

/// The schema, compiled once per test binary.
fn validator() -> &'static (Schemas, SchemaIndex) {
    static VALIDATOR: OnceLock<(Schemas, SchemaIndex)> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let document: Value =
            serde_json::from_str(api_errors::rfc9457::SCHEMA).expect("the schema is JSON");
        let mut schemas = Schemas::new();
        let mut compiler = Compiler::new();
        compiler.enable_format_assertions();
        let location = "urn:api-errors:schema:rfc9457";
        compiler
            .add_resource(location, document)
            .expect("the schema is a resource");
        // Compiling validates the schema against the draft 2020-12
        // meta-schema (boon carries it; nothing is fetched).
        let index = compiler
            .compile(location, &mut schemas)
            .unwrap_or_else(|error| panic!("the rfc9457 schema does not compile: {error:#}"));
        (schemas, index)
    })
}

/// `Ok` when `json` is valid against the schema, else what is wrong.
fn validate(json: &str) -> Result<(), String> {
    let body: Value = serde_json::from_str(json).expect("the body is JSON");
    let (schemas, index) = validator();
    schemas
        .validate(&body, *index)
        .map_err(|error| format!("{error:#}"))
}

#[track_caller]
fn assert_valid(json: &str) {
    if let Err(error) = validate(json) {
        panic!("{json}\nis not a valid rfc9457 body:\n{error}");
    }
}

#[track_caller]
fn assert_invalid(json: &str, why: &str) {
    assert!(validate(json).is_err(), "{json}\nis accepted, but {why}");
}

/// RFC 9457 §3's first example, as the RFC writes it (no `status`).
const OUT_OF_CREDIT: &str = r#"{
    "type": "https://example.com/probs/out-of-credit",
    "title": "You do not have enough credit.",
    "detail": "Your current balance is 30, but that costs 50.",
    "instance": "/account/12345/msgs/abc",
    "balance": 30,
    "accounts": ["/account/12345", "/account/67890"]
}"#;

/// RFC 9457 §3's validation example, with its `errors` extension.
const VALIDATION: &str = r##"{
    "type": "https://example.net/validation-error",
    "title": "Your request is not valid.",
    "errors": [
        {"detail": "must be a positive integer", "pointer": "#/age"},
        {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}
    ]
}"##;

#[test]
fn test_the_schema_is_a_valid_draft_2020_12_document() {
    let _ = validator();
    let schema: Value = serde_json::from_str(api_errors::rfc9457::SCHEMA).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn test_the_rfc_examples_are_valid() {
    assert_valid(OUT_OF_CREDIT);
    assert_valid(VALIDATION);
}

#[test]
fn test_the_bodies_the_format_writes_are_valid() {
    // The design's `OutOfCredit`, `NotFound` and a variant with a `code`.
    assert_valid(
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
    );
    assert_valid(r#"{"type":"about:blank","title":"Not Found","status":404}"#);
    assert_valid(
        r#"{"type":"https://example.com/probs/missing","title":"Missing property","status":400,"code":2202,"property_path":"profile.color"}"#,
    );
    assert_valid(
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"instance":"urn:uuid:3e0c9e0a-6f55-4b8c-8e0f-1b9b6c0e2a10"}"#,
    );
}

#[test]
fn test_what_appendix_a_allows_beyond_what_the_format_writes_is_valid() {
    // Informational statuses and relative type references are the RFC's,
    // though the format writes neither.
    assert_valid(r#"{"type":"/probs/early","status":103}"#);
    assert_valid(r#"{"type":"about:blank","status":599}"#);
    assert_valid(r#"{"type":"about:blank"}"#);
}

#[test]
fn test_bodies_without_type_are_refused_but_still_read() {
    let body = r#"{"title":"Not Found","status":404}"#;
    assert_invalid(body, "this crate always writes type");
    // A consumer must still accept it (RFC 9457 §3.1.1).
    let problem: ProblemDetails = serde_json::from_str(body).unwrap();
    assert_eq!(problem.type_uri, "about:blank");
}

#[test]
fn test_standard_members_of_the_wrong_type_are_refused() {
    for (body, why) in [
        (r#"{"type":42}"#, "type is a string"),
        (r#"{"type":null}"#, "type is a string"),
        (r#"{"type":"about:blank","title":5}"#, "title is a string"),
        (
            r#"{"type":"about:blank","status":"403"}"#,
            "status is an integer",
        ),
        (
            r#"{"type":"about:blank","status":403.5}"#,
            "status is an integer",
        ),
        (
            r#"{"type":"about:blank","detail":null}"#,
            "detail is a string (omitted when absent)",
        ),
        (
            r#"{"type":"about:blank","instance":{}}"#,
            "instance is a string",
        ),
    ] {
        assert_invalid(body, why);
    }
}

#[test]
fn test_statuses_outside_100_to_599_are_refused() {
    for status in [0, 99, 600, 65535, -404] {
        assert_invalid(
            &format!(r#"{{"type":"about:blank","status":{status}}}"#),
            "status is 100..=599",
        );
    }
}

#[test]
fn test_type_and_instance_that_are_not_uri_references_are_refused() {
    for reference in [
        "has space",
        "https://example.com/a b",
        "/probs/%zz",
        "\\\\probs",
    ] {
        assert_invalid(
            &format!(r#"{{"type":"{reference}"}}"#),
            "type is a URI reference",
        );
        assert_invalid(
            &format!(r#"{{"type":"about:blank","instance":"{reference}"}}"#),
            "instance is a URI reference",
        );
    }
}

#[test]
fn test_extension_names_outside_rfc9457_section_4_are_refused() {
    for name in ["ab", "1abc", "_abc", "a-b-c", "has space", "caf\u{e9}s", ""] {
        assert_invalid(
            &format!(r#"{{"type":"about:blank","{name}":1}}"#),
            "an extension's name is a letter, then letters, digits or _, three or more",
        );
    }
    for name in ["abc", "code", "retry_after", "Errors2"] {
        assert_valid(&format!(r#"{{"type":"about:blank","{name}":1}}"#));
    }
}

#[test]
fn test_bodies_that_are_not_objects_are_refused() {
    for body in ["[]", "null", r#""about:blank""#, "404"] {
        assert_invalid(body, "a body is an object");
    }
}
