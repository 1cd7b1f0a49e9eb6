//! [`ProblemDetails`]: an RFC 9457 problem details object, owned, read the
//! way the RFC tells consumers to read one.

use alloc::string::String;
use core::fmt;

use crate::json::{Map, Value};
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The `type` of a problem that has none: the problem is the HTTP status's,
/// with no semantics beyond it (RFC 9457 §4.2.1).
const ABOUT_BLANK: &str = "about:blank";

/// The standard members, in the order they are written.
const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// An RFC 9457 problem details object, owned: what an API client parses.
///
/// It reads a body the way RFC 9457 §3.1 tells consumers to: a standard
/// member of the wrong JSON type is ignored as if it were absent (never a
/// parse failure), a missing `type` is `"about:blank"`, and every other
/// member is kept, in its order, in [`extensions`](Self::extensions). Only a
/// body that is not a JSON object fails to parse.
///
/// It writes `type` (always), then `title`, `status`, `detail` and
/// `instance` when they are `Some`, then the extensions in their order: a
/// body whose members come in that order (every body api-errors writes)
/// re-serialises to the same bytes.
///
/// ```
/// use api_errors::rfc9457::ProblemDetails;
///
/// let body = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":"403","balance":30}"#;
/// let problem: ProblemDetails = serde_json::from_str(body).unwrap();
/// assert_eq!(problem.type_uri, "https://example.com/probs/out-of-credit");
/// assert_eq!(problem.title.as_deref(), Some("You do not have enough credit."));
/// assert_eq!(problem.status, None); // a string, not a number: ignored
/// assert_eq!(problem.extensions["balance"], 30);
///
/// let blank: ProblemDetails = serde_json::from_str(r#"{"status":404,"title":"Not Found"}"#).unwrap();
/// assert_eq!(blank.type_uri, "about:blank");
/// assert_eq!(
///     serde_json::to_string(&blank).unwrap(),
///     r#"{"type":"about:blank","title":"Not Found","status":404}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemDetails {
    /// A URI reference that identifies the problem type (`"type"` on the
    /// wire); `"about:blank"` when the body has none, or has one that is not
    /// a string.
    pub type_uri: String,
    /// A short, human-readable summary of the problem type.
    pub title: Option<String>,
    /// The HTTP status the origin server answered this occurrence with; `None`
    /// when absent or not an integer in `0..=65535`.
    pub status: Option<u16>,
    /// A human-readable explanation specific to this occurrence.
    pub detail: Option<String>,
    /// A URI reference that identifies this occurrence.
    pub instance: Option<String>,
    /// Every other member of the body, in its order (flattened on the wire),
    /// each value as it was written (object members in their order too).
    ///
    /// A member named as a standard member (`type`, `title`, `status`,
    /// `detail`, `instance`) is never written: it would collide with the
    /// standard one, and parsing never puts one here.
    pub extensions: Map,
}

impl Default for ProblemDetails {
    /// The about:blank problem with no other member: `{"type":"about:blank"}`.
    ///
    /// ```
    /// use api_errors::rfc9457::ProblemDetails;
    ///
    /// let problem = ProblemDetails { status: Some(503), ..ProblemDetails::default() };
    /// assert_eq!(serde_json::to_string(&problem).unwrap(), r#"{"type":"about:blank","status":503}"#);
    /// ```
    fn default() -> Self {
        Self {
            type_uri: ABOUT_BLANK.into(),
            title: None,
            status: None,
            detail: None,
            instance: None,
            extensions: Map::new(),
        }
    }
}

impl ProblemDetails {
    /// Reads a problem details response: its HTTP status, `Content-Type` and
    /// body.
    ///
    /// # Errors
    ///
    /// A [`ParseError`](crate::client::ParseError), keeping the body, when the
    /// status is not 4xx/5xx, the media type is not
    /// `application/problem+json`, the body is not JSON or not a JSON object,
    /// or it has a `status` (an integer) that differs from the HTTP status.
    /// A body without `status`, or with one of the wrong type, agrees with
    /// any status.
    ///
    /// ```
    /// use api_errors::client::ParseErrorKind;
    /// use api_errors::rfc9457::ProblemDetails;
    ///
    /// let body = br#"{"type":"about:blank","title":"Not Found","status":404}"#;
    /// let problem = ProblemDetails::from_response(404, Some("application/problem+json"), body).unwrap();
    /// assert_eq!(problem.title.as_deref(), Some("Not Found"));
    ///
    /// let error = ProblemDetails::from_response(410, Some("application/problem+json"), body).unwrap_err();
    /// assert!(matches!(error.kind(), ParseErrorKind::Status(_)));
    /// ```
    pub fn from_response(
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<Self, crate::client::ParseError> {
        crate::client::parse(status, content_type, body)
    }
}

impl crate::client::ResponseBody for ProblemDetails {
    const MEDIA_TYPE: &'static str = <super::Rfc9457 as crate::Format>::MEDIA_TYPE;

