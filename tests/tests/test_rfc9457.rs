//! The rfc9457 format end to end: its bodies, compared with bodies written
//! out by hand: RFC 9457's two examples, about:blank problems and their
//! reason phrases, members left out (`None`, a failing `Serialize`), the
//! `code` extension, transparent variants and structs, on every path
//! (`to_json`, `write_json`, `serde_json` of `body()`), through
//! `MessagePack` (which trusts the lengths the serde path declares), and
//! read back with `ProblemDetails` (also through `from_response`) to the
//! same bytes; and the table of reason phrases that about:blank titles come
//! from, against the IANA HTTP Status Code Registry.

use api_errors_tests::support;

use api_errors::rfc9457::ProblemDetails;
use api_errors::{ApiError, Format, Rfc9457};
use serde::Serialize;
use serde_json::Value;
use support::Refuses;

// The table lives in the proc-macro crate, whose non-macro items no other
// crate can name (a proc-macro crate exports only its macros), so this test
// compiles the same source file into itself: what it checks is the text the
// derive compiles, not a copy of it.
#[path = "../../error-derive/src/format/rfc9457/reasons.rs"]
mod reasons;

use reasons::{REASONS, reason_phrase};

/// An rfc9457 body: `expected` on every path, with the format's media type,
/// and it reads back through `ProblemDetails` (as a client does, with the
/// response's status and `Content-Type`) and re-serialises to the same
/// bytes.
#[track_caller]
fn assert_rfc9457<E: ApiError<Format = Rfc9457>>(error: &E, expected: &str) {
    support::assert_json(error, expected);
    assert_eq!(error.content_type(), "application/problem+json");
    let parsed = ProblemDetails::from_response(
        error.status(),
        Some(error.content_type()),
        expected.as_bytes(),
    )
    .expect("a derived body reads back as ProblemDetails");
    assert_eq!(parsed.status, Some(error.status()));
    assert_eq!(parsed.title.as_deref(), Some(&*error.title()));
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        expected,
        "ProblemDetails round trip"
    );
    support::assert_msgpack(&error.body(), expected);
}

// ---------------------------------------------------------------------------
// RFC 9457's examples, as derived types write them.

/// One problem of RFC 9457's validation example.
#[derive(Debug, Serialize)]
struct FieldProblem {
    detail: &'static str,
    pointer: &'static str,
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum PurchaseError {
    /// The account cannot pay for the purchase.
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
    #[api(status = 404)] // type "about:blank", title "Not Found"
    NotFound,
    #[api(
        status = 422,
        type = "https://example.net/validation-error",
        title = "Your request is not valid.",
        extensions(errors = problems)
    )]
    Invalid { problems: Vec<FieldProblem> },
}

fn out_of_credit() -> PurchaseError {
    PurchaseError::OutOfCredit {
        balance: 30,
        cost: 50,
        message: "/account/12345/msgs/abc".into(),
        accounts: vec!["/account/12345".into(), "/account/67890".into()],
    }
}

#[test]
fn test_the_out_of_credit_body_byte_for_byte() {
    let error = out_of_credit();
    assert_rfc9457(
        &error,
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
    );
    assert_eq!(error.status(), 403);
    // No `code`: the code is the status.
    assert_eq!(error.code(), 403);
    assert_eq!(error.title(), "You do not have enough credit.");
}

#[test]
fn test_rfc9457_section_3_out_of_credit_example() {
    // RFC 9457 §3's first example, its members in this crate's order
    // (`status` after `title`; the RFC's example has none). Every member
    // the RFC shows is there with the RFC's value.
    let body = out_of_credit().to_json();
    let rfc: Value = serde_json::from_str(
        r#"{
            "type": "https://example.com/probs/out-of-credit",
            "title": "You do not have enough credit.",
            "detail": "Your current balance is 30, but that costs 50.",
            "instance": "/account/12345/msgs/abc",
            "balance": 30,
            "accounts": ["/account/12345", "/account/67890"]
        }"#,
    )
    .unwrap();
    let mut written: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(written["status"], 403);
    written.as_object_mut().unwrap().remove("status");
    assert_eq!(written, rfc);
}

#[test]
fn test_rfc9457_section_3_validation_example_with_its_errors_extension() {
    let error = PurchaseError::Invalid {
        problems: vec![
            FieldProblem {
                detail: "must be a positive integer",
                pointer: "#/age",
            },
            FieldProblem {
                detail: "must be 'green', 'red' or 'blue'",
                pointer: "#/profile/color",
            },
        ],
    };
    assert_rfc9457(
        &error,
        r##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","status":422,"errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##,
    );
    assert_eq!(error.code(), 422);
}

