//! Heap allocations per body, counted by a counting global allocator
//! (`allocation-counter`, which counts the current thread only, so the
//! tests may run in parallel): writing a body into a buffer that has room
//! allocates nothing, on the fast path and on the serde path, interpolated
//! titles, the type URL and `Display` details included (rfc9457: `Display`
//! and text instances, extensions and a failing one); `to_json` allocates
//! its `String` once.

use std::collections::BTreeMap;
use std::fmt;

use allocation_counter::measure;
use api_errors::ApiError;
use api_errors_tests::support::Refuses;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Violation {
    field: String,
    limits: Vec<u32>,
    extra: BTreeMap<String, String>,
}

/// A value known only through its `Display`, written in pieces.
#[derive(Debug)]
struct Pointer(Vec<String>);

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            write!(f, "/{segment}")?;
        }
        Ok(())
    }
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzError {
    #[api(code = 10)]
    NotFound,
    #[api(code = 4, title = "Invalid value for {0}", detail = 1)]
    Invalid(String, Violation),
    #[api(code = 3, title = "Missing {path}", detail = "in {path} at {line}")]
    Missing { path: String, line: u32 },
    #[api(code = 4, detail = 0)]
    Refused(Refuses),
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
enum DataManagerError {
    #[api(code = 202, detail = name, embed = cause)]
    MissingQuery {
        name: String,
        cause: Option<BodyError>,
    },
    #[api(code = 211, title = "Invalid value for {property}", detail = pointer, verbose = got)]
    InvalidProperty {
        property: String,
        pointer: Pointer,
        got: Violation,
    },
    #[api(code = 212, title = "Bad {number}", detail = pointer, verbose = got, embed = causes)]
    Many {
        number: u64,
        pointer: Option<Pointer>,
        got: Refuses,
        causes: Vec<BodyError>,
    },
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
enum BodyError {
    #[api(code = 201, title = "Missing property in JSON Body", detail = 0)]
    MissingProperty(String),
    #[api(code = 204, title = "Missing {0}", detail = 1)]
    MissingLink(u16, Pointer),
}

fn violation() -> Violation {
    Violation {
        field: "count".into(),
        limits: vec![1, 100],
        extra: BTreeMap::from([("hint".into(), "use a \"number\"".into())]),
    }
}

fn pointer() -> Pointer {
    Pointer(vec!["items".into(), "3".into(), "na\nme".into()])
}

fn oz_bodies() -> Vec<OzError> {
    vec![
        OzError::NotFound,
        OzError::Invalid("count".into(), violation()),
        OzError::Missing {
            path: "payload.json".into(),
            line: 7,
        },
        OzError::Refused(Refuses),
    ]
}

fn entrecode_bodies() -> Vec<DataManagerError> {
    vec![
        DataManagerError::MissingQuery {
            name: "count".into(),
            cause: Some(BodyError::MissingProperty("property".into())),
        },
        DataManagerError::InvalidProperty {
            property: "count".into(),
            pointer: pointer(),
            got: violation(),
        },
        DataManagerError::Many {
            number: 42,
            pointer: Some(pointer()),
            got: Refuses,
            causes: vec![
                BodyError::MissingProperty("a".into()),
                BodyError::MissingLink(7, pointer()),
            ],
        },
    ]
}

#[derive(Debug, Serialize)]
struct FieldProblem {
    detail: String,
    pointer: String,
    limits: BTreeMap<String, u32>,
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum PurchaseError {
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
        cost: u64,
        message: String,
        accounts: Vec<String>,
    },
    #[api(status = 404)]
    NotFound,
    #[api(
        code = 2211,
        status = 422,
        type = "invalid",
        title = "Invalid {property}",
        detail = pointer,
        instance = "/requests/{request}",
        extensions(errors = problems, failing, request)
    )]
    Invalid {
        property: String,
        pointer: Pointer,
        request: u64,
        problems: Vec<FieldProblem>,
        failing: Refuses,
    },
    #[api(status = 400, type = "optional", title = "Optional", detail = detail, instance = instance)]
    Optional {
        detail: Option<Pointer>,
        instance: Option<String>,
    },
}

