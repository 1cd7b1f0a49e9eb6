//! Property tests of rfc9457 bodies, as `test_properties.rs` has for the
//! other formats: for random field values (any unicode, quotes,
//! backslashes, control characters, empty and very long strings, nested
//! values, `None`s), every body is valid JSON, the same on the fast path and
//! the serde path, valid against `api_errors::rfc9457::SCHEMA`, read back by
//! `ProblemDetails` (also through `from_response`) with exactly the values
//! that went in, computed independently, and re-serialised to the same
//! bytes.
//!
//! An `instance` is a URI reference (the schema says so), so its values are
//! paths of random segments, percent-encoded; the hostile text goes
//! everywhere else.
//!
//! `PROPTEST_CASES` sets the number of cases of each test (default 500).

use api_errors_tests::hostile;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use api_errors::ApiError;
use api_errors::rfc9457::ProblemDetails;
use boon::{Compiler, SchemaIndex, Schemas};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm};
use serde::Serialize;
use serde_json::{Map, Value, json};

use self::hostile::{short_text, text};

fn config() -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(500),
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    }
}

/// The schema, compiled once per test binary, format assertions on.
fn validate(body: &Value) -> Result<(), String> {
    static VALIDATOR: OnceLock<(Schemas, SchemaIndex)> = OnceLock::new();
    let (schemas, index) = VALIDATOR.get_or_init(|| {
        let document: Value = serde_json::from_str(api_errors::rfc9457::SCHEMA).unwrap();
        let mut schemas = Schemas::new();
        let mut compiler = Compiler::new();
        compiler.enable_format_assertions();
        compiler
            .add_resource("urn:api-errors:schema:rfc9457", document)
            .unwrap();
        let index = compiler
            .compile("urn:api-errors:schema:rfc9457", &mut schemas)
            .unwrap();
        (schemas, index)
    });
    schemas
        .validate(body, *index)
        .map_err(|error| format!("{error:#}"))
}

// ---------------------------------------------------------------------------
// Values.

/// A relative URI reference: `/` and random segments, every byte outside
/// the unreserved set percent-encoded.
fn instance() -> impl Strategy<Value = String> {
    proptest::collection::vec(short_text(), 0..4).prop_map(|segments| {
        let mut uri = String::new();
        for segment in segments {
            uri.push('/');
            for byte in segment.bytes() {
                if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                    uri.push(char::from(byte));
                } else {
                    write!(uri, "%{byte:02X}").unwrap();
                }
            }
        }
        uri
    })
}

/// A serde value for an extension.
#[derive(Debug, Clone, Serialize)]
struct Context {
    text: String,
    number: i64,
    flag: bool,
    list: Vec<String>,
    map: BTreeMap<String, Option<String>>,
}

fn context() -> impl Strategy<Value = Context> {
    (
        short_text(),
        any::<i64>(),
        any::<bool>(),
        proptest::collection::vec(short_text(), 0..3),
        proptest::collection::btree_map(short_text(), proptest::option::of(short_text()), 0..3),
    )
        .prop_map(|(text, number, flag, list, map)| Context {
            text,
            number,
            flag,
            list,
            map,
        })
}

// ---------------------------------------------------------------------------
// The problems.

#[derive(Debug, Clone, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Problem {
    #[api(
        status = 403,
        type = "out-of-credit",
        title = "You do not have enough credit.",
        detail = "Your current balance is {balance}, but that costs {cost}.",
        instance = message,
        extensions(balance, accounts)
    )]
    OutOfCredit {
        balance: u64,
        cost: i64,
        message: String,
        accounts: Vec<String>,
    },
    #[api(
        code = 2211,
        status = 422,
        type = "invalid",
        title = "Invalid {property}: {{{value}}}",
        detail = value,
        instance = instance,
        extensions(context, property_name = property)
    )]
    Invalid {
        property: String,
        value: String,
        instance: Option<String>,
        context: Option<Context>,
    },
    #[api(status = 429, detail = 0, extensions(retry_after = 1))]
    TooMany(Option<String>, u32),
    #[api(status = 500)]
    Internal,
}

