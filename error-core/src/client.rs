//! Reading error responses back, for API clients.
//!
//! Every format's body type has a `from_response` (Oz's
//! [`OzBody::from_response`](crate::oz::OzBody::from_response), entrecode's
//! [`Problem::from_response`](crate::entrecode::Problem::from_response), …):
//! it takes what an HTTP client has (status, `Content-Type`, body bytes) and
//! gives the typed body, or a [`ParseError`] that says what was wrong and
//! keeps the bytes, so nothing is lost. The checks are the same for every
//! format, except how a body may disagree with its status, which the
//! format's body type says. With Oz:
//!
//! ```
//! use api_errors::client::ParseErrorKind;
//! use api_errors::oz::OzBody;
//!
//! let body = br#"{"error_code":10,"error_message":"Resource not found","details":null}"#;
//! let parsed = OzBody::from_response(404, Some("application/json"), body).unwrap();
//! assert_eq!(parsed.error_code, 10);
//!
//! let error = OzBody::from_response(502, Some("text/html"), b"<h1>Bad Gateway</h1>").unwrap_err();
//! assert!(matches!(error.kind(), ParseErrorKind::MediaType { .. }));
//! assert_eq!(error.body(), b"<h1>Bad Gateway</h1>");
//! ```

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{DeserializeOwned, IgnoredAny};

/// A response body this module can read: each format's body type, which
/// implements it in the format's own module.
pub(crate) trait ResponseBody: DeserializeOwned {
    /// The media type the format answers with.
    const MEDIA_TYPE: &'static str;
    /// What is wrong when the body and the HTTP status disagree.
    fn disagreement(&self, status: u16) -> Option<String>;
}

/// Reads a `B` from a response, checking status, media type, JSON and shape.
pub(crate) fn parse<B: ResponseBody>(
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<B, ParseError> {
    let fail = |kind| {
        Err(ParseError {
            kind,
            status,
            content_type: content_type.map(ToString::to_string),
            body: body.to_vec(),
        })
    };
    if !(400..=599).contains(&status) {
        return fail(ParseErrorKind::NotAnError);
    }
    if !content_type.is_some_and(|found| media_type_is(found, B::MEDIA_TYPE)) {
        return fail(ParseErrorKind::MediaType {
            expected: B::MEDIA_TYPE,
        });
    }
    // Whether it is JSON at all (read, nothing kept), then the body itself,
    // straight from the bytes: through a `serde_json::Value` its objects'
    // members would come out sorted.
    if let Err(error) = serde_json::from_slice::<IgnoredAny>(body) {
        return fail(ParseErrorKind::NotJson(error));
    }
    let parsed: B = match serde_json::from_slice(body) {
        Ok(parsed) => parsed,
        Err(error) => return fail(ParseErrorKind::Shape(error)),
    };
    match parsed.disagreement(status) {
        None => Ok(parsed),
        Some(reason) => fail(ParseErrorKind::Status(reason)),
    }
}

/// Whether a `Content-Type` header names `expected`, ignoring parameters
/// (`; charset=utf-8`) and case.
fn media_type_is(header: &str, expected: &str) -> bool {
    header
        .split(';')
        .next()
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case(expected))
}

/// A response that could not be read as an error body of the format.
///
/// It keeps the status, the `Content-Type` and the body bytes, so a client
/// can still log or show what it received.
#[derive(Debug)]
pub struct ParseError {
    kind: ParseErrorKind,
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
}

/// What was wrong with a response.
#[derive(Debug)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The status is not `4xx` or `5xx`: the response is not an error.
    NotAnError,
    /// The `Content-Type` is missing or not the format's media type.
    MediaType {
        /// The format's media type.
        expected: &'static str,
    },
    /// The body is not JSON.
    NotJson(serde_json::Error),
    /// The body is JSON, but not the format's body.
    Shape(serde_json::Error),
    /// The body disagrees with the HTTP status (the reason says how).
    Status(String),
}

impl ParseError {
    /// What was wrong.
    #[must_use]
    pub fn kind(&self) -> &ParseErrorKind {
        &self.kind
    }

    /// The response's HTTP status.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response's `Content-Type`, if it had one.
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The body as received.
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body as received, by value.
    #[must_use]
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ParseErrorKind::NotAnError => write!(
                f,
                "status {} is not an error status (4xx or 5xx)",
                self.status
            ),
            ParseErrorKind::MediaType { expected } => match &self.content_type {
                Some(found) => write!(f, "the response is `{found}`, not `{expected}`"),
                None => write!(f, "the response has no Content-Type; expected `{expected}`"),
            },
            ParseErrorKind::NotJson(error) => write!(f, "the body is not JSON: {error}"),
            ParseErrorKind::Shape(error) => {
                write!(f, "the body is not an error body of the format: {error}")
            }
            ParseErrorKind::Status(reason) => f.write_str(reason),
        }?;
        write!(
            f,
            " (status {}, {} bytes of body kept)",
            self.status,
            self.body.len()
        )
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ParseErrorKind::NotJson(error) | ParseErrorKind::Shape(error) => Some(error),
            _ => None,
        }
    }
}
