//! Property tests of the bodies: for random field values (any unicode,
//! quotes, backslashes, control characters, empty and very long strings,
//! nested values, `None`s), every body is valid JSON, the same on the fast
//! path and the serde path, valid against the format's schema, parsed back
//! by the client types (`OzBody`, `Problem`, `ProblemDetails`, also through
//! `from_response`) with exactly the values that went in, computed
//! independently, and re-serialised to the same bytes.
//!
//! `PROPTEST_CASES` sets the number of cases of each test (default 500).

use api_errors_tests::schema;

use api_errors_tests::hostile;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use api_errors::ApiError;
use api_errors::entrecode::{Problem, SubError, SubErrors};
use api_errors::json;
use api_errors::oz::OzBody;
use api_errors::rfc9457::ProblemDetails;
use api_errors_tests::support::ordered;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm};
use serde::Serialize;
use serde_json::Value;

use self::hostile::{short_text, text};

fn config() -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(500),
        // The failing value is printed; no regression file is written into
        // the source tree.
        failure_persistence: None,
        // ChaCha dominates an unoptimised test build; XorShift is ample here.
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// Values.

/// A serde value for `details`/`verbose` or an extension: strings,
/// integers, lists, maps.
#[derive(Debug, Clone, Serialize)]
struct Context {
    text: String,
    number: i64,
    unsigned: u64,
    flag: bool,
    list: Vec<String>,
    map: BTreeMap<String, Option<String>>,
    nested: Option<Box<Context>>,
}

/// A `Context` without `nested`.
fn flat_context() -> impl Strategy<Value = Context> {
    (
        short_text(),
        any::<i64>(),
        any::<u64>(),
        any::<bool>(),
        proptest::collection::vec(short_text(), 0..3),
        proptest::collection::btree_map(short_text(), proptest::option::of(short_text()), 0..3),
    )
        .prop_map(|(text, number, unsigned, flag, list, map)| Context {
            text,
            number,
            unsigned,
            flag,
            list,
            map,
            nested: None,
        })
}

/// A `Context`, nested one level now and then.
fn context() -> impl Strategy<Value = Context> {
    (flat_context(), proptest::option::of(flat_context())).prop_map(|(outer, inner)| Context {
        nested: inner.map(Box::new),
        ..outer
    })
}

// ---------------------------------------------------------------------------
// Oz.

#[derive(Debug, Clone, ApiError)]
#[api(format = "oz")]
enum OzError {
    #[api(code = 3, title = "Missing {0}", detail = 0)]
    Missing(String),
    #[api(
        code = 4,
        title = "{name}: {{{value}}}",
        detail = "value {value} of {name}"
    )]
    Text { name: String, value: String },
    #[api(code = 12, detail = context)]
    Serde { context: Context },
    #[api(code = 10, detail = maybe)]
    Optional { maybe: Option<String> },
    #[api(code = 0)]
    Unit,
}

fn oz_error() -> impl Strategy<Value = OzError> {
    prop_oneof![
        text().prop_map(OzError::Missing),
        (text(), text()).prop_map(|(name, value)| OzError::Text { name, value }),
        context().prop_map(|context| OzError::Serde { context }),
        proptest::option::of(text()).prop_map(|maybe| OzError::Optional { maybe }),
        Just(OzError::Unit),
    ]
}

/// The title and `details` `error` must carry, computed independently.
fn oz_expected(error: &OzError) -> (String, json::Value) {
    match error {
        OzError::Missing(path) => (format!("Missing {path}"), ordered(path)),
        OzError::Text { name, value } => (
            format!("{name}: {{{value}}}"),
            ordered(&format!("value {value} of {name}")),
        ),
        OzError::Serde { context } => ("Database error".into(), ordered(context)),
        OzError::Optional { maybe } => ("Resource not found".into(), ordered(maybe)),
        OzError::Unit => (
            "Unknown server side error occurred".into(),
            json::Value::Null,
        ),
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
    fn test_oz_bodies_are_valid_and_round_trip(error in oz_error()) {
        let json = both_paths(&error)?;
        let value: Value = serde_json::from_str(&json)
            .map_err(|failure| TestCaseError::fail(format!("not JSON ({failure}): {json}")))?;
        if let Err(failure) = schema::validator().oz(&value) {
            return Err(TestCaseError::fail(format!("{json}\nbreaks the Oz schema:\n{failure}")));
        }
        let (title, details) = oz_expected(&error);
        prop_assert_eq!(error.title(), title.as_str());
        let body: OzBody = serde_json::from_str(&json)
            .map_err(|failure| TestCaseError::fail(format!("not an OzBody ({failure})")))?;
        prop_assert_eq!(&body, &OzBody {
            error_code: error.code(),
            error_message: title,
            details,
        });
        prop_assert_eq!(serde_json::to_string(&body).unwrap(), json.as_str(), "OzBody round trip");
        let parsed = OzBody::from_response(error.status(), Some(error.content_type()), json.as_bytes())
            .map_err(|failure| TestCaseError::fail(format!("from_response refuses it: {failure}")))?;
        prop_assert_eq!(parsed, body);
    }
}

// ---------------------------------------------------------------------------
// entrecode.

#[derive(Debug, Clone, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
enum EntrecodeError {
    #[api(code = 202, detail = name, embed = cause)]
    MissingQuery { name: String, cause: Option<Sub> },
    #[api(code = 150, title = "Remote {api} failed", detail = api, verbose = context)]
    Remote {
        api: String,
        context: Option<Context>,
    },
    #[api(code = 211, detail = "{property} in {model}", embed = errors)]
    Invalid {
        property: String,
        model: String,
        errors: Vec<Sub>,
    },
    #[api(
        code = 2950,
        title = "Custom {0}",
        status = 418,
        detail = 0,
        verbose = 1
    )]
    Custom(String, Vec<String>),
    #[api(code = 2000)]
    Internal(#[expect(dead_code, reason = "an internal error's cause is never disclosed")] String),
}