    fn disagreement(&self, status: u16) -> Option<String> {
        let written = self.status?;
        (written != status).then(|| {
            alloc::format!("the body's status {written} differs from the HTTP status {status}")
        })
    }
}

impl Serialize for ProblemDetails {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let extensions = || {
            self.extensions
                .iter()
                .filter(|(name, _)| !STANDARD_MEMBERS.contains(&name.as_str()))
        };
        let optional = [
            self.title.is_some(),
            self.status.is_some(),
            self.detail.is_some(),
            self.instance.is_some(),
        ];
        let len = 1 + optional.iter().filter(|&&present| present).count() + extensions().count();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("type", &self.type_uri)?;
        if let Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", &status)?;
        }
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let Some(instance) = &self.instance {
            map.serialize_entry("instance", instance)?;
        }
        for (name, value) in extensions() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ProblemDetails {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProblemVisitor)
    }
}

/// Reads the members of a problem details object one by one.
struct ProblemVisitor;

impl<'de> Visitor<'de> for ProblemVisitor {
    type Value = ProblemDetails;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a problem details object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut problem = ProblemDetails::default();
        // A repeated member: the last one counts, as in a `serde_json::Value`
        // (and a repeated extension keeps its first position, as there).
        while let Some(name) = map.next_key::<String>()? {
            match name.as_str() {
                "type" => {
                    problem.type_uri = map
                        .next_value::<Member>()?
                        .text()
                        .unwrap_or_else(|| ABOUT_BLANK.into());
                }
                "title" => problem.title = map.next_value::<Member>()?.text(),
                "status" => problem.status = map.next_value::<Member>()?.status(),
                "detail" => problem.detail = map.next_value::<Member>()?.text(),
                "instance" => problem.instance = map.next_value::<Member>()?.text(),
                _ => {
                    let value = map.next_value::<Value>()?;
                    problem.extensions.insert(name, value);
                }
            }
        }
        Ok(problem)
    }
}

/// A standard member's value, reduced to what the standard members can use:
/// a string, a non-negative integer, or something else (ignored).
enum Member {
    Text(String),
    Unsigned(u64),
    Other,
}

impl Member {
    /// The value of a string member (`type`, `title`, `detail`, `instance`).
    fn text(self) -> Option<String> {
        match self {
            Member::Text(text) => Some(text),
            Member::Unsigned(_) | Member::Other => None,
        }
    }

    /// The value of `status`: an integer that fits a `u16`.
    fn status(self) -> Option<u16> {
        match self {
            Member::Unsigned(number) => u16::try_from(number).ok(),
            Member::Text(_) | Member::Other => None,
        }
    }
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MemberVisitor)
    }
}

