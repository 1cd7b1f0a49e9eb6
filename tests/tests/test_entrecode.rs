//! The entrecode format end to end: the seed's example byte for byte,
//! sub-errors (one, a list, none), verbose, an internal error, an
//! undocumented code, transparent variants, and the client type reading
//! the bodies back. Every documented code is in `test_entrecode_codes.rs`.

use api_errors_tests::support;

use api_errors::ApiError;
use api_errors::entrecode::{Problem, SubErrors};
use serde::Serialize;
use support::{Refuses, assert_paths_agree, assert_problem};

/// The seed's example, rebuilt: 2202 with an embedded 2201.
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
    /// A required query parameter is missing.
    #[api(code = 202, detail = name, embed = cause)]
    MissingQuery {
        /// The missing parameter.
        name: String,
        cause: Option<BodyError>,
    },
    // Only `Debug` reads the cause here (a real service logs it, or lets
    // thiserror's `source()` expose it): the body never does.
    #[api(code = 2000)]
    Internal(
        #[allow(dead_code, reason = "the cause is for logs, never for the wire")] std::io::Error,
    ),
    #[api(code = 211, detail = property, verbose = problem)]
    InvalidFormat {
        property: String,
        problem: Option<Problem2>,
    },
    #[api(code = 214, detail = relation, embed = causes)]
    InvalidLinks {
        relation: Option<String>,
        causes: Vec<BodyError>,
    },
    #[api(code = 2999, status = 503, title = "Maintenance until {until}")]
    Maintenance { until: String },
    #[api(transparent)]
    Body(BodyError),
}

#[derive(Debug, Serialize)]
struct Problem2 {
    expected: &'static str,
    got: u32,
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
    // The seed's example writes "JSON Body"; the table (the default) "JSON body".
    #[api(code = 201, title = "Missing property in JSON Body", detail = 0)]
    MissingProperty(String),
    #[api(code = 311, detail = "{0} is out of range")]
    InvalidValue(String),
}

/// The seed's example body (its missing comma before `_embedded` restored),
/// compact, keys in the seed's order.
const SEED_EXAMPLE: &str = concat!(
    r#"{"status":400,"code":2202,"title":"Missing property in query string","#,
    r#""type":"https://entrecode.de/doc/errors/2202","detail":"count","#,
    r#""_links":{"up":{"title":"Data Manager Home Page","href":"https://datamanager.entrecode.de"},"#,
    r#""describedby":{"title":"Error Description","href":"https://entrecode.de/doc/errors/2202"}},"#,
    r#""_embedded":{"error":{"code":2201,"title":"Missing property in JSON Body","#,
    r#""type":"https://entrecode.de/doc/errors/2201","detail":"property"}}}"#,
);

#[test]
fn test_the_seed_example_byte_for_byte() {
    let error = DataManagerError::MissingQuery {
        name: "count".into(),
        cause: Some(BodyError::MissingProperty("property".into())),
    };
    assert_eq!((error.status(), error.code()), (400, 2202));
    assert_problem(&error, SEED_EXAMPLE);
    let problem: Problem = serde_json::from_str(SEED_EXAMPLE).unwrap();
    assert!(
        matches!(problem.embedded.map(|embedded| embedded.error), Some(SubErrors::One(sub)) if sub.code == 2201)
    );
}

