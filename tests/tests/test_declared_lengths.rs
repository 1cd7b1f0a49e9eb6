//! `body()` through a serializer that trusts the lengths it is told.
//!
//! The serde path declares each object's length to `serialize_struct` or
//! `serialize_map` before it writes the members. `serde_json` ignores that
//! number, so the body tests cannot see a wrong one; `MessagePack` writes it as
//! the map's length, so a wrong one corrupts the body: a map declared too
//! long swallows what follows it (or runs out of input), one declared too
//! short ends early and leaves members behind it. Each body here is written
//! with `rmp_serde` (keys included), read back as a JSON value, and compared
//! with the body written out by hand; every byte must be read.
//!
//! The cases cover every shape the serde path writes (the Oz body, the
//! entrecode problem with its `_links`, `_embedded` and sub-errors, the
//! rfc9457 problem with its extensions) and every member that may be left
//! out, alone and together; and no silent limits: an rfc9457 problem of 24
//! extension members, its title and detail of 12 placeholders each, writes
//! every value where it belongs.

use api_errors_tests::support;

use api_errors::ApiError;
use api_errors::rfc9457::ProblemDetails;
use serde::Serialize;
use support::Refuses;

/// `error.body()` survives a `MessagePack` round trip as `expected` (the body
/// as JSON, written by hand), with nothing left over.
#[track_caller]
fn assert_msgpack_body<E: ApiError>(error: &E, expected: &str) {
    assert_eq!(error.to_json(), expected, "the expectation is the body");
    support::assert_msgpack(&error.body(), expected);
}

/// A serde value with members of its own.
#[derive(Debug, Serialize)]
struct Position {
    line: u32,
    column: u32,
}

const POSITION_JSON: &str = r#"{"line":3,"column":14}"#;

fn position() -> Position {
    Position {
        line: 3,
        column: 14,
    }
}

// Oz: `{"error_code", "error_message", "details"}`, always three members.

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzShapes {
    #[api(code = 10)]
    NoDetails,
    #[api(code = 4, detail = position)]
    Value { position: Position },
    #[api(code = 3, detail = 0)]
    Optional(Option<Position>),
    #[api(code = 4, detail = 0)]
    Failing(Refuses),
    #[api(
        code = 5,
        title = "Missing {name} at {line}",
        detail = "field {name} is required"
    )]
    Interpolated { name: String, line: u32 },
    #[api(code = 12, detail = "try again later")]
    ConstantDetails,
    #[api(transparent)]
    Inner(OzInner),
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzInner {
    #[api(code = 9, detail = 0)]
    Denied(&'static str),
}

/// A struct, not an enum.
#[derive(Debug, ApiError)]
#[api(format = "oz", code = 11, detail = upstream)]
struct OzStruct {
    upstream: &'static str,
}

#[test]
fn test_oz_bodies_declare_their_three_members() {
    let cases: [(OzShapes, String); 9] = [
        (
            OzShapes::NoDetails,
            r#"{"error_code":10,"error_message":"Resource not found","details":null}"#.into(),
        ),
        (
            OzShapes::Value {
                position: position(),
            },
            format!(
                r#"{{"error_code":4,"error_message":"Invalid value","details":{POSITION_JSON}}}"#
            ),
        ),
        (
            OzShapes::Optional(Some(position())),
            format!(
                r#"{{"error_code":3,"error_message":"Invalid structure","details":{POSITION_JSON}}}"#
            ),
        ),
        (
            OzShapes::Optional(None),
            r#"{"error_code":3,"error_message":"Invalid structure","details":null}"#.into(),
        ),
        (
            OzShapes::Failing(Refuses),
            r#"{"error_code":4,"error_message":"Invalid value","details":null}"#.into(),
        ),
        (
            OzShapes::Interpolated {
                name: "id".into(),
                line: 7,
            },
            r#"{"error_code":5,"error_message":"Missing id at 7","details":"field id is required"}"#
                .into(),
        ),
        (
            OzShapes::ConstantDetails,
            r#"{"error_code":12,"error_message":"Database error","details":"try again later"}"#
                .into(),
        ),
        (
            OzShapes::Inner(OzInner::Denied("admin only")),
            r#"{"error_code":9,"error_message":"Access denied","details":"admin only"}"#.into(),
        ),
        (
            OzShapes::Inner(OzInner::Denied("")),
            r#"{"error_code":9,"error_message":"Access denied","details":""}"#.into(),
        ),
    ];
    for (error, expected) in &cases {
        assert_msgpack_body(error, expected);
    }
    assert_msgpack_body(
        &OzStruct {
            upstream: "billing",
        },
        r#"{"error_code":11,"error_message":"External service error","details":"billing"}"#,
    );
}

// entrecode: `status`, `code`, `title`, `type`, `detail`?, `verbose`?,
// `_links`, `_embedded`?; a sub-error: `code`, `title`, `type`, `detail`?.

/// `_links` of a body of `code` (its two links, each of two members).
fn links(code: u16) -> String {
    format!(
        r#""_links":{{"up":{{"title":"Home","href":"https://example.com"}},"describedby":{{"title":"Error Description","href":"https://example.com/errors/{code}"}}}}"#
    )
}

/// A problem of `code` with `title` and `status`; `middle` holds the
/// members between `type` and `_links` (with their leading commas), `tail`
/// those after `_links`.
fn problem(status: u16, code: u16, title: &str, middle: &str, tail: &str) -> String {
    format!(
        r#"{{"status":{status},"code":{code},"title":"{title}","type":"https://example.com/errors/{code}"{middle},{}{tail}}}"#,
        links(code)
    )
}

/// A sub-error of `code` with `title`; `detail` with its leading comma.
fn sub(code: u16, title: &str, detail: &str) -> String {
    format!(
        r#"{{"code":{code},"title":"{title}","type":"https://example.com/errors/{code}"{detail}}}"#
    )
}

/// The errors embedded as sub-errors, one of every kind of member.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Sub {
    #[api(code = 200)]
    NoDetail,
    #[api(code = 201, detail = 0)]
    Field(String),
    #[api(code = 311, detail = "{0} is out of range")]
    Template(String),
    #[api(code = 202, detail = 0)]
    Optional(Option<String>),
    #[api(
        code = 998,
        status = 502,
        title = "Upstream {0} failed",
        detail = "after {1} s"
    )]
    Interpolated(String, u32),
    /// A sub-error carries no `verbose`, its body does.
    #[api(code = 150, verbose = 0)]
    Verbose(Position),
    /// A sub-error carries no `_embedded`, its body does.
    #[api(code = 252, embed = 0)]
    Nested(Vec<Sub>),
}

