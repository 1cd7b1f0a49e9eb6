//! The entrecode format: Problem Details and HAL as
//! `application/problem+json`.
//!
//! ```json
//! {"status": 400, "code": 2202, "title": "Missing property in query string",
//!  "type": "https://entrecode.de/doc/errors/2202", "detail": "count",
//!  "_links": {"up": {"title": "Data Manager Home Page", "href": "https://datamanager.entrecode.de"},
//!             "describedby": {"title": "Error Description", "href": "https://entrecode.de/doc/errors/2202"}},
//!  "_embedded": {"error": {"code": 2201, "title": "Missing property in JSON Body",
//!                          "type": "https://entrecode.de/doc/errors/2201", "detail": "property"}}}
//! ```
//!
//! Codes are four digits `SXXX`: the system `S` (1 Account Server, 2 Data
//! Manager, 3 App Manager; up to 9) and the local code `XXX` from the
//! documented table ([`CODES`], [`INTERNAL`]).

mod field;
mod links;
#[cfg(feature = "utoipa")]
mod openapi;

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Deserializer, Serialize};

pub use field::{DetailDisplay, EmbedErrors, TransparentEntrecode, VerboseSerialize};

pub use crate::common::entrecode_table::{
    CODES, EntrecodeCode, GROUPS, INTERNAL, PLAN_SYSTEMS, SYSTEMS, Systems, lookup,
};
use crate::{ErrorInfo, Format, docs};

/// The JSON Schema (draft 2020-12) of an entrecode error body, after the
/// rules of the entrecode error page (whose own schema is
/// `https://schema.entrecode.de/schema-acc/error`).
///
/// Required: `status` (an integer, at least 400), `code` (four digits,
/// `1000..=9999`), `title`, `type` (a URI) and `_links` with the HAL links
/// `up` and `describedby`. Optional: `detail` (a string), `verbose` (any
/// value) and `_embedded.error`, one sub-error or an array of them, each
/// holding only the subset `code`, `title`, `type` and `detail`. No other
/// member is allowed. Two rules of the page are beyond a schema and are
/// checked by api-errors's tests instead: `status` equals the response's
/// HTTP status, and `_links.describedby.href` equals `type`.
///
/// Every body api-errors writes validates against it.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(api_errors::entrecode::SCHEMA).unwrap();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["status"]["minimum"], 400);
/// ```
pub const SCHEMA: &str = include_str!("schema/entrecode.json");

/// The entrecode wire format (`#[api(format = "entrecode")]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entrecode {}

impl Format for Entrecode {
    const NAME: &'static str = "entrecode";
    const MEDIA_TYPE: &'static str = "application/problem+json";

    // A code means one title and one status (the derive checks it).
    const __ONE_ROW_PER_CODE: bool = true;
    const __BODY_STATES_STATUS: bool = true;

    /// The only constant object of a problem is `_links`.
    fn __serialize_constant<S: serde::Serializer>(
        constant: crate::__private::Constant,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        links::serialize(constant, serializer)
    }

    fn __markdown(rows: &[ErrorInfo]) -> String {
        let rows = docs::rows(rows, Self::__ONE_ROW_PER_CODE);
        let cells = rows.into_iter().map(|row| {
            let documented = lookup(row.code % 1000);
            let or_documented =
                |text: Cow<'static, str>, column: fn(&EntrecodeCode) -> &'static str| match (
                    text.is_empty(),
                    documented,
                ) {
                    (true, Some(code)) => column(code).into(),
                    _ => text.into_owned(),
                };
            let mut description = alloc::format!("**{}**", docs::plain(row.readable_title));
            if !row.description.is_empty() {
                description.push(' ');
                description.push_str(&row.description);
            }
            Vec::from([
                alloc::format!("{:04}", row.code),
                description,
                or_documented(row.readable_detail, |code| code.detail),
                or_documented(row.verbose, |code| code.verbose),
                row.status.to_string(),
            ])
        });
        docs::table(
            &[
                "Code",
                "Description",
                "Detail",
                "Verbose",
                "HTTP Status Code",
            ],
            cells,
        )
    }