/// rfc9457 problems: interpolated titles and details, `Display` and text
/// instances, extensions and a failing one.
fn rfc9457_bodies() -> Vec<PurchaseError> {
    vec![
        PurchaseError::OutOfCredit {
            balance: 30,
            cost: 50,
            message: "/account/12345/msgs/abc".into(),
            accounts: vec!["/account/12345".into(), "/account/67890".into()],
        },
        PurchaseError::NotFound,
        PurchaseError::Invalid {
            property: "pro\"file".into(),
            pointer: Pointer(vec!["profile".into(), "co\nlor".into()]),
            request: 7,
            problems: vec![FieldProblem {
                detail: "must be 'green', 'red' or 'blue'".into(),
                pointer: "#/profile/color".into(),
                limits: [("max".into(), 3)].into(),
            }],
            failing: Refuses,
        },
        PurchaseError::Optional {
            detail: Some(Pointer(vec!["a".into()])),
            instance: None,
        },
        PurchaseError::Optional {
            detail: None,
            instance: Some("/x".into()),
        },
    ]
}

/// No allocation on either path into a buffer with room, and one for
/// `to_json`.
fn assert_allocations<E: ApiError + fmt::Debug>(error: &E) {
    let mut buffer = Vec::with_capacity(4096);
    let fast = measure(|| error.write_json(&mut buffer));
    assert_eq!(fast.count_total, 0, "write_json of {error:?}");
    let written = buffer.len();

    buffer.clear();
    let serde = measure(|| serde_json::to_writer(&mut buffer, &error.body()).unwrap());
    assert_eq!(serde.count_total, 0, "serde_json of body() of {error:?}");
    assert_eq!(buffer.len(), written);

    let mut json = String::new();
    let to_json = measure(|| json = error.to_json());
    assert_eq!(to_json.count_total, 1, "to_json of {error:?}: {json}");
    assert_eq!(json.len(), written);
}

#[test]
fn test_oz_bodies_allocate_nothing() {
    oz_bodies().iter().for_each(assert_allocations);
}

#[test]
fn test_entrecode_bodies_allocate_nothing() {
    entrecode_bodies().iter().for_each(assert_allocations);
}

#[test]
fn test_rfc9457_bodies_allocate_nothing() {
    rfc9457_bodies().iter().for_each(assert_allocations);
}

/// A buffer reused for many bodies grows once, then never again.
#[test]
fn test_reused_buffer_allocates_nothing() {
    let oz = oz_bodies();
    let problems = entrecode_bodies();
    let rfc9457 = rfc9457_bodies();
    let mut buffer = Vec::new();
    let write_all = |buffer: &mut Vec<u8>| {
        for error in &oz {
            buffer.clear();
            error.write_json(buffer);
        }
        for error in &problems {
            buffer.clear();
            error.write_json(buffer);
        }
        for error in &rfc9457 {
            buffer.clear();
            error.write_json(buffer);
        }
    };
    write_all(&mut buffer);
    let info = measure(|| write_all(&mut buffer));
    assert_eq!(info.count_total, 0);
}

/// Runtime parts nearly as large as the derive guesses them (a `Display`
/// text 32 bytes, a serde value 128, sub-errors 256), each kind the only
/// runtime part of its body, so that a smaller guess shows as a second
/// allocation.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Guessed {
    #[api(code = 4, detail = 0)]
    Serde(String),
    #[api(code = 3, title = "{0}{1}{2}")]
    Texts(String, String, String),
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://datamanager.entrecode.de")
)]
enum GuessedSubErrors {
    #[api(code = 202, embed = cause)]
    WithCause { cause: Option<BodyError> },
}

/// `to_json` reserves the body's constant bytes plus its guesses at once:
/// runtime parts up to the guesses fit (one allocation), and a body without
/// runtime parts gets no more than it needs.
#[test]
fn test_to_json_reserves_the_guessed_size_once() {
    let to_json_allocations = |error: &dyn Fn() -> String| {
        let mut json = String::new();
        let info = measure(|| json = error());
        (info.count_total, json)
    };
    let serde = Guessed::Serde("s".repeat(120));
    let (count, json) = to_json_allocations(&|| serde.to_json());
    assert_eq!(count, 1, "{json}");
    let piece = "t".repeat(28);
    let texts = Guessed::Texts(piece.clone(), piece.clone(), piece);
    let (count, json) = to_json_allocations(&|| texts.to_json());
    assert_eq!(count, 1, "{json}");
    let sub = GuessedSubErrors::WithCause {
        cause: Some(BodyError::MissingProperty("p".repeat(60))),
    };
    let (count, json) = to_json_allocations(&|| sub.to_json());
    assert_eq!(count, 1, "{json}");
    assert!(
        json.len() > 200,
        "the sub-error is most of the body: {json}"
    );
    let constant = OzError::NotFound.to_json();
    assert!(
        constant.capacity() <= constant.len() + 2,
        "{} bytes reserved for {constant}",
        constant.capacity()
    );
}