fn problem() -> impl Strategy<Value = Problem> {
    prop_oneof![
        (
            any::<u64>(),
            any::<i64>(),
            instance(),
            proptest::collection::vec(text(), 0..3)
        )
            .prop_map(|(balance, cost, message, accounts)| Problem::OutOfCredit {
                balance,
                cost,
                message,
                accounts
            }),
        (
            text(),
            text(),
            proptest::option::of(instance()),
            proptest::option::of(context())
        )
            .prop_map(|(property, value, instance, context)| Problem::Invalid {
                property,
                value,
                instance,
                context
            }),
        (proptest::option::of(text()), any::<u32>())
            .prop_map(|(detail, retry)| Problem::TooMany(detail, retry)),
        Just(Problem::Internal),
    ]
}

/// The problem `error` must read back as, computed independently.
fn expected(error: &Problem) -> ProblemDetails {
    let problem = |type_uri: &str, title: String, status: u16| ProblemDetails {
        type_uri: type_uri.into(),
        title: Some(title),
        status: Some(status),
        ..ProblemDetails::default()
    };
    match error {
        Problem::OutOfCredit {
            balance,
            cost,
            message,
            accounts,
        } => ProblemDetails {
            detail: Some(format!(
                "Your current balance is {balance}, but that costs {cost}."
            )),
            instance: Some(message.clone()),
            extensions: Map::from_iter([
                ("balance".into(), json!(balance)),
                ("accounts".into(), json!(accounts)),
            ]),
            ..problem(
                "https://example.com/probs/out-of-credit",
                "You do not have enough credit.".into(),
                403,
            )
        },
        Problem::Invalid {
            property,
            value,
            instance,
            context,
        } => {
            let mut extensions = Map::from_iter([("code".into(), json!(2211))]);
            if let Some(context) = context {
                extensions.insert("context".into(), serde_json::to_value(context).unwrap());
            }
            extensions.insert("property_name".into(), json!(property));
            ProblemDetails {
                detail: Some(value.clone()),
                instance: instance.clone(),
                extensions,
                ..problem(
                    "https://example.com/probs/invalid",
                    format!("Invalid {property}: {{{value}}}"),
                    422,
                )
            }
        }
        Problem::TooMany(detail, retry) => ProblemDetails {
            detail: detail.clone(),
            extensions: Map::from_iter([("retry_after".into(), json!(retry))]),
            ..problem("about:blank", "Too Many Requests".into(), 429)
        },
        Problem::Internal => problem("about:blank", "Internal Server Error".into(), 500),
    }
}

/// The fast path and the serde path give the same bytes, also when the
/// buffer already holds some; returns them.
fn both_paths<E: ApiError>(error: &E) -> Result<String, TestCaseError> {
    let json = error.to_json();
    let serde = serde_json::to_string(&error.body())
        .map_err(|failure| TestCaseError::fail(format!("body() does not serialise: {failure}")))?;
    prop_assert_eq!(&json, &serde, "to_json and serde_json of body() differ");
    let mut buffer = b"[prefix]".to_vec();
    error.write_json(&mut buffer);
    prop_assert_eq!(&buffer[..8], b"[prefix]");
    prop_assert_eq!(&buffer[8..], json.as_bytes(), "write_json appends the body");
    Ok(json)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn test_rfc9457_bodies_are_valid_and_round_trip(error in problem()) {
        let json = both_paths(&error)?;
        let value: Value = serde_json::from_str(&json)
            .map_err(|failure| TestCaseError::fail(format!("not JSON ({failure}): {json}")))?;
        if let Err(failure) = validate(&value) {
            return Err(TestCaseError::fail(format!("{json}\nbreaks the rfc9457 schema:\n{failure}")));
        }
        let expected = expected(&error);
        prop_assert_eq!(Some(&*error.title()), expected.title.as_deref());
        prop_assert_eq!(Some(error.status()), expected.status);
        let parsed: ProblemDetails = serde_json::from_str(&json)
            .map_err(|failure| TestCaseError::fail(format!("not a ProblemDetails ({failure})")))?;
        prop_assert_eq!(&parsed, &expected);
        prop_assert_eq!(serde_json::to_string(&parsed).unwrap(), json.as_str(), "ProblemDetails round trip");
        let read = ProblemDetails::from_response(error.status(), Some(error.content_type()), json.as_bytes())
            .map_err(|failure| TestCaseError::fail(format!("from_response refuses it: {failure}")))?;
        prop_assert_eq!(read, parsed);
    }
}
