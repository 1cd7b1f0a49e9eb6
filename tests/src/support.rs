//! Checks shared by the integration tests: one body, every path, also
//! through `MessagePack`; and a field that cannot be serialised.

use api_errors::entrecode::Problem;
use api_errors::oz::OzBody;
use api_errors::{ApiError, Entrecode, Oz};
use serde::{Serialize, Serializer};
use serde_json::Value;

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

/// `value` through `MessagePack` reads back as `expected` (JSON written by
/// hand), with nothing left over. `serde_json` ignores the length a
/// `Serialize` declares for a map; `MessagePack` writes it as the map's
/// length, so a wrong one corrupts the body: a map declared too long
/// swallows what follows it (or runs out of input), one declared too short
/// ends early and leaves members behind it.
#[track_caller]
pub fn assert_msgpack<T: Serialize + ?Sized>(value: &T, expected: &str) {
    let packed = rmp_serde::to_vec_named(value).expect("the value serialises to MessagePack");
    let mut rest = packed.as_slice();
    let decoded: Value = rmp_serde::from_read(&mut rest).unwrap_or_else(|error| {
        panic!("the MessagePack body does not decode ({error}): a map declared too long?\nexpected {expected}")
    });
    assert!(
        rest.is_empty(),
        "{} bytes after the body: a map declared too short?\ndecoded {decoded}\nexpected {expected}",
        rest.len()
    );
    let expected: Value = serde_json::from_str(expected).expect("the expectation is JSON");
    assert_eq!(decoded, expected, "the body read back from MessagePack");
}

/// A value whose `Serialize` fails: a body leaves it out, or writes `null`
/// where its format has a member that is always there.
#[derive(Debug)]
pub struct Refuses;

impl Serialize for Refuses {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("this value cannot be serialised"))
    }
}

/// `value` as a client type holds a body's free-form part: written to JSON
/// and read back, so that an object's members are in the order the value
/// serialises them (a `serde_json::Value` would sort them).
///
/// # Panics
///
/// If `value` does not serialise to JSON.
pub fn ordered<T: Serialize + ?Sized>(value: &T) -> api_errors::json::Value {
    serde_json::from_str(&serde_json::to_string(value).expect("the value serialises"))
        .expect("JSON reads back")
}
