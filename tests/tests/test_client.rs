//! Reading responses back: typed bodies, and clear errors that keep the
//! bytes; `ProblemDetails` outside JSON.

use api_errors::ApiError;
use api_errors::client::ParseErrorKind;
use api_errors::entrecode::Problem;
use api_errors::http::HttpStatus;
use api_errors::oz::OzBody;
use api_errors_demo::{BodyError, CapsuleError, EntryError};

const OZ: &str = "application/json";
const PROBLEM: &str = "application/problem+json";

fn seed_example() -> EntryError {
    EntryError::MissingQuery {
        name: "count",
        cause: Some(BodyError::MissingProperty("property")),
    }
}

#[test]
fn test_derived_bodies_parse_back() {
    let error = CapsuleError::NotFound(7);
    let body = OzBody::from_response(404, Some(OZ), error.to_json().as_bytes()).unwrap();
    assert_eq!(
        (body.error_code, body.error_message.as_str()),
        (10, "Capsule 7 not found")
    );
    let error = seed_example();
    let problem = Problem::from_response(400, Some(PROBLEM), error.to_json().as_bytes()).unwrap();
    assert_eq!(
        (problem.status, problem.code, problem.detail.as_deref()),
        (400, 2202, Some("count"))
    );
}

#[test]
fn test_media_type_parameters_and_case_are_accepted() {
    let body = CapsuleError::NotFound(7).to_json();
    assert!(
        OzBody::from_response(
            404,
            Some("Application/JSON; charset=utf-8"),
            body.as_bytes()
        )
        .is_ok()
    );
}

#[test]
fn test_a_body_that_is_not_json_keeps_its_bytes() {
    let html = b"<html><body>502 Bad Gateway</body></html>";
    let error = OzBody::from_response(502, Some(OZ), html).unwrap_err();
    assert!(
        matches!(error.kind(), ParseErrorKind::NotJson(_)),
        "{error}"
    );
    assert_eq!(error.body(), html);
    assert_eq!((error.status(), error.content_type()), (502, Some(OZ)));
    assert!(
        error.to_string().starts_with("the body is not JSON"),
        "{error}"
    );
    assert!(std::error::Error::source(&error).is_some());
    assert_eq!(error.into_body(), html.to_vec());
}

#[test]
fn test_json_of_another_shape_is_refused() {
    let other = br#"{"message":"not found"}"#;
    let error = OzBody::from_response(404, Some(OZ), other).unwrap_err();
    assert!(matches!(error.kind(), ParseErrorKind::Shape(_)), "{error}");
    let oz_body = CapsuleError::NotFound(7).to_json();
    let error = Problem::from_response(404, Some(PROBLEM), oz_body.as_bytes()).unwrap_err();
    assert!(matches!(error.kind(), ParseErrorKind::Shape(_)), "{error}");
    assert_eq!(error.body(), oz_body.as_bytes());
}

#[test]
fn test_a_body_that_disagrees_with_the_status_is_refused() {
    let body = seed_example().to_json();
    let error = Problem::from_response(500, Some(PROBLEM), body.as_bytes()).unwrap_err();
    assert!(matches!(error.kind(), ParseErrorKind::Status(_)), "{error}");
    assert!(
        error
            .to_string()
            .contains("400 differs from the HTTP status 500"),
        "{error}"
    );

    // Oz: code 10 is a client error; a 5xx status contradicts it.
    let body = CapsuleError::NotFound(7).to_json();
    let error = OzBody::from_response(503, Some(OZ), body.as_bytes()).unwrap_err();
    assert!(matches!(error.kind(), ParseErrorKind::Status(_)), "{error}");
}

#[test]
fn test_wrong_or_missing_media_type_and_success_statuses_are_refused() {
    let body = CapsuleError::NotFound(7).to_json();
    let error = OzBody::from_response(404, Some("text/html"), body.as_bytes()).unwrap_err();
    assert!(matches!(
        error.kind(),
        ParseErrorKind::MediaType {
            expected: "application/json"
        }
    ));
    assert!(
        error
            .to_string()
            .contains("`text/html`, not `application/json`"),
        "{error}"
    );
    let error = OzBody::from_response(404, None, body.as_bytes()).unwrap_err();
    assert!(matches!(error.kind(), ParseErrorKind::MediaType { .. }));
    let error = OzBody::from_response(200, Some(OZ), body.as_bytes()).unwrap_err();
    assert!(
        matches!(error.kind(), ParseErrorKind::NotAnError),
        "{error}"
    );
}

#[test]
fn test_status_as_http_status_code() {
    assert_eq!(
        CapsuleError::NotFound(1).status_code(),
        http::StatusCode::NOT_FOUND
    );
    assert_eq!(seed_example().status_code(), http::StatusCode::BAD_REQUEST);
}

/// `api_errors::rfc9457::ProblemDetails` outside JSON: through
/// `MessagePack`, which writes the length `Serialize` declares for a map as
/// the map's length (`serde_json` ignores it, so the unit tests cannot see a
/// wrong one), and which reads a body without `serde_json` in between (the
/// reading rules, wrong-typed standard members ignored, are the type's own,
/// not `serde_json::Value`'s).
mod rfc9457 {
    use api_errors::rfc9457::ProblemDetails;
    use api_errors_tests::support;
    use serde_json::Value;

    fn parse(json: &str) -> ProblemDetails {
        serde_json::from_str(json).expect("a problem")
    }

    #[test]
    fn test_the_declared_length_is_the_number_of_members_written() {
        for body in [
            r#"{"type":"about:blank"}"#,
            r#"{"type":"about:blank","title":"Not Found","status":404}"#,
            r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
            r#"{"type":"about:blank","status":503,"retry_after":30}"#,
        ] {
            support::assert_msgpack(&parse(body), body);
        }
    }

    #[test]
    fn test_extensions_named_as_standard_members_are_not_counted() {
        let mut problem = parse(r#"{"type":"about:blank","status":500}"#);
        problem.extensions.insert("status".into(), "500".into());
        problem.extensions.insert("trace_id".into(), "abc".into());
        support::assert_msgpack(
            &problem,
            r#"{"type":"about:blank","status":500,"trace_id":"abc"}"#,
        );
    }

    #[test]
    fn test_a_msgpack_body_is_read_by_the_same_rules() {
        // Written from a `Value`, so the wrong-typed members reach the reader.
        let body: Value = serde_json::from_str(
        r#"{"title":"Not Found","status":"404","detail":7,"instance":"/x","code":2100,"nested":{"a":[1,2]}}"#,
    )
    .unwrap();
        let packed = rmp_serde::to_vec_named(&body).unwrap();
        let problem: ProblemDetails = rmp_serde::from_slice(&packed).expect("a problem");
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            r#"{"type":"about:blank","title":"Not Found","instance":"/x","code":2100,"nested":{"a":[1,2]}}"#
        );
    }
}