// ---------------------------------------------------------------------------
// about:blank.

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Blank {
    #[api(status = 404)]
    NotFound,
    #[api(status = 422)]
    Unprocessable,
    #[api(status = 429, detail = "retry in {0} seconds")]
    TooMany(u32),
    #[api(status = 503, type = "about:blank", title = "Service Unavailable")]
    Unavailable,
    #[api(status = 500, instance = 0)]
    Internal(String),
}

#[test]
fn test_about_blank_has_the_statuss_reason_phrase() {
    for (error, status, title) in [
        (Blank::NotFound, 404, "Not Found"),
        (Blank::Unprocessable, 422, "Unprocessable Content"),
        (Blank::TooMany(30), 429, "Too Many Requests"),
        (Blank::Unavailable, 503, "Service Unavailable"),
    ] {
        assert_eq!(error.status(), status);
        assert_eq!(error.code(), status, "no code: the code is the status");
        assert_eq!(error.title(), title);
    }
    assert_rfc9457(
        &Blank::NotFound,
        r#"{"type":"about:blank","title":"Not Found","status":404}"#,
    );
    assert_rfc9457(
        &Blank::Unprocessable,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422}"#,
    );
    assert_rfc9457(
        &Blank::TooMany(30),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"retry in 30 seconds"}"#,
    );
    assert_rfc9457(
        &Blank::Unavailable,
        r#"{"type":"about:blank","title":"Service Unavailable","status":503}"#,
    );
    assert_rfc9457(
        &Blank::Internal("urn:uuid:3e0c9e0a-6f55-4b8c-8e0f-1b9b6c0e2a10".into()),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"instance":"urn:uuid:3e0c9e0a-6f55-4b8c-8e0f-1b9b6c0e2a10"}"#,
    );
}

#[test]
fn test_the_format_marker() {
    assert_eq!(Rfc9457::NAME, "rfc9457");
    assert_eq!(Rfc9457::MEDIA_TYPE, "application/problem+json");
    assert_eq!(<Blank as ApiError>::Format::NAME, "rfc9457");
}

// ---------------------------------------------------------------------------
// Members left out.

#[derive(Debug, Serialize)]
struct Position {
    line: u32,
    column: u32,
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Optional {
    #[api(
        status = 400,
        type = "bad-input",
        title = "Bad input",
        detail = detail,
        instance = instance,
        extensions(position, hint)
    )]
    BadInput {
        detail: Option<String>,
        instance: Option<String>,
        position: Option<Position>,
        hint: Option<&'static str>,
    },
    #[api(
        status = 400,
        type = "unreadable",
        title = "Unreadable",
        extensions(before, failing, after)
    )]
    Unreadable {
        before: u8,
        failing: Refuses,
        after: u8,
    },
    #[api(
        status = 500,
        type = "all-fail",
        title = "All fail",
        extensions(one, two)
    )]
    AllFail { one: Refuses, two: Option<Refuses> },
}

#[test]
fn test_option_fields_that_are_none_are_omitted() {
    assert_rfc9457(
        &Optional::BadInput {
            detail: None,
            instance: None,
            position: None,
            hint: None,
        },
        r#"{"type":"https://example.com/probs/bad-input","title":"Bad input","status":400}"#,
    );
    assert_rfc9457(
        &Optional::BadInput {
            detail: Some("line 3".into()),
            instance: None,
            position: Some(Position {
                line: 3,
                column: 14,
            }),
            hint: None,
        },
        r#"{"type":"https://example.com/probs/bad-input","title":"Bad input","status":400,"detail":"line 3","position":{"line":3,"column":14}}"#,
    );
    assert_rfc9457(
        &Optional::BadInput {
            detail: None,
            instance: Some("/requests/7".into()),
            position: None,
            hint: Some("quote the \"name\""),
        },
        r#"{"type":"https://example.com/probs/bad-input","title":"Bad input","status":400,"instance":"/requests/7","hint":"quote the \"name\""}"#,
    );
    assert_rfc9457(
        &Optional::BadInput {
            detail: Some(String::new()),
            instance: Some(String::new()),
            position: Some(Position { line: 0, column: 0 }),
            hint: Some(""),
        },
        r#"{"type":"https://example.com/probs/bad-input","title":"Bad input","status":400,"detail":"","instance":"","position":{"line":0,"column":0},"hint":""}"#,
    );
}

#[test]
fn test_an_extension_whose_serialize_fails_is_omitted() {
    assert_rfc9457(
        &Optional::Unreadable {
            before: 1,
            failing: Refuses,
            after: 2,
        },
        r#"{"type":"https://example.com/probs/unreadable","title":"Unreadable","status":400,"before":1,"after":2}"#,
    );
    assert_rfc9457(
        &Optional::AllFail {
            one: Refuses,
            two: Some(Refuses),
        },
        r#"{"type":"https://example.com/probs/all-fail","title":"All fail","status":500}"#,
    );
    assert_rfc9457(
        &Optional::AllFail {
            one: Refuses,
            two: None,
        },
        r#"{"type":"https://example.com/probs/all-fail","title":"All fail","status":500}"#,
    );
}

