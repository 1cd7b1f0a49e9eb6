//! The Oz format: `{"error_code": int, "error_message": str, "details": any}`
//! as `application/json`.
//!
//! Codes are categories `0..=14` ([`CODES`]); several variants may share one
//! (the OzCapsula table gives code 14 five messages, [`CAPSULA`]). Codes 0,
//! 2, 11 and 12 are server errors and need a `5xx` status, the others `4xx`.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

pub use crate::common::oz_table::{CAPSULA, CODES, CapsulaMessage, OzCode, lookup};
use crate::{ErrorInfo, Format, docs};

/// The Oz wire format (`#[api(format = "oz")]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Oz {}

impl Format for Oz {
    const NAME: &'static str = "oz";
    const MEDIA_TYPE: &'static str = "application/json";

    fn __markdown(rows: &[ErrorInfo]) -> String {
        let cells = rows.iter().map(|row| {
            let description = match (row.description, lookup(row.code)) {
                ("", Some(code)) => code.description,
                (description, _) => description,
            };
            Vec::from([row.code.to_string(), row.title.into(), description.into()])
        });
        docs::table(&["Error code", "Error message", "Description"], cells)
    }
}

/// An Oz error body, owned: what an API client parses.
///
/// Every derived Oz body round-trips through it. A body without `details`
/// parses as `details: null` (the page says it "can be empty").
///
/// ```
/// use error_core::oz::OzBody;
///
/// let body: OzBody = serde_json::from_str(
///     r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#,
/// ).unwrap();
/// assert_eq!(body.error_code, 0);
/// assert!(body.details.is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OzBody {
    /// The error code, `0..=14`.
    pub error_code: u16,
    /// The text description of the error.
    pub error_message: String,
    /// Additional details, `null` when the error has none.
    #[serde(default)]
    pub details: serde_json::Value,
}