/// Each kind of sub-error with its sub-error object, written by hand.
fn subs() -> Vec<(Sub, String)> {
    vec![
        (Sub::NoDetail, sub(2200, "Missing body", "")),
        (
            Sub::Field("name".into()),
            sub(2201, "Missing property in JSON body", r#","detail":"name""#),
        ),
        (
            Sub::Template("count".into()),
            sub(
                2311,
                "Invalid value for property in JSON body",
                r#","detail":"count is out of range""#,
            ),
        ),
        (
            Sub::Optional(Some("limit".into())),
            sub(
                2202,
                "Missing property in query string",
                r#","detail":"limit""#,
            ),
        ),
        (
            Sub::Optional(None),
            sub(2202, "Missing property in query string", ""),
        ),
        (
            Sub::Interpolated("search".into(), 30),
            sub(2998, "Upstream search failed", r#","detail":"after 30 s""#),
        ),
        (
            Sub::Verbose(position()),
            sub(2150, "Error in remote API", ""),
        ),
        (
            Sub::Nested(vec![Sub::NoDetail]),
            sub(2252, "Unmatched validation error", ""),
        ),
        (
            Sub::Nested(Vec::new()),
            sub(2252, "Unmatched validation error", ""),
        ),
    ]
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Problems {
    #[api(code = 100)]
    Bare,
    #[api(code = 211, detail = detail, verbose = verbose, embed = cause)]
    Optional {
        detail: Option<String>,
        verbose: Option<Position>,
        cause: Option<Sub>,
    },
    #[api(code = 202, detail = name)]
    DetailField { name: String },
    #[api(code = 311, detail = "{0} is out of range")]
    DetailTemplate(String),
    #[api(code = 200, detail = "the body is empty")]
    DetailConstant,
    #[api(code = 999, status = 503, title = "Maintenance until {until}")]
    InterpolatedTitle { until: String },
    #[api(code = 150, verbose = 0)]
    Verbose(Position),
    #[api(code = 252, verbose = 0)]
    FailingVerbose(Refuses),
    #[api(code = 201, embed = 0)]
    One(Sub),
    #[api(code = 214, detail = 0, verbose = 1, embed = 2)]
    Many(String, Position, Vec<Sub>),
    #[api(transparent)]
    Transparent(Sub),
}

#[test]
fn test_problems_without_optional_members_declare_five() {
    assert_msgpack_body(
        &Problems::Bare,
        &problem(404, 2100, "Resource not found", "", ""),
    );
    assert_msgpack_body(
        &Problems::InterpolatedTitle {
            until: "12:00".into(),
        },
        &problem(503, 2999, "Maintenance until 12:00", "", ""),
    );
}

#[test]
fn test_every_combination_of_detail_verbose_and_embedded_is_counted() {
    for mask in 0..8_u8 {
        let (has_detail, has_verbose, has_embedded) = (mask & 1 != 0, mask & 2 != 0, mask & 4 != 0);
        let error = Problems::Optional {
            detail: has_detail.then(|| "age".to_owned()),
            verbose: has_verbose.then(position),
            cause: has_embedded.then(|| Sub::Field("name".into())),
        };
        let detail = if has_detail { r#","detail":"age""# } else { "" };
        let verbose = if has_verbose {
            format!(r#","verbose":{POSITION_JSON}"#)
        } else {
            String::new()
        };
        let tail = if has_embedded {
            format!(
                r#","_embedded":{{"error":{}}}"#,
                sub(2201, "Missing property in JSON body", r#","detail":"name""#)
            )
        } else {
            String::new()
        };
        let expected = problem(
            400,
            2211,
            "Invalid format for property in JSON body",
            &format!("{detail}{verbose}"),
            &tail,
        );
        assert_msgpack_body(&error, &expected);
    }
}

#[test]
fn test_every_kind_of_detail_is_counted() {
    assert_msgpack_body(
        &Problems::DetailField {
            name: "limit".into(),
        },
        &problem(
            400,
            2202,
            "Missing property in query string",
            r#","detail":"limit""#,
            "",
        ),
    );
    assert_msgpack_body(
        &Problems::DetailTemplate("size".into()),
        &problem(
            400,
            2311,
            "Invalid value for property in JSON body",
            r#","detail":"size is out of range""#,
            "",
        ),
    );
    assert_msgpack_body(
        &Problems::DetailConstant,
        &problem(
            400,
            2200,
            "Missing body",
            r#","detail":"the body is empty""#,
            "",
        ),
    );
}

#[test]
fn test_verbose_is_counted_when_written_and_not_when_it_fails() {
    assert_msgpack_body(
        &Problems::Verbose(position()),
        &problem(
            400,
            2150,
            "Error in remote API",
            &format!(r#","verbose":{POSITION_JSON}"#),
            "",
        ),
    );
    assert_msgpack_body(
        &Problems::FailingVerbose(Refuses),
        &problem(400, 2252, "Unmatched validation error", "", ""),
    );
}

#[test]
fn test_every_kind_of_sub_error_is_counted_alone_and_in_a_list() {
    for (error, object) in subs() {
        assert_msgpack_body(
            &Problems::One(error),
            &problem(
                400,
                2201,
                "Missing property in JSON body",
                "",
                &format!(r#","_embedded":{{"error":{object}}}"#),
            ),
        );
    }
    let (errors, objects): (Vec<Sub>, Vec<String>) = subs().into_iter().unzip();
    assert_msgpack_body(
        &Problems::Many("links".into(), position(), errors),
        &problem(
            400,
            2214,
            "Invalid linked or embedded HAL resource in JSON body, or link not found",
            &format!(r#","detail":"links","verbose":{POSITION_JSON}"#),
            &format!(r#","_embedded":{{"error":[{}]}}"#, objects.join(",")),
        ),
    );
}

#[test]
fn test_a_list_of_one_stays_a_list_and_an_empty_list_is_omitted() {
    assert_msgpack_body(
        &Problems::Many("links".into(), position(), vec![Sub::NoDetail]),
        &problem(
            400,
            2214,
            "Invalid linked or embedded HAL resource in JSON body, or link not found",
            &format!(r#","detail":"links","verbose":{POSITION_JSON}"#),
            &format!(
                r#","_embedded":{{"error":[{}]}}"#,
                sub(2200, "Missing body", "")
            ),
        ),
    );
    assert_msgpack_body(
        &Problems::Many("links".into(), position(), Vec::new()),
        &problem(
            400,
            2214,
            "Invalid linked or embedded HAL resource in JSON body, or link not found",
            &format!(r#","detail":"links","verbose":{POSITION_JSON}"#),
            "",
        ),
    );
}

#[test]
fn test_a_sub_error_as_a_body_declares_the_body_shape() {
    assert_msgpack_body(
        &Problems::Transparent(Sub::Verbose(position())),
        &problem(
            400,
            2150,
            "Error in remote API",
            &format!(r#","verbose":{POSITION_JSON}"#),
            "",
        ),
    );
    assert_msgpack_body(
        &Sub::Nested(vec![Sub::Optional(None), Sub::Template("x".into())]),
        &problem(
            400,
            2252,
            "Unmatched validation error",
            "",
            &format!(
                r#","_embedded":{{"error":[{},{}]}}"#,
                sub(2202, "Missing property in query string", ""),
                sub(
                    2311,
                    "Invalid value for property in JSON body",
                    r#","detail":"x is out of range""#
                )
            ),
        ),
    );
    assert_msgpack_body(
        &Sub::Optional(None),
        &problem(400, 2202, "Missing property in query string", "", ""),
    );
}

// rfc9457: `type`, `title`, `status`, `detail`?, `instance`?, `code`?, then
// the extensions in the order written, each left out when `None`.

#[derive(Debug, Serialize)]
struct Pair(u8, &'static str);

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Extreme {
    /// Every member the format has, many times over.
    #[api(
        code = 7001,
        status = 422,
        type = "everything",
        title = "{a01}{a02} {a03}-{a04}-{a05}-{a06}-{a07}-{a08}-{a09}-{a10}-{a11}-{a12}",
        detail = "{a12}|{a11}|{a10}|{a09}|{a08}|{a07}|{a06}|{a05}|{a04}|{a03}|{a02}|{a01}",
        instance = instance,
        extensions(
            a01, a02, a03, a04, a05, a06, a07, a08, a09, a10, a11, a12,
            e13, e14, e15, e16, e17, e18, e19, e20,
            renamed_21 = e21, renamed_22 = e22, e23, e24
        )
    )]
    Everything {
        a01: u8,
        a02: i16,
        a03: u32,
        a04: i64,
        a05: u64,
        a06: char,
        a07: bool,
        a08: &'static str,
        a09: String,
        a10: f64,
        a11: u32,
        a12: i8,
        e13: Option<u8>,
        e14: Vec<u8>,
        e15: Option<&'static str>,
        e16: (),
        e17: Pair,
        e18: Option<Pair>,
        e19: [u16; 3],
        e20: std::collections::BTreeMap<&'static str, u8>,
        e21: &'static str,
        e22: Option<u8>,
        e23: String,
        e24: u16,
        instance: String,
    },
}

fn everything(e13: Option<u8>, e22: Option<u8>) -> Extreme {
    Extreme::Everything {
        a01: 1,
        a02: -2,
        a03: 3,
        a04: -4,
        a05: 5,
        a06: 'ß',
        a07: true,
        a08: "eight",
        a09: "nine \"9\"".into(),
        a10: 10.5,
        a11: 11,
        a12: -12,
        e13,
        e14: vec![14, 14],
        e15: None,
        e16: (),
        e17: Pair(17, "seventeen"),
        e18: Some(Pair(18, "eighteen")),
        e19: [19, 190, 1900],
        e20: [("twenty", 20)].into(),
        e21: "twenty-one",
        e22,
        e23: "twenty\nthree".into(),
        e24: 24,
        instance: "/extreme/1".into(),
    }
}

const TITLE: &str = r#"1-2 3--4-5-ß-true-eight-nine \"9\"-10.5-11--12"#;
const DETAIL: &str = r#"-12|11|10.5|nine \"9\"|eight|true|ß|5|-4|3|-2|1"#;

fn expected(e13: &str, e22: &str) -> String {
    format!(
        concat!(
            r#"{{"type":"https://example.com/probs/everything","title":"{title}","status":422,"#,
            r#""detail":"{detail}","instance":"/extreme/1","code":7001,"#,
            r#""a01":1,"a02":-2,"a03":3,"a04":-4,"a05":5,"a06":"ß","a07":true,"a08":"eight","#,
            r#""a09":"nine \"9\"","a10":10.5,"a11":11,"a12":-12,{e13}"e14":[14,14],"e16":null,"#,
            r#""e17":[17,"seventeen"],"e18":[18,"eighteen"],"e19":[19,190,1900],"#,
            r#""e20":{{"twenty":20}},"renamed_21":"twenty-one",{e22}"e23":"twenty\nthree","e24":24}}"#
        ),
        title = TITLE,
        detail = DETAIL,
        e13 = e13,
        e22 = e22,
    )
}

#[test]
fn test_the_title_has_twelve_placeholders() {
    assert_eq!(
        everything(None, None).title(),
        r#"1-2 3--4-5-ß-true-eight-nine "9"-10.5-11--12"#
    );
}

#[test]
fn test_every_extension_in_its_place_on_every_path() {
    for (e13, e22, written_13, written_22) in [
        (Some(13), Some(22), r#""e13":13,"#, r#""renamed_22":22,"#),
        (None, Some(22), "", r#""renamed_22":22,"#),
        (Some(13), None, r#""e13":13,"#, ""),
        (None, None, "", ""),
    ] {
        let error = everything(e13, e22);
        let expected = expected(written_13, written_22);
        support::assert_json(&error, &expected);
        assert_msgpack_body(&error, &expected);
        let parsed: ProblemDetails = serde_json::from_str(&expected).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), expected);
        assert_eq!(
            parsed.extensions.len(),
            // code, 24 written extensions minus e15 (None) and the Nones here
            1 + 23 - usize::from(e13.is_none()) - usize::from(e22.is_none())
        );
    }
}