// ---------------------------------------------------------------------------
// `code`, wire names, texts, tuples, transparent variants, structs.

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://api.example.com/errors/")]
enum Coded {
    /// A property of the query string is missing.
    #[api(
        code = 2202,
        status = 400,
        type = "missing-query-property",
        title = "Missing property in query string",
        detail = 0,
        extensions(property_path = 0, expected = 1)
    )]
    MissingQuery(String, &'static str),
    #[api(
        code = 2100,
        status = 404,
        type = "not-found",
        title = "Resource {kind} not found",
        instance = "/{kind}/{id}"
    )]
    NotFound { kind: &'static str, id: u64 },
    #[api(transparent)]
    Purchase(PurchaseError),
}

#[test]
fn test_code_is_the_first_extension_member() {
    let error = Coded::MissingQuery("count".into(), "integer");
    assert_eq!(error.code(), 2202);
    assert_rfc9457(
        &error,
        r#"{"type":"https://api.example.com/errors/missing-query-property","title":"Missing property in query string","status":400,"detail":"count","code":2202,"property_path":"count","expected":"integer"}"#,
    );
    let parsed: ProblemDetails = serde_json::from_str(&error.to_json()).unwrap();
    assert_eq!(parsed.extensions["code"], 2202);
}

#[test]
fn test_instance_as_a_text_and_titles_with_placeholders() {
    let error = Coded::NotFound {
        kind: "capsule",
        id: 17,
    };
    assert_eq!(error.title(), "Resource capsule not found");
    assert_rfc9457(
        &error,
        r#"{"type":"https://api.example.com/errors/not-found","title":"Resource capsule not found","status":404,"instance":"/capsule/17","code":2100}"#,
    );
}

#[test]
fn test_a_transparent_variant_is_the_inner_error() {
    let error = Coded::Purchase(PurchaseError::NotFound);
    assert_eq!((error.code(), error.status()), (404, 404));
    assert_rfc9457(
        &error,
        r#"{"type":"about:blank","title":"Not Found","status":404}"#,
    );
    let error = Coded::Purchase(out_of_credit());
    assert_eq!(error.to_json(), out_of_credit().to_json());
    assert_rfc9457(&error, &out_of_credit().to_json());
}

/// A problem as a struct: the type's keys and the variant's in one
/// attribute.
#[derive(Debug, ApiError)]
#[api(
    format = "rfc9457",
    status = 409,
    type = "urn:example:conflict",
    title = "Conflict with {resource}",
    extensions(resource, version)
)]
struct Conflict {
    resource: String,
    version: u32,
}

#[test]
fn test_a_struct_is_one_problem() {
    assert_rfc9457(
        &Conflict {
            resource: "order/7".into(),
            version: 3,
        },
        r#"{"type":"urn:example:conflict","title":"Conflict with order/7","status":409,"resource":"order/7","version":3}"#,
    );
}

#[test]
fn test_escaping_in_every_member() {
    let error = Coded::MissingQuery("a\"b\\c\n\u{1}\u{2028}😀".into(), "</script>");
    assert_rfc9457(
        &error,
        // serde_json's escapes: the control characters, not U+2028.
        concat!(
            r#"{"type":"https://api.example.com/errors/missing-query-property","title":"Missing property in query string","status":400,"#,
            r#""detail":"a\"b\\c\n\u0001"#,
            "\u{2028}",
            r#"😀","code":2202,"property_path":"a\"b\\c\n\u0001"#,
            "\u{2028}",
            r#"😀","expected":"</script>"}"#
        ),
    );
}

// ---------------------------------------------------------------------------
// What the client reads.

#[test]
fn test_from_response_reads_every_derived_body() {
    let body = out_of_credit().to_json();
    let problem =
        ProblemDetails::from_response(403, Some("application/problem+json"), body.as_bytes())
            .expect("the body reads back");
    assert_eq!(problem.type_uri, "https://example.com/probs/out-of-credit");
    assert_eq!(
        problem.title.as_deref(),
        Some("You do not have enough credit.")
    );
    assert_eq!(problem.status, Some(403));
    assert_eq!(
        problem.detail.as_deref(),
        Some("Your current balance is 30, but that costs 50.")
    );
    assert_eq!(problem.instance.as_deref(), Some("/account/12345/msgs/abc"));
    // In the body's order.
    assert_eq!(
        serde_json::to_string(&problem.extensions).unwrap(),
        r#"{"balance":30,"accounts":["/account/12345","/account/67890"]}"#
    );
    // The body states its status: another HTTP status is a disagreement.
    assert!(
        ProblemDetails::from_response(400, Some("application/problem+json"), body.as_bytes())
            .is_err()
    );
    // The media type is the format's.
    assert!(ProblemDetails::from_response(403, Some("application/json"), body.as_bytes()).is_err());
}

