//! The rfc9457 format: [RFC 9457] Problem Details for HTTP APIs, as
//! `application/problem+json`.
//!
//! RFC 9457 is the standard the entrecode format's Problem Details draft
//! became, and what Spring, ASP.NET Core and `FastAPI` answer with. A body is
//! one JSON object; its members come in this order:
//!
//! 1. `type`: a URI that identifies the problem type, always written;
//!    `"about:blank"` for a problem with no semantics beyond its HTTP status
//!    (its `title` is then the status's reason phrase);
//! 2. `title`: a short summary of the problem type;
//! 3. `status`: the HTTP status of the response;
//! 4. `detail` (optional): an explanation of this occurrence;
//! 5. `instance` (optional): a URI reference for this occurrence, such as a
//!    request or trace id;
//! 6. then the extension members, in the order they are written (`code`
//!    first, when the variant has one).
//!
//! ```json
//! {"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}
//! ```
//!
//! An API client reads such a body with [`ProblemDetails`], which follows
//! the RFC's rules for consumers: a body without `type` is an about:blank
//! problem, and a standard member of the wrong JSON type is ignored as if it
//! were absent. [`SCHEMA`] describes the bodies api-errors writes, which
//! always have `type`; a consumer must still accept a body without it.
//!
//! ```
//! use api_errors::rfc9457::ProblemDetails;
//!
//! let body = br#"{"title":"Too Many Requests","status":429,"retry_after":30}"#;
//! let problem = ProblemDetails::from_response(429, Some("application/problem+json"), body).unwrap();
//! assert_eq!(problem.type_uri, "about:blank");
//! assert_eq!(problem.extensions["retry_after"], 30);
//! ```
//!
//! [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457

mod problem_details;

#[cfg(feature = "utoipa")]
mod openapi;

pub use problem_details::ProblemDetails;

// ---------------------------------------------------------------------------
// The format's marker type `Rfc9457` (`impl Format`, `NAME = "rfc9457"`,
// `MEDIA_TYPE = "application/problem+json"`, the docs table
// `| Type | Title | Status | Description |`) goes here: the lead adds it
// with the runtime interpreter.
// ---------------------------------------------------------------------------

/// The JSON Schema (draft 2020-12) of an RFC 9457 problem details body: the
/// schema of RFC 9457 Appendix A, plus the rules api-errors keeps for the
/// bodies it writes.
///
/// Members: `type` (a URI reference, default `about:blank`), `title` (a
/// string), `status` (an integer; the RFC allows 100..=599, api-errors writes
/// only 400..=599), `detail` (a string), `instance` (a URI reference), and
/// any extension member. This crate's rules: `type` is required (a consumer
/// must still accept a body without it: [`ProblemDetails`] does), and an
/// extension's name starts with a letter and holds only letters, digits and
/// `_`, at least three characters (RFC 9457 §4). One rule is beyond a
/// schema: `status`, when present, equals the response's HTTP status.
///
/// Every body api-errors writes validates against it.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(api_errors::rfc9457::SCHEMA).unwrap();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["type"]["default"], "about:blank");
/// assert_eq!(schema["required"], serde_json::json!(["type"]));
/// ```
pub const SCHEMA: &str = include_str!("rfc9457/schema.json");

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::SCHEMA;

    fn schema() -> Value {
        serde_json::from_str(SCHEMA).expect("SCHEMA is JSON")
    }

    #[test]
    fn test_the_schema_has_the_members_of_rfc9457_appendix_a() {
        let schema = schema();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["type"], "object");
        let properties = schema["properties"].as_object().unwrap();
        assert_eq!(
            properties.keys().collect::<alloc::vec::Vec<_>>(),
            ["type", "title", "status", "detail", "instance"]
        );
        let typed = |name: &str| (&properties[name]["type"], &properties[name]["format"]);
        assert_eq!(typed("type"), (&json!("string"), &json!("uri-reference")));
        assert_eq!(typed("title"), (&json!("string"), &Value::Null));
        assert_eq!(typed("status"), (&json!("integer"), &Value::Null));
        assert_eq!(typed("detail"), (&json!("string"), &Value::Null));
        assert_eq!(
            typed("instance"),
            (&json!("string"), &json!("uri-reference"))
        );
        assert_eq!(properties["type"]["default"], "about:blank");
        assert_eq!(
            (
                &properties["status"]["minimum"],
                &properties["status"]["maximum"]
            ),
            (&json!(100), &json!(599))
        );
        assert!(
            properties["status"]["description"]
                .as_str()
                .unwrap()
                .contains("400 to 599"),
            "the status's description says what api-errors writes"
        );
    }

    #[test]
    fn test_the_schema_requires_type_and_allows_extensions() {
        let schema = schema();
        assert_eq!(schema["required"], json!(["type"]));
        assert_eq!(schema["additionalProperties"], true);
        assert_eq!(
            schema["propertyNames"]["pattern"],
            "^[A-Za-z][A-Za-z0-9_]{2,}$"
        );
    }
}
