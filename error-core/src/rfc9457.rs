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
//! A variant names its status, its `type` (a URI, or a name appended to the
//! type's `type_base`; none is `about:blank`) and its `title`, and which
//! fields go into `detail`, `instance` and the extension members:
//!
//! ```
//! use api_errors::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "rfc9457", type_base = "https://example.com/probs/")]
//! enum PurchaseError {
//!     /// The account cannot pay for the purchase.
//!     #[api(status = 403, type = "out-of-credit", title = "You do not have enough credit.",
//!           detail = "Your current balance is {balance}, but that costs {cost}.",
//!           instance = message, extensions(balance, accounts))]
//!     OutOfCredit { balance: u64, cost: u64, message: String, accounts: Vec<String> },
//!     #[api(status = 404)] // type "about:blank", title "Not Found"
//!     NotFound,
//! }
//!
//! let error = PurchaseError::OutOfCredit {
//!     balance: 30,
//!     cost: 50,
//!     message: "/account/12345/msgs/abc".into(),
//!     accounts: vec!["/account/12345".into(), "/account/67890".into()],
//! };
//! assert_eq!(error.content_type(), "application/problem+json");
//! assert_eq!(
//!     error.to_json(),
//!     r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
//! );
//! assert_eq!(
//!     PurchaseError::NotFound.to_json(),
//!     r#"{"type":"about:blank","title":"Not Found","status":404}"#,
//! );
//! // Without a `code`, a problem's code is its status.
//! assert_eq!(PurchaseError::NotFound.code(), 404);
//! ```
//!
//! `detail` and `instance` are a field's `Display` or a text with
//! placeholders; an extension is a field serialised with serde, named as
//! the field or as written (`extensions(errors = problems)`). A `None`
//! leaves its member out, and so does an extension whose `Serialize`
//! fails. `code = 2202` keeps an entrecode API's code as the `code`
//! extension. The derive checks the RFC's rules at compile time: every
//! problem has a status, a `type` has a title, an about:blank title is the
//! status's reason phrase in the IANA registry, a relative `type` needs
//! `type_base`, and extension names are of RFC 9457 §4's form.
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

mod field;
mod problem_details;

#[cfg(feature = "utoipa")]
mod openapi;

use alloc::string::{String, ToString};
use alloc::vec::Vec;

pub use field::{
    ProblemDetailDisplay, ProblemExtensionPlaceholder, ProblemExtensionSerialize,
    ProblemInstanceDisplay, ProblemInstancePlaceholder, TransparentRfc9457,
};
pub use problem_details::ProblemDetails;

use crate::{ErrorInfo, Format, docs};

/// The rfc9457 wire format (`#[api(format = "rfc9457")]`): RFC 9457
/// problem details as `application/problem+json`.
///
/// Its documentation table, [`docs::markdown`], has
/// one row per variant: `| Type | Title | Status | Description |`, the type
/// URI (`about:blank` for a problem that is its status's), the title with
/// its placeholders named, the status, and the variant's doc comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rfc9457 {}

impl Format for Rfc9457 {
    const NAME: &'static str = "rfc9457";
    const MEDIA_TYPE: &'static str = "application/problem+json";

    // A problem is known by its type, not by a code: two variants that
    // share a code (or a status) are two rows.
    const __ONE_ROW_PER_CODE: bool = false;
    // The body's `status` member states the status of the response.
    const __BODY_STATES_STATUS: bool = true;

    fn __markdown(rows: &[ErrorInfo]) -> String {
        let cells = rows.iter().map(|row| {
            Vec::from([
                docs::plain(row.type_uri).into_owned(),
                docs::plain(row.readable_title).into_owned(),
                row.status.to_string(),
                row.description.into(),
            ])
        });
        docs::table(&["Type", "Title", "Status", "Description"], cells)
    }

    #[cfg(feature = "utoipa")]
    type __Body = ProblemDetails;
}

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
        // In the order they are written (serde_json's map sorts its keys).
        let ordered: crate::json::Value = serde_json::from_str(SCHEMA).expect("SCHEMA is JSON");
        assert_eq!(
            ordered["properties"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<alloc::vec::Vec<_>>(),
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