// ---------------------------------------------------------------------------
// The reason phrases of about:blank titles
// (`error-derive/src/format/rfc9457/reasons.rs`), against the IANA HTTP
// Status Code Registry, checked by hand here.

/// Phrases written out by hand from the registry (RFC 9110 §15, RFC 6585,
/// RFC 4918, RFC 8470, RFC 7725, RFC 2295, RFC 5842).
const WELL_KNOWN: &[(u16, &str)] = &[
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (425, "Too Early"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (511, "Network Authentication Required"),
];

#[test]
fn test_well_known_statuses_have_the_registry_phrase() {
    for &(status, phrase) in WELL_KNOWN {
        assert_eq!(reason_phrase(status), Some(phrase), "status {status}");
    }
}

#[test]
fn test_the_phrases_rfc9110_renamed_are_the_new_ones() {
    // RFC 9110 renamed 413 ("Payload Too Large"), 416 ("Requested Range Not
    // Satisfiable") and 422 ("Unprocessable Entity"); an about:blank title
    // must be the registry's current phrase.
    for old in [
        "Payload Too Large",
        "Request Entity Too Large",
        "Requested Range Not Satisfiable",
        "Unprocessable Entity",
        "I'm a teapot",
    ] {
        assert!(
            REASONS.iter().all(|&(_, phrase)| phrase != old),
            "{old:?} is not a registered phrase"
        );
    }
}

#[test]
fn test_statuses_without_a_registered_phrase_are_absent() {
    // 418 is registered as "(Unused)" and 510 as obsoleted; the others are
    // unassigned (499 is nginx's, not the registry's), or not errors.
    for status in [
        0,
        100,
        200,
        399,
        418,
        419,
        420,
        427,
        430,
        432,
        450,
        452,
        499,
        509,
        510,
        512,
        599,
        600,
        u16::MAX,
    ] {
        assert_eq!(reason_phrase(status), None, "status {status}");
    }
}

#[test]
fn test_the_table_is_sorted_unique_and_only_error_statuses() {
    assert!(
        REASONS.windows(2).all(|pair| pair[0].0 < pair[1].0),
        "sorted by status, each status once (reason_phrase searches it by halves)"
    );
    for &(status, phrase) in REASONS {
        assert!((400..=599).contains(&status), "status {status}");
        assert_eq!(reason_phrase(status), Some(phrase), "status {status}");
        assert!(
            !phrase.is_empty() && phrase.trim() == phrase && !phrase.contains("  "),
            "status {status}: {phrase:?}"
        );
    }
}

#[test]
fn test_the_registry_has_28_client_and_10_server_error_phrases() {
    // Counted by hand in the registry: 400–417, 421–426, 428, 429, 431, 451;
    // 500–508, 511.
    let client = REASONS.iter().filter(|(status, _)| *status < 500).count();
    let server = REASONS.iter().filter(|(status, _)| *status >= 500).count();
    assert_eq!((client, server), (28, 10));
}

/// Extension members whose value is a text: a constant (a string code, the
/// `{"error": "…"}` a client already reads) or a text showing fields.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Texts {
    #[api(
        status = 401,
        type = "wrong-password",
        title = "Wrong password",
        extensions(error = "Wrong password", code = "wrong_password")
    )]
    WrongPassword,
    #[api(
        status = 404,
        type = "no-note",
        title = "No such note",
        extensions(error = "no note {id} in {board}", note = id)
    )]
    NoNote { id: u64, board: &'static str },
}

#[test]
fn test_an_extension_may_be_a_constant_or_a_text_of_fields() {
    let body = Texts::WrongPassword.to_json();
    assert_eq!(
        body,
        r#"{"type":"https://example.com/probs/wrong-password","title":"Wrong password","status":401,"error":"Wrong password","code":"wrong_password"}"#
    );
    let hostile = Texts::NoNote {
        id: 7,
        board: "a \"quoted\"\nboard",
    };
    let body = hostile.to_json();
    assert_eq!(
        body,
        r#"{"type":"https://example.com/probs/no-note","title":"No such note","status":404,"error":"no note 7 in a \"quoted\"\nboard","note":7}"#
    );
    // The serde path writes the same bytes, and the client reads them back.
    assert_eq!(serde_json::to_string(&hostile.body()).unwrap(), body);
    let problem =
        ProblemDetails::from_response(404, Some("application/problem+json"), body.as_bytes())
            .unwrap();
    assert_eq!(
        problem.extensions["error"],
        "no note 7 in a \"quoted\"\nboard"
    );
    assert_eq!(problem.extensions["note"], 7);
}
