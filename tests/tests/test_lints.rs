//! Generated code is lint-clean: no warning under `#![deny(warnings)]` and
//! clippy's pedantic group (checked when `cargo clippy` builds this file).
#![deny(warnings, clippy::all, clippy::pedantic)]
// The fixtures are public (so that nothing is dead code) and undocumented:
// `missing_docs` never concerns generated trait impls, only these fixtures.
#![allow(missing_docs)]

use std::fmt;

use api_errors::ApiError;
use serde::Serialize;

/// A serde `detail`/`verbose` value.
#[derive(Debug, Serialize)]
pub struct Context {
    /// A line number.
    pub line: u32,
}

/// A borrowed `Display` value.
#[derive(Debug)]
pub struct Name<'a>(&'a str);

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Oz variants of every kind.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
pub enum Linted<T: Serialize + fmt::Display> {
    #[api(code = 3, title = "Missing {0}", detail = 1)]
    Tuple(String, Context),
    #[api(code = 4, title = "Bad {value}", detail = "value {value} rejected")]
    Named { value: T },
    #[api(code = 10)]
    Unit,
    #[api(transparent)]
    Inner(Inner),
}

/// A struct with both kinds of keys.
#[derive(Debug, ApiError)]
#[api(format = "oz", code = 14, title = "Invalid signature")]
pub struct Inner;

/// An entrecode type with every optional member.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/{code}",
    up(title = "Home", href = "https://example.com")
)]
pub enum LintedEntrecode<'a> {
    #[api(code = 202, detail = name, verbose = context, embed = causes)]
    Missing {
        name: Option<String>,
        context: Option<Context>,
        causes: Vec<LintedEntrecode<'a>>,
    },
    #[api(code = 201, title = "Missing {0}", detail = 0, embed = 1)]
    Property(Name<'a>, Box<[LintedEntrecode<'a>]>),
    #[api(code = 2000)]
    Internal,
}

/// The framework's errors, every case to the format's defaults.
#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors)]
pub enum LintedFramework {
    #[api(code = 3)]
    Unreadable,
    #[api(code = 3, detail = 0)]
    Missing(String),
    #[api(code = 4, detail = property)]
    Invalid { property: String },
    #[api(code = 5, detail = 0)]
    BadParameter(Box<str>),
    #[api(code = 10)]
    NotFound,
    #[api(code = 1)]
    Method,
    #[api(code = 0)]
    Unknown,
}

/// The framework's answers as one variant's rows, in each format.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
pub enum LintedRows<'a> {
    #[api(code = 100, detail = 0)]
    NotFound(Name<'a>),
    #[api(framework)]
    Framework(api_errors::framework::Answer),
}

/// The rows of RFC 9457, with a text detail.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
pub enum LintedProblemRows {
    #[api(framework)]
    Framework {
        answer: api_errors::framework::Answer,
    },
}

#[test]
fn test_linted_types_serialise() {
    let oz: Linted<u32> = Linted::Named { value: 7 };
    assert_eq!(
        oz.to_json(),
        r#"{"error_code":4,"error_message":"Bad 7","details":"value 7 rejected"}"#
    );
    let framework =
        <LintedFramework as api_errors::framework::FromFrameworkError>::from_framework_error(
            api_errors::framework::FrameworkError::Status(404),
        );
    assert_eq!(
        framework.to_json(),
        r#"{"error_code":10,"error_message":"Resource not found","details":null}"#
    );
    let rows = <LintedRows<'_> as api_errors::framework::FromFrameworkError>::from_framework_error(
        api_errors::framework::FrameworkError::MethodNotAllowed,
    );
    assert_eq!(rows.code(), 2110);
    let problem =
        <LintedProblemRows as api_errors::framework::FromFrameworkError>::from_framework_error(
            api_errors::framework::FrameworkError::MissingQueryParameter { parameter: "q" },
        );
    assert_eq!(
        problem.to_json(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The query parameter q is missing."}"#
    );
    let entrecode = LintedEntrecode::Property(Name("p"), Box::new([LintedEntrecode::Internal]));
    assert_eq!(
        entrecode.to_json(),
        serde_json::to_string(&entrecode.body()).unwrap()
    );
}