#[derive(Debug, Clone, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
enum Sub {
    #[api(code = 201, detail = 0)]
    Property(String),
    #[api(code = 212, title = "Invalid {0}", detail = 0, verbose = 1)]
    Format(String, String),
}

fn sub() -> impl Strategy<Value = Sub> {
    prop_oneof![
        text().prop_map(Sub::Property),
        (text(), text()).prop_map(|(name, verbose)| Sub::Format(name, verbose)),
    ]
}

fn entrecode_error() -> impl Strategy<Value = EntrecodeError> {
    prop_oneof![
        (text(), proptest::option::of(sub()))
            .prop_map(|(name, cause)| EntrecodeError::MissingQuery { name, cause }),
        (text(), proptest::option::of(context()))
            .prop_map(|(api, context)| EntrecodeError::Remote { api, context }),
        (text(), text(), proptest::collection::vec(sub(), 0..4)).prop_map(
            |(property, model, errors)| EntrecodeError::Invalid {
                property,
                model,
                errors
            }
        ),
        (text(), proptest::collection::vec(text(), 0..3))
            .prop_map(|(detail, verbose)| EntrecodeError::Custom(detail, verbose)),
        text().prop_map(EntrecodeError::Internal),
    ]
}

fn url(code: u16) -> String {
    format!("https://entrecode.de/doc/errors/{code}")
}

/// A sub-error as a client parses it, computed independently.
fn sub_expected(sub: &Sub) -> SubError {
    match sub {
        Sub::Property(name) => SubError {
            code: 2201,
            title: "Missing property in JSON body".into(),
            type_url: url(2201),
            detail: Some(name.clone()),
        },
        Sub::Format(name, _) => SubError {
            code: 2212,
            title: format!("Invalid {name}"),
            type_url: url(2212),
            detail: Some(name.clone()),
        },
    }
}

