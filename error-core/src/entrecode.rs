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

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

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
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The HTTP status of the response.
    pub status: u16,
    /// The four-digit error code.
    pub code: u16,
    /// The generic, short description of the error code.
    pub title: String,
    /// The URL of the code's description (`"type"` on the wire).
    pub type_url: String,
    /// The name of the object the error occurred on.
    pub detail: Option<String>,
    /// Any additional information, as written (a JSON `null` stays
    /// `Some(Value::Null)`; an object keeps its members' order).
    pub verbose: Option<crate::json::Value>,
    /// The HAL links `up` and `describedby` (`"_links"` on the wire).
    pub links: Links,
    /// Sub-errors (`"_embedded"` on the wire).
    pub embedded: Option<Embedded>,
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "Problem", {
            "status" => &self.status;
            "code" => &self.code;
            "title" => &self.title;
            "type" => &self.type_url;
            "detail" => &self.detail, if self.detail.is_some();
            "verbose" => &self.verbose, if self.verbose.is_some();
            "_links" => &self.links;
            "_embedded" => &self.embedded, if self.embedded.is_some();
        })
    }
}

// `verbose` is read as a `Value` and made `Some`: a member that is present
// is `Some`, even when it is `null`.
crate::object::deserialize_object!(Problem, {
    status: u16 = "status";
    code: u16 = "code";
    title: String = "title";
    type_url: String = "type";
    detail: Option<String> = "detail", or None;
    verbose: crate::json::Value = "verbose", or None;
    links: Links = "_links";
    embedded: Option<Embedded> = "_embedded", or None;
});

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

/// The `_links` of a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// The API's home (the container's `up(...)`).
    pub up: Link,
    /// The code's description: "Error Description" and the `type` URL.
    pub describedby: Link,
}

impl Serialize for Links {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "Links", {
            "up" => &self.up;
            "describedby" => &self.describedby;
        })
    }
}

crate::object::deserialize_object!(Links, {
    up: Link = "up";
    describedby: Link = "describedby";
});

/// A HAL link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link's title.
    pub title: String,
    /// The link's target.
    pub href: String,
}

impl Serialize for Link {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "Link", {
            "title" => &self.title;
            "href" => &self.href;
        })
    }
}

crate::object::deserialize_object!(Link, {
    title: String = "title";
    href: String = "href";
});

/// The `_embedded` of a problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedded {
    /// One sub-error, or a list of them.
    pub error: SubErrors,
}

impl Serialize for Embedded {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "Embedded", {
            "error" => &self.error;
        })
    }
}

crate::object::deserialize_object!(Embedded, {
    error: SubErrors = "error";
});

/// `_embedded.error`: one object, or an array of them.
#[derive(Debug, Clone, PartialEq)]
pub enum SubErrors {
    /// A single sub-error object.
    One(SubError),
    /// An array of sub-errors.
    Many(Vec<SubError>),
}

impl Serialize for SubErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SubErrors::One(error) => error.serialize(serializer),
            SubErrors::Many(errors) => errors.serialize(serializer),
        }
    }
}

/// An object is one sub-error, an array a list: the JSON type decides, so
/// nothing is read twice.
impl<'de> Deserialize<'de> for SubErrors {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SubErrorsVisitor;

        impl<'de> Visitor<'de> for SubErrorsVisitor {
            type Value = SubErrors;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a sub-error object or an array of them")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SubErrors, A::Error> {
                SubError::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(SubErrors::One)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<SubErrors, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(SubErrors::Many)
            }
        }

        deserializer.deserialize_any(SubErrorsVisitor)
    }
}

/// A sub-error: the subset `code`, `title`, `type`, `detail` of a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubError {
    /// The four-digit error code.
    pub code: u16,
    /// The generic, short description of the error code.
    pub title: String,
    /// The URL of the code's description (`"type"` on the wire).
    pub type_url: String,
    /// The name of the object the error occurred on.
    pub detail: Option<String>,
}

impl Serialize for SubError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "SubError", {
            "code" => &self.code;
            "title" => &self.title;
            "type" => &self.type_url;
            "detail" => &self.detail, if self.detail.is_some();
        })
    }
}

crate::object::deserialize_object!(SubError, {
    code: u16 = "code";
    title: String = "title";
    type_url: String = "type";
    detail: Option<String> = "detail", or None;
});