/// Accepts any JSON value, so that a member of the wrong type is skipped
/// rather than failing the whole body.
struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Member, E> {
        Ok(Member::Text(text.into()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Member, E> {
        Ok(Member::Text(text))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Member, E> {
        Ok(Member::Unsigned(number))
    }

    fn visit_u128<E: de::Error>(self, number: u128) -> Result<Member, E> {
        Ok(u64::try_from(number).map_or(Member::Other, Member::Unsigned))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Member, E> {
        Ok(u64::try_from(number).map_or(Member::Other, Member::Unsigned))
    }

    fn visit_i128<E: de::Error>(self, number: i128) -> Result<Member, E> {
        Ok(u64::try_from(number).map_or(Member::Other, Member::Unsigned))
    }

    // `403.0` is a number but not an integer: not a status.
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Member, E> {
        Ok(Member::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Member, E> {
        Ok(Member::Other)
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Member, E> {
        Ok(Member::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Member, E> {
        Ok(Member::Other)
    }

    fn visit_none<E: de::Error>(self) -> Result<Member, E> {
        Ok(Member::Other)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Member, D::Error> {
        Member::deserialize(inner)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<Member, D::Error> {
        Member::deserialize(inner)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Member, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Member::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Member, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Member::Other)
    }
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;

    use super::ProblemDetails;
    use crate::client::ParseErrorKind;

    /// RFC 9457 §3's first example body, as the RFC writes it (no `status`).
    const OUT_OF_CREDIT: &str = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;

    /// RFC 9457 §3's validation example, with its `errors` extension.
    const VALIDATION: &str = r##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##;

    /// The body the design's `OutOfCredit` variant writes (with `status`).
    const OUT_OF_CREDIT_WRITTEN: &str = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;

    const PROBLEM_JSON: Option<&str> = Some("application/problem+json");

    fn parse(json: &str) -> ProblemDetails {
        serde_json::from_str(json).unwrap_or_else(|error| panic!("{json}: {error}"))
    }

    fn names(problem: &ProblemDetails) -> Vec<&str> {
        problem.extensions.keys().map(String::as_str).collect()
    }

    #[test]
    fn test_the_out_of_credit_example_reads_member_by_member() {
        let problem = parse(OUT_OF_CREDIT);
        assert_eq!(problem.type_uri, "https://example.com/probs/out-of-credit");
        assert_eq!(
            problem.title.as_deref(),
            Some("You do not have enough credit.")
        );
        assert_eq!(problem.status, None);
        assert_eq!(
            problem.detail.as_deref(),
            Some("Your current balance is 30, but that costs 50.")
        );
        assert_eq!(problem.instance.as_deref(), Some("/account/12345/msgs/abc"));
        assert_eq!(names(&problem), ["balance", "accounts"]);
        assert_eq!(problem.extensions["balance"], 30);
        assert_eq!(
            problem.extensions["accounts"],
            serde_json::json!(["/account/12345", "/account/67890"])
        );
    }

    #[test]
    fn test_the_validation_example_keeps_its_errors_extension() {
        let problem = parse(VALIDATION);
        assert_eq!(problem.type_uri, "https://example.net/validation-error");
        assert_eq!(problem.title.as_deref(), Some("Your request is not valid."));
        assert_eq!(
            (problem.status, &problem.detail, &problem.instance),
            (None, &None, &None)
        );
        assert_eq!(names(&problem), ["errors"]);
        assert_eq!(
            problem.extensions["errors"][1]["detail"],
            "must be 'green', 'red' or 'blue'"
        );
        assert_eq!(
            problem.extensions["errors"][0]["pointer"], "#/age",
            "an extension's own members keep their order and values"
        );
    }

    #[test]
    fn test_bodies_in_the_written_order_round_trip_to_the_same_bytes() {
        for body in [OUT_OF_CREDIT, VALIDATION, OUT_OF_CREDIT_WRITTEN] {
            assert_eq!(serde_json::to_string(&parse(body)).unwrap(), body);
        }
        for body in [
            r#"{"type":"about:blank"}"#,
            r#"{"type":"about:blank","title":"Not Found","status":404}"#,
            r#"{"type":"about:blank","status":500,"instance":"urn:uuid:3e0c9e0a-6f55-4b8c-8e0f-1b9b6c0e2a10"}"#,
            r#"{"type":"tag:example.com,2024:x","zeta":null,"alpha":{"b":1,"a":2},"mid":[3,2,1]}"#,
        ] {
            assert_eq!(serde_json::to_string(&parse(body)).unwrap(), body);
        }
    }

    #[test]
    fn test_members_out_of_order_are_written_in_the_standard_order() {
        let problem = parse(
            r#"{"code":2202,"instance":"/x","status":400,"detail":"d","title":"t","type":"https://e.com/p"}"#,
        );
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            r#"{"type":"https://e.com/p","title":"t","status":400,"detail":"d","instance":"/x","code":2202}"#
        );
    }

    #[test]
    fn test_a_missing_type_is_about_blank() {
        let problem = parse(r#"{"title":"Not Found","status":404}"#);
        assert_eq!(problem.type_uri, "about:blank");
        assert_eq!(
            problem,
            parse(r#"{"type":"about:blank","title":"Not Found","status":404}"#)
        );
        assert_eq!(parse("{}"), ProblemDetails::default());
    }

    #[test]
    fn test_standard_members_of_the_wrong_type_are_ignored_as_if_absent() {
        let problem = parse(
            r#"{"type":42,"title":["t"],"status":"403","detail":{"text":"d"},"instance":null,"kept":true}"#,
        );
        let expected = ProblemDetails {
            extensions: serde_json::from_str(r#"{"kept":true}"#).unwrap(),
            ..ProblemDetails::default()
        };
        assert_eq!(problem, expected);
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            r#"{"type":"about:blank","kept":true}"#
        );
        for title in ["false", "1.5", "-3", "null"] {
            assert_eq!(
                parse(&format!(r#"{{"title":{title}}}"#)).title,
                None,
                "{title}"
            );
        }
    }

    #[test]
    fn test_a_status_that_is_not_a_u16_is_ignored() {
        for status in [
            "403.0",
            "403.5",
            "-404",
            "65536",
            "18446744073709551616",
            "true",
            "[404]",
        ] {
            let problem = parse(&format!(r#"{{"status":{status},"title":"t"}}"#));
            assert_eq!(problem.status, None, "status {status}");
            assert_eq!(problem.title.as_deref(), Some("t"), "status {status}");
        }
        assert_eq!(parse(r#"{"status":0}"#).status, Some(0));
        assert_eq!(parse(r#"{"status":65535}"#).status, Some(65535));
    }

    #[test]
    fn test_a_repeated_member_takes_the_last_value() {
        let problem =
            parse(r#"{"status":400,"ext":1,"status":"x","ext":2,"type":"a:b","type":"c:d"}"#);
        assert_eq!(problem.status, None);
        assert_eq!(problem.type_uri, "c:d");
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            r#"{"type":"c:d","ext":2}"#
        );
    }

    #[test]
    fn test_a_body_that_is_not_an_object_does_not_parse() {
        for body in ["[]", r#""about:blank""#, "404", "null", "true"] {
            let error = serde_json::from_str::<ProblemDetails>(body).unwrap_err();
            assert!(
                error.to_string().contains("a problem details object"),
                "{body}: {error}"
            );
        }
    }

    #[test]
    fn test_extensions_named_as_standard_members_are_not_written() {
        let mut problem = ProblemDetails {
            title: Some("t".into()),
            ..ProblemDetails::default()
        };
        for (name, value) in [
            ("title", "other"),
            ("type", "x:y"),
            ("status", "1"),
            ("errors", "e"),
        ] {
            problem.extensions.insert(name.into(), value.into());
        }
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            r#"{"type":"about:blank","title":"t","errors":"e"}"#
        );
    }

    #[test]
    fn test_from_response_reads_a_problem_of_any_status_it_agrees_with() {
        let problem = ProblemDetails::from_response(
            403,
            Some("application/problem+json; charset=utf-8"),
            OUT_OF_CREDIT_WRITTEN.as_bytes(),
        )
        .unwrap();
        assert_eq!(problem.status, Some(403));
        // No status in the body (the RFC's example), or one of the wrong
        // type: nothing to disagree with.
        for status in [402, 403, 500] {
            let problem =
                ProblemDetails::from_response(status, PROBLEM_JSON, OUT_OF_CREDIT.as_bytes())
                    .unwrap();
            assert_eq!(problem.status, None);
        }
        assert!(ProblemDetails::from_response(404, PROBLEM_JSON, br#"{"status":"403"}"#).is_ok());
    }

    #[test]
    fn test_from_response_refuses_what_is_not_a_problem_of_that_status() {
        let kind = |status: u16, content_type: Option<&str>, body: &[u8]| {
            let error = ProblemDetails::from_response(status, content_type, body).unwrap_err();
            assert_eq!(error.body(), body, "the body is kept");
            assert_eq!(error.status(), status);
            (kind_name(error.kind()), error.to_string())
        };
        let written = OUT_OF_CREDIT_WRITTEN.as_bytes();
        assert_eq!(kind(200, PROBLEM_JSON, written).0, "NotAnError");
        assert_eq!(kind(302, PROBLEM_JSON, written).0, "NotAnError");
        let (name, message) = kind(403, Some("application/json"), written);
        assert_eq!(name, "MediaType");
        assert_eq!(
            message,
            format!(
                "the response is `application/json`, not `application/problem+json` (status 403, {} bytes of body kept)",
                written.len()
            )
        );
        assert_eq!(kind(403, None, written).0, "MediaType");
        assert_eq!(kind(403, PROBLEM_JSON, b"{\"type\":").0, "NotJson");
        assert_eq!(kind(403, PROBLEM_JSON, b"<h1>Forbidden</h1>").0, "NotJson");
        assert_eq!(kind(403, PROBLEM_JSON, b"[]").0, "Shape");
        assert_eq!(kind(403, PROBLEM_JSON, b"\"Forbidden\"").0, "Shape");
        let (name, message) = kind(404, PROBLEM_JSON, written);
        assert_eq!(name, "Status");
        assert_eq!(
            message,
            format!(
                "the body's status 403 differs from the HTTP status 404 (status 404, {} bytes of body kept)",
                written.len()
            )
        );
    }

    /// The name of a `ParseErrorKind` variant.
    fn kind_name(kind: &ParseErrorKind) -> &'static str {
        match kind {
            ParseErrorKind::NotAnError => "NotAnError",
            ParseErrorKind::MediaType { expected } => {
                assert_eq!(*expected, "application/problem+json");
                "MediaType"
            }
            ParseErrorKind::NotJson(_) => "NotJson",
            ParseErrorKind::Shape(_) => "Shape",
            ParseErrorKind::Status(_) => "Status",
        }
    }
}