/// Title, detail, verbose and sub-errors `error` must carry.
fn entrecode_expected(
    error: &EntrecodeError,
) -> (
    String,
    Option<String>,
    Option<json::Value>,
    Option<SubErrors>,
) {
    match error {
        EntrecodeError::MissingQuery { name, cause } => (
            "Missing property in query string".into(),
            Some(name.clone()),
            None,
            cause
                .as_ref()
                .map(|cause| SubErrors::One(sub_expected(cause))),
        ),
        EntrecodeError::Remote { api, context } => (
            format!("Remote {api} failed"),
            Some(api.clone()),
            context.as_ref().map(ordered),
            None,
        ),
        EntrecodeError::Invalid {
            property,
            model,
            errors,
        } => (
            "Invalid format for property in JSON body".into(),
            Some(format!("{property} in {model}")),
            None,
            (!errors.is_empty())
                .then(|| SubErrors::Many(errors.iter().map(sub_expected).collect())),
        ),
        EntrecodeError::Custom(detail, verbose) => (
            format!("Custom {detail}"),
            Some(detail.clone()),
            Some(ordered(verbose)),
            None,
        ),
        EntrecodeError::Internal(_) => ("Internal Error".into(), None, None, None),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn test_entrecode_bodies_are_valid_and_round_trip(error in entrecode_error()) {
        let json = both_paths(&error)?;
        let value: Value = serde_json::from_str(&json)
            .map_err(|failure| TestCaseError::fail(format!("not JSON ({failure}): {json}")))?;
        if let Err(failure) = schema::validator().entrecode(&value) {
            return Err(TestCaseError::fail(format!(
                "{json}\nbreaks the entrecode schema:\n{failure}"
            )));
        }
        let problem: Problem = serde_json::from_str(&json)
            .map_err(|failure| TestCaseError::fail(format!("not a Problem ({failure})")))?;
        let (title, detail, verbose, embedded) = entrecode_expected(&error);
        prop_assert_eq!(error.title(), title.as_str());
        prop_assert_eq!((problem.status, problem.code), (error.status(), error.code()));
        prop_assert_eq!(&problem.title, &title);
        prop_assert_eq!(&problem.type_url, &url(error.code()));
        prop_assert_eq!(&problem.links.describedby.href, &problem.type_url);
        prop_assert_eq!(problem.links.describedby.title.as_str(), "Error Description");
        prop_assert_eq!(problem.links.up.href.as_str(), "https://datamanager.entrecode.de");
        prop_assert_eq!(&problem.detail, &detail);
        prop_assert_eq!(&problem.verbose, &verbose);
        prop_assert_eq!(problem.embedded.as_ref().map(|embedded| &embedded.error), embedded.as_ref());
        prop_assert_eq!(serde_json::to_string(&problem).unwrap(), json.as_str(), "Problem round trip");
        let parsed = Problem::from_response(error.status(), Some(error.content_type()), json.as_bytes())
            .map_err(|failure| TestCaseError::fail(format!("from_response refuses it: {failure}")))?;
        prop_assert_eq!(parsed, problem);
    }
}

// ---------------------------------------------------------------------------
// rfc9457.

/// An `instance` is a URI reference (the schema says so): `/` and random
/// segments, every byte outside the unreserved set percent-encoded.
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

#[derive(Debug, Clone, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Rfc9457Error {
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

fn rfc9457_error() -> impl Strategy<Value = Rfc9457Error> {
    prop_oneof![
        (
            any::<u64>(),
            any::<i64>(),
            instance(),
            proptest::collection::vec(text(), 0..3)
        )
            .prop_map(
                |(balance, cost, message, accounts)| Rfc9457Error::OutOfCredit {
                    balance,
                    cost,
                    message,
                    accounts
                }
            ),
        (
            text(),
            text(),
            proptest::option::of(instance()),
            proptest::option::of(context())
        )
            .prop_map(
                |(property, value, instance, context)| Rfc9457Error::Invalid {
                    property,
                    value,
                    instance,
                    context
                }
            ),
        (proptest::option::of(text()), any::<u32>())
            .prop_map(|(detail, retry)| Rfc9457Error::TooMany(detail, retry)),
        Just(Rfc9457Error::Internal),
    ]
}

/// The problem `error` must read back as, computed independently.
fn rfc9457_expected(error: &Rfc9457Error) -> ProblemDetails {
    let problem = |type_uri: &str, title: String, status: u16| ProblemDetails {
        type_uri: type_uri.into(),
        title: Some(title),
        status: Some(status),
        ..ProblemDetails::default()
    };
    match error {
        Rfc9457Error::OutOfCredit {
            balance,
            cost,
            message,
            accounts,
        } => ProblemDetails {
            detail: Some(format!(
                "Your current balance is {balance}, but that costs {cost}."
            )),
            instance: Some(message.clone()),
            extensions: json::Map::from_iter([
                ("balance".into(), ordered(balance)),
                ("accounts".into(), ordered(accounts)),
            ]),
            ..problem(
                "https://example.com/probs/out-of-credit",
                "You do not have enough credit.".into(),
                403,
            )
        },
        Rfc9457Error::Invalid {
            property,
            value,
            instance,
            context,
        } => {
            let mut extensions = json::Map::from_iter([("code".into(), 2211.into())]);
            if let Some(context) = context {
                extensions.insert("context".into(), ordered(context));
            }
            extensions.insert("property_name".into(), ordered(property));
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
        Rfc9457Error::TooMany(detail, retry) => ProblemDetails {
            detail: detail.clone(),
            extensions: json::Map::from_iter([("retry_after".into(), ordered(retry))]),
            ..problem("about:blank", "Too Many Requests".into(), 429)
        },
        Rfc9457Error::Internal => problem("about:blank", "Internal Server Error".into(), 500),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn test_rfc9457_bodies_are_valid_and_round_trip(error in rfc9457_error()) {
        let json = both_paths(&error)?;
        let value: Value = serde_json::from_str(&json)
            .map_err(|failure| TestCaseError::fail(format!("not JSON ({failure}): {json}")))?;
        if let Err(failure) = schema::validator().rfc9457(&value) {
            return Err(TestCaseError::fail(format!("{json}\nbreaks the rfc9457 schema:\n{failure}")));
        }
        let expected = rfc9457_expected(&error);
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
