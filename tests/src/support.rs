//! Checks shared by the integration tests: one body, every path.

use api_errors::entrecode::Problem;
use api_errors::oz::OzBody;
use api_errors::{ApiError, Entrecode, Oz};

/// The body of `error` is `expected` on every path: `to_json`, `write_json`
/// into a buffer that already holds bytes, and `serde_json` of `body()`.
pub fn assert_json<E: ApiError>(error: &E, expected: &str) {
    assert_eq!(error.to_json(), expected, "to_json");
    let serde = serde_json::to_string(&error.body()).expect("body() serialises");
    assert_eq!(serde, expected, "serde_json::to_string(&body())");
    let mut buffer = b"prefix:".to_vec();
    error.write_json(&mut buffer);
    assert_eq!(
        &buffer[..7],
        b"prefix:",
        "write_json keeps what the buffer held"
    );
    assert_eq!(
        std::str::from_utf8(&buffer[7..]).unwrap(),
        expected,
        "write_json appends the body"
    );
}

/// The fast path and the serde path agree, and the body is valid JSON.
pub fn assert_paths_agree<E: ApiError>(error: &E) -> String {
    let fast = error.to_json();
    let serde = serde_json::to_string(&error.body()).expect("body() serialises");
    assert_eq!(fast, serde, "write_json and serde_json of body() differ");
    serde_json::from_str::<serde_json::Value>(&fast).expect("the body is valid JSON");
    fast
}

/// An Oz body: `expected` on every path, and it round-trips through `OzBody`.
pub fn assert_oz<E: ApiError<Format = Oz>>(error: &E, expected: &str) {
    assert_json(error, expected);
    assert_eq!(error.content_type(), "application/json");
    let parsed: OzBody = serde_json::from_str(expected).expect("parses as OzBody");
    assert_eq!(parsed.error_code, error.code());
    assert_eq!(parsed.error_message, error.title());
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        expected,
        "OzBody round trip"
    );
}

/// An entrecode body: `expected` on every path, and it round-trips through
/// `Problem`.
pub fn assert_problem<E: ApiError<Format = Entrecode>>(error: &E, expected: &str) {
    assert_json(error, expected);
    assert_eq!(error.content_type(), "application/problem+json");
    let parsed: Problem = serde_json::from_str(expected).expect("parses as Problem");
    assert_eq!((parsed.status, parsed.code), (error.status(), error.code()));
    assert_eq!(parsed.title, error.title());
    assert_eq!(parsed.links.describedby.href, parsed.type_url);
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        expected,
        "Problem round trip"
    );
}