    #[cfg(feature = "utoipa")]
    type __Body = Problem;
}

/// An entrecode error body, owned: what an API client parses.
///
/// Every derived entrecode body round-trips through it: re-serialising gives
/// the same JSON, optional members left out as they were and `_embedded.error`
/// kept as one object or as an array.
///
/// ```
/// use api_errors::entrecode::{Problem, SubErrors};
///
/// let problem: Problem = serde_json::from_str(r#"{
///     "status": 400, "code": 2202, "title": "Missing property in query string",
///     "type": "https://entrecode.de/doc/errors/2202", "detail": "count",
///     "_links": {
///         "up": {"title": "Data Manager Home Page", "href": "https://datamanager.entrecode.de"},
///         "describedby": {"title": "Error Description", "href": "https://entrecode.de/doc/errors/2202"}
///     },
///     "_embedded": {"error": {"code": 2201, "title": "Missing property in JSON Body",
///                             "type": "https://entrecode.de/doc/errors/2201", "detail": "property"}}
/// }"#).unwrap();
/// assert_eq!(problem.detail.as_deref(), Some("count"));
/// let Some(SubErrors::One(sub)) = problem.embedded.map(|e| e.error) else { panic!() };
/// assert_eq!(sub.code, 2201);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// The HTTP status of the response.
    pub status: u16,
    /// The four-digit error code.
    pub code: u16,
    /// The generic, short description of the error code.
    pub title: String,
    /// The URL of the code's description (`"type"` on the wire).
    #[serde(rename = "type")]
    pub type_url: String,
    /// The name of the object the error occurred on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Any additional information, as written (a JSON `null` stays
    /// `Some(Value::Null)`; an object keeps its members' order).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub verbose: Option<crate::json::Value>,
    /// The HAL links `up` and `describedby` (`"_links"` on the wire).
    #[serde(rename = "_links")]
    pub links: Links,
    /// Sub-errors (`"_embedded"` on the wire).
    #[serde(rename = "_embedded", default, skip_serializing_if = "Option::is_none")]
    pub embedded: Option<Embedded>,
}

impl Problem {
    /// Reads an entrecode error response: its HTTP status, `Content-Type` and
    /// body.
    ///
    /// # Errors
    ///
    /// A [`ParseError`](crate::client::ParseError), keeping the body, when the
    /// status is not 4xx/5xx, the media type is not
    /// `application/problem+json`, the body is not JSON or not a problem, or
    /// its `status` differs from the HTTP status.
    pub fn from_response(
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<Self, crate::client::ParseError> {
        crate::client::parse(status, content_type, body)
    }
}

impl crate::client::ResponseBody for Problem {
    const MEDIA_TYPE: &'static str = Entrecode::MEDIA_TYPE;

    fn disagreement(&self, status: u16) -> Option<String> {
        (self.status != status).then(|| {
            alloc::format!(
                "the body's status {} differs from the HTTP status {status}",
                self.status
            )
        })
    }
}

/// A member that is present is `Some`, even when it is `null`.
fn present<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<crate::json::Value>, D::Error> {
    crate::json::Value::deserialize(deserializer).map(Some)
}

/// The `_links` of a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    /// The API's home (the container's `up(...)`).
    pub up: Link,
    /// The code's description: "Error Description" and the `type` URL.
    pub describedby: Link,
}

/// A HAL link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The link's title.
    pub title: String,
    /// The link's target.
    pub href: String,
}

/// The `_embedded` of a problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Embedded {
    /// One sub-error, or a list of them.
    pub error: SubErrors,
}

/// `_embedded.error`: one object, or an array of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SubErrors {
    /// A single sub-error object.
    One(SubError),
    /// An array of sub-errors.
    Many(Vec<SubError>),
}

/// A sub-error: the subset `code`, `title`, `type`, `detail` of a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubError {
    /// The four-digit error code.
    pub code: u16,
    /// The generic, short description of the error code.
    pub title: String,
    /// The URL of the code's description (`"type"` on the wire).
    #[serde(rename = "type")]
    pub type_url: String,
    /// The name of the object the error occurred on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}
