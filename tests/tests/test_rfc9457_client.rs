//! `api_errors::rfc9457::ProblemDetails` outside JSON: through `MessagePack`,
//! which writes the length `Serialize` declares for a map as the map's
//! length (`serde_json` ignores it, so the unit tests cannot see a wrong one),
//! and which reads a body without `serde_json` in between (the reading
//! rules, wrong-typed standard members ignored, are the type's own, not
//! `serde_json::Value`'s).

use api_errors::rfc9457::ProblemDetails;
use serde_json::Value;

/// `problem` written to `MessagePack` reads back as `expected` (written by
/// hand), with nothing left over.
#[track_caller]
fn assert_msgpack(problem: &ProblemDetails, expected: &str) {
    let packed = rmp_serde::to_vec_named(problem).expect("a problem serialises to MessagePack");
    let mut rest = packed.as_slice();
    let decoded: Value = rmp_serde::from_read(&mut rest).unwrap_or_else(|error| {
        panic!("the MessagePack body does not decode ({error}): a map declared too long?")
    });
    assert!(
        rest.is_empty(),
        "{} bytes after the body: a map declared too short?\ndecoded {decoded}",
        rest.len()
    );
    let expected: Value = serde_json::from_str(expected).expect("the expectation is JSON");
    assert_eq!(decoded, expected);
}

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
        assert_msgpack(&parse(body), body);
    }
}

#[test]
fn test_extensions_named_as_standard_members_are_not_counted() {
    let mut problem = parse(r#"{"type":"about:blank","status":500}"#);
    problem.extensions.insert("status".into(), "500".into());
    problem.extensions.insert("trace_id".into(), "abc".into());
    assert_msgpack(
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