#[test]
fn test_no_sub_error_omits_embedded() {
    let error = DataManagerError::MissingQuery {
        name: "count".into(),
        cause: None,
    };
    let body = assert_paths_agree(&error);
    assert!(!body.contains("_embedded"));
    assert!(body.ends_with(r#""href":"https://entrecode.de/doc/errors/2202"}}}"#));
}

#[test]
fn test_internal_error_discloses_only_its_title() {
    let error =
        DataManagerError::Internal(std::io::Error::other("password=hunter2 at /etc/secret"));
    assert_problem(
        &error,
        concat!(
            r#"{"status":500,"code":2000,"title":"Internal Error","type":"https://entrecode.de/doc/errors/2000","#,
            r#""_links":{"up":{"title":"Data Manager Home Page","href":"https://datamanager.entrecode.de"},"#,
            r#""describedby":{"title":"Error Description","href":"https://entrecode.de/doc/errors/2000"}}}"#
        ),
    );
    assert!(!error.to_json().contains("hunter2"));
    assert!(
        DataManagerError::catalog()
            .iter()
            .all(|row| !row.description.contains("hunter2"))
    );
}

#[test]
fn test_verbose_is_serialised_and_omitted_when_none() {
    let error = DataManagerError::InvalidFormat {
        property: "age".into(),
        problem: Some(Problem2 {
            expected: "number",
            got: 3,
        }),
    };
    let body = assert_paths_agree(&error);
    assert!(
        body.contains(r#""detail":"age","verbose":{"expected":"number","got":3},"_links""#),
        "{body}"
    );
    let problem: Problem = serde_json::from_str(&body).unwrap();
    assert_eq!(serde_json::to_string(&problem).unwrap(), body);
    let error = DataManagerError::InvalidFormat {
        property: "age".into(),
        problem: None,
    };
    assert!(!assert_paths_agree(&error).contains("verbose"));
}

#[test]
fn test_a_list_of_sub_errors_is_an_array_and_an_empty_list_is_omitted() {
    let error = DataManagerError::InvalidLinks {
        relation: Some("author".into()),
        causes: vec![
            BodyError::MissingProperty("title".into()),
            BodyError::InvalidValue("count".into()),
        ],
    };
    let body = assert_paths_agree(&error);
    assert!(body.contains(concat!(
        r#""_embedded":{"error":[{"code":2201,"title":"Missing property in JSON Body","type":"https://entrecode.de/doc/errors/2201","detail":"title"},"#,
        r#"{"code":2311,"title":"Invalid value for property in JSON body","type":"https://entrecode.de/doc/errors/2311","detail":"count is out of range"}]}"#
    )), "{body}");
    let problem: Problem = serde_json::from_str(&body).unwrap();
    assert!(
        matches!(&problem.embedded.as_ref().unwrap().error, SubErrors::Many(list) if list.len() == 2)
    );
    assert_eq!(
        serde_json::to_string(&problem).unwrap(),
        body,
        "an array stays an array"
    );

    let error = DataManagerError::InvalidLinks {
        relation: None,
        causes: Vec::new(),
    };
    let body = assert_paths_agree(&error);
    assert!(
        !body.contains("_embedded") && !body.contains("detail"),
        "{body}"
    );
}

#[test]
fn test_undocumented_code_with_its_own_title_and_status() {
    let error = DataManagerError::Maintenance {
        until: "12:00".into(),
    };
    assert_eq!((error.code(), error.status()), (2999, 503));
    let body = assert_paths_agree(&error);
    assert!(
        body.starts_with(r#"{"status":503,"code":2999,"title":"Maintenance until 12:00","type""#)
    );
}

#[test]
fn test_transparent_takes_the_inner_body() {
    let inner = BodyError::InvalidValue("size".into());
    let expected = inner.to_json();
    assert_problem(&DataManagerError::Body(inner), &expected);
}

/// Every kind of `embed` field.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Embeds<'a> {
    #[api(code = 1200, embed = 0)]
    One(BodyError),
    #[api(code = 1201, embed = 0)]
    Slice(&'a [BodyError]),
    #[api(code = 1202, embed = 0)]
    Boxed(Box<[BodyError]>),
}

#[test]
fn test_embed_accepts_one_slice_and_boxed_slice() {
    let one = assert_paths_agree(&Embeds::One(BodyError::InvalidValue("x".into())));
    assert!(
        one.contains(r#""_embedded":{"error":{"code":2311"#),
        "{one}"
    );
    let list = [BodyError::InvalidValue("x".into())];
    let slice = assert_paths_agree(&Embeds::Slice(&list));
    assert!(
        slice.contains(r#""_embedded":{"error":[{"code":2311"#),
        "{slice}"
    );
    assert!(!assert_paths_agree(&Embeds::Slice(&[])).contains("_embedded"));
    let boxed = assert_paths_agree(&Embeds::Boxed(Box::new([BodyError::InvalidValue(
        "y".into(),
    )])));
    assert!(boxed.contains(r#""error":[{"#), "{boxed}");
    assert_eq!(
        Embeds::One(BodyError::InvalidValue(String::new())).code(),
        1200,
        "full codes need no system"
    );
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 1,
    type_url = "http://example.com/{code}.html",
    up(title = "Home", href = "http://example.com")
)]
#[api(code = 1150, verbose = value)]
struct FailingVerbose {
    #[allow(dead_code, reason = "named by `verbose`")]
    value: Refuses,
}

// The struct's keys sit on the struct itself.
#[derive(Debug, ApiError)]
#[api(code = 150, verbose = value)]
#[api(
    format = "entrecode",
    system = 1,
    type_url = "http://example.com/{code}.html",
    up(title = "Home", href = "http://example.com")
)]
struct RemoteError {
    value: Refuses,
}

#[test]
fn test_failing_verbose_is_omitted_on_both_paths() {
    let body = assert_paths_agree(&RemoteError { value: Refuses });
    assert!(body.starts_with(r#"{"status":400,"code":1150,"title":"Error in remote API","type":"http://example.com/1150.html","_links""#), "{body}");
    let _ = FailingVerbose { value: Refuses };
}
