//! The Oz format: `{"error_code": int, "error_message": str, "details": any}`
//! as `application/json`.
//!
//! Codes are categories `0..=14` ([`CODES`]); several variants may share one
//! (the OzCapsula table gives code 14 five messages, [`CAPSULA`]). Codes 0,
//! 2, 11 and 12 are server errors and need a `5xx` status, the others `4xx`.

mod field;
#[cfg(feature = "utoipa")]
mod openapi;

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Serialize, Serializer};

pub use field::{DetailSerialize, TransparentOz};

pub use crate::common::oz_table::{CAPSULA, CODES, CapsulaMessage, OzCode, lookup};
use crate::{ErrorInfo, Format, docs};

impl OzBody {
    /// Reads an Oz error response: its HTTP status, `Content-Type` and body.
    ///
    /// # Errors
    ///
    /// A [`ParseError`](crate::client::ParseError), keeping the body, when the
    /// status is not 4xx/5xx, the media type is not `application/json`, the
    /// body is not JSON or not an Oz body, or a documented code's class
    /// disagrees with the status (codes 0, 2, 11, 12 are server errors, 5xx;
    /// the others client errors, 4xx).
    ///
    /// ```
    /// use api_errors::oz::OzBody;
    ///
    /// let body = br#"{"error_code":10,"error_message":"Resource not found","details":null}"#;
    /// assert!(OzBody::from_response(404, Some("application/json"), body).is_ok());
    /// assert!(OzBody::from_response(500, Some("application/json"), body).is_err());
    /// ```
    pub fn from_response(
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<Self, crate::client::ParseError> {
        crate::client::parse(status, content_type, body)
    }
}

impl crate::client::ResponseBody for OzBody {
    const MEDIA_TYPE: &'static str = Oz::MEDIA_TYPE;

    fn disagreement(&self, status: u16) -> Option<String> {
        let code = lookup(self.error_code)?;
        let server_status = status >= 500;
        (code.is_server_error() != server_status).then(|| {
            let class = if code.is_server_error() {
                "a server error (5xx)"
            } else {
                "a client error (4xx)"
            };
            alloc::format!(
                "Oz code {} ({}) is {class}, but the status is {status}",
                code.code,
                code.name
            )
        })
    }
}

/// The JSON Schema (draft 2020-12) of an Oz error body, from the Oz error
/// page: an object with exactly the members `error_code` (an integer
/// `0..=14`), `error_message` (a string) and `details` (any value, `null`
/// when there are none).
///
/// Every body api-errors writes validates against it (the tests check each
/// documented code and random field values). The order of the three members,
/// which api-errors keeps, is beyond what a schema can say.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(api_errors::oz::SCHEMA).unwrap();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["required"], serde_json::json!(["error_code", "error_message", "details"]));
/// ```
pub const SCHEMA: &str = include_str!("schema/oz.json");

/// The Oz wire format (`#[api(format = "oz")]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Oz {}

impl Format for Oz {
    const NAME: &'static str = "oz";
    const MEDIA_TYPE: &'static str = "application/json";

    // A code is a category: code 14 has five messages.
    const __ONE_ROW_PER_CODE: bool = false;
    const __BODY_STATES_STATUS: bool = false;

    fn __markdown(rows: &[ErrorInfo]) -> String {
        let cells = rows.iter().map(|row| {
            let description = match (row.description, lookup(row.code)) {
                ("", Some(code)) => code.description,
                (description, _) => description,
            };
            Vec::from([
                row.code.to_string(),
                docs::plain(row.readable_title).into_owned(),
                description.into(),
            ])
        });
        docs::table(&["Error code", "Error message", "Description"], cells)
    }

    #[cfg(feature = "utoipa")]
    type __Body = OzBody;
}

/// An Oz error body, owned: what an API client parses.
///
/// Every derived Oz body round-trips through it. A body without `details`
/// parses as `details: null` (the page says it "can be empty").
///
/// ```
/// use api_errors::oz::OzBody;
///
/// let body: OzBody = serde_json::from_str(
///     r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#,
/// ).unwrap();
/// assert_eq!(body.error_code, 0);
/// assert!(body.details.is_null());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OzBody {
    /// The error code, `0..=14`.
    pub error_code: u16,
    /// The text description of the error.
    pub error_message: String,
    /// Additional details, as written (an object keeps its members' order),
    /// `null` when the error has none.
    pub details: crate::json::Value,
}

impl Serialize for OzBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "OzBody", {
            "error_code" => &self.error_code;
            "error_message" => &self.error_message;
            "details" => &self.details;
        })
    }
}

crate::object::deserialize_object!(OzBody, {
    error_code: u16 = "error_code";
    error_message: String = "error_message";
    details: crate::json::Value = "details", or crate::json::Value::Null;
});
