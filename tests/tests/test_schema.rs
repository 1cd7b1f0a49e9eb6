//! Every body is what its format promises: the JSON Schemas shipped as
//! `api_errors::oz::SCHEMA`, `api_errors::entrecode::SCHEMA` and
//! `api_errors::rfc9457::SCHEMA` accept the seeds' and RFC 9457's examples
//! and every body the derive writes (every documented code, every shape of
//! body), and refuse bodies that break each rule they state. Validated with
//! boon, format assertions (`uri`, `uri-reference`) on. Random field values
//! are in `test_properties.rs`.

use api_errors_tests::schema;

use api_errors::ApiError;
use serde::Serialize;
use serde_json::{Value, json};

use schema::{assert_entrecode, assert_oz, assert_rfc9457, validator};

/// The Oz page's sample error response.
const OZ_SAMPLE: &str = r#"{
    "error_code": 0,
    "error_message": "Unknown server side error occurred",
    "details": null
}"#;

/// The entrecode page's example, with the comma it lacks after `_links`.
const ENTRECODE_EXAMPLE: &str = r#"{
    "status": 400,
    "code": 2202,
    "title": "Missing property in query string",
    "type": "https://entrecode.de/doc/errors/2202",
    "detail": "count",
    "_links": {
        "up": {
            "title": "Data Manager Home Page",
            "href": "https://datamanager.entrecode.de"
        },
        "describedby": {
            "title": "Error Description",
            "href": "https://entrecode.de/doc/errors/2202"
        }
    },
    "_embedded": {
        "error": {
            "code": 2201,
            "title": "Missing property in JSON Body",
            "type": "https://entrecode.de/doc/errors/2201",
            "detail": "property"
        }
    }
}"#;

#[test]
fn test_the_schemas_are_valid_draft_2020_12_documents() {
    // Compiling checks each against the draft 2020-12 meta-schema.
    let _ = validator();
    for schema in [
        api_errors::oz::SCHEMA,
        api_errors::entrecode::SCHEMA,
        api_errors::rfc9457::SCHEMA,
    ] {
        let schema: Value = serde_json::from_str(schema).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
    }
}

/// RFC 9457 §3's first example, as the RFC writes it (no `status`).
const OUT_OF_CREDIT: &str = r#"{
    "type": "https://example.com/probs/out-of-credit",
    "title": "You do not have enough credit.",
    "detail": "Your current balance is 30, but that costs 50.",
    "instance": "/account/12345/msgs/abc",
    "balance": 30,
    "accounts": ["/account/12345", "/account/67890"]
}"#;

/// RFC 9457 §3's validation example, with its `errors` extension.
const VALIDATION: &str = r##"{
    "type": "https://example.net/validation-error",
    "title": "Your request is not valid.",
    "errors": [
        {"detail": "must be a positive integer", "pointer": "#/age"},
        {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}
    ]
}"##;

#[test]
fn test_the_seed_examples_are_valid() {
    assert_oz(OZ_SAMPLE);
    assert_entrecode(ENTRECODE_EXAMPLE);
    assert_rfc9457(OUT_OF_CREDIT);
    assert_rfc9457(VALIDATION);
}

/// A serde `details`/`verbose` value of every JSON kind.
#[derive(Debug, Serialize)]
struct Context {
    line: u32,
    ratio: f64,
    names: Vec<&'static str>,
    nested: Option<Box<Context>>,
    flag: bool,
}

fn context() -> Context {
    Context {
        line: 7,
        ratio: -0.5,
        names: vec!["a", "\"quoted\"", ""],
        nested: Some(Box::new(Context {
            line: 0,
            ratio: 1e300,
            names: Vec::new(),
            nested: None,
            flag: false,
        })),
        flag: true,
    }
}

/// Every Oz code, and every kind of `details`.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzEvery {
    #[api(code = 0)]
    C0,
    #[api(code = 1)]
    C1,
    #[api(code = 2)]
    C2,
    #[api(code = 3)]
    C3,
    #[api(code = 4)]
    C4,
    #[api(code = 5)]
    C5,
    #[api(code = 6)]
    C6,
    #[api(code = 7)]
    C7,
    #[api(code = 8)]
    C8,
    #[api(code = 9)]
    C9,
    #[api(code = 10)]
    C10,
    #[api(code = 11)]
    C11,
    #[api(code = 12)]
    C12,
    #[api(code = 13)]
    C13,
    #[api(code = 14, title = "Invalid signature")]
    C14,
    #[api(code = 3, title = "Missing {0}", detail = 0)]
    Text(String),
    #[api(code = 4, detail = "value {0} refused")]
    Template(i64),
    #[api(code = 5, detail = 0)]
    Serde(Context),
    #[api(code = 11, status = 503, detail = 0)]
    List(Vec<Option<u8>>),
    #[api(code = 12, detail = 0)]
    Optional(Option<String>),
}

#[test]
fn test_every_oz_body_is_valid() {
    let bodies = [
        OzEvery::C0,
        OzEvery::C1,
        OzEvery::C2,
        OzEvery::C3,
        OzEvery::C4,
        OzEvery::C5,
        OzEvery::C6,
        OzEvery::C7,
        OzEvery::C8,
        OzEvery::C9,
        OzEvery::C10,
        OzEvery::C11,
        OzEvery::C12,
        OzEvery::C13,
        OzEvery::C14,
        OzEvery::Text("payload.json".into()),
        OzEvery::Template(-3),
        OzEvery::Serde(context()),
        OzEvery::List(vec![Some(1), None]),
        OzEvery::Optional(None),
        OzEvery::Optional(Some(String::new())),
    ];
    for error in &bodies {
        assert_oz(&error.to_json());
        assert_oz(&serde_json::to_string(&error.body()).unwrap());
    }
    let codes: Vec<u16> = bodies.iter().map(ApiError::code).collect();
    assert!((0..=14).all(|code| codes.contains(&code)), "{codes:?}");
}

/// The documented rows of the entrecode table, each in one system where it
/// is defined.
macro_rules! documented {
    ($name:ident, $system:tt, $($variant:ident = $code:tt),* $(,)?) => {
        #[derive(Debug, ApiError)]
        #[api(
            format = "entrecode",
            system = $system,
            type_url = "https://entrecode.de/doc/errors/{code}",
            up(title = "Home", href = "https://entrecode.de")
        )]
        enum $name {
            $(
                #[api(code = $code)]
                $variant,
            )*
        }

        impl $name {
            const ALL: &[$name] = &[$($name::$variant),*];
        }
    };
}

// Every row defined in system 2.
documented!(
    DataManager,
    2,
    C000 = 0,
    C100 = 100,
    C101 = 101,
    C102 = 102,
    C110 = 110,
    C150 = 150,
    C200 = 200,
    C201 = 201,
    C202 = 202,
    C203 = 203,
    C204 = 204,
    C211 = 211,
    C212 = 212,
    C213 = 213,
    C214 = 214,
    C215 = 215,
    C216 = 216,
    C217 = 217,
    C252 = 252,
    C253 = 253,
    C254 = 254,
    C255 = 255,
    C256 = 256,
    C311 = 311,
    C353 = 353,
    C354 = 354,
    C355 = 355,
    C356 = 356,
    C357 = 357,
    C358 = 358,
    C359 = 359,
    C360 = 360,
    C361 = 361,
    C362 = 362,
    C363 = 363,
    C364 = 364,
    C365 = 365,
    C366 = 366,
    C367 = 367,
    C368 = 368,
    C369 = 369,
    C370 = 370,
    C371 = 371,
    C372 = 372,
    C373 = 373,
    C374 = 374,
    C375 = 375,
    C376 = 376,
    C400 = 400,
    C401 = 401,
    C402 = 402,
    C403 = 403,
    C404 = 404,
    C410 = 410,
    C411 = 411,
    C444 = 444,
    C460 = 460,
    C461 = 461,
    C462 = 462,
    C470 = 470,
    C471 = 471,
    C472 = 472,
    C500 = 500,
    C510 = 510,
    C511 = 511,
);

// The rows defined only in system 1.
documented!(
    AccountServer,
    1,
    C251 = 251,
    C351 = 351,
    C352 = 352,
    C451 = 451,
    C452 = 452,
    C453 = 453,
);

#[test]
fn test_every_documented_code_gives_a_valid_body() {
    let bodies = DataManager::ALL
        .iter()
        .map(ApiError::to_json)
        .chain(AccountServer::ALL.iter().map(ApiError::to_json));
    let mut rows = Vec::new();
    for json in bodies {
        assert_entrecode(&json);
        let body: Value = serde_json::from_str(&json).unwrap();
        rows.push(body["code"].as_u64().unwrap() % 1000);
    }
    rows.sort_unstable();
    let mut table: Vec<u64> = std::iter::once(0)
        .chain(
            api_errors::entrecode::CODES
                .iter()
                .map(|row| u64::from(row.code)),
        )
        .collect();
    table.sort_unstable();
    assert_eq!(rows, table, "every row of the table, once");
}

/// Every shape of entrecode body.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 3,
    type_url = "https://example.com/errors/{code}?lang=en",
    up(title = "App Manager", href = "/")
)]
enum Shapes {
    #[api(code = 202, detail = name, verbose = context, embed = causes)]
    Full {
        name: String,
        context: Option<Context>,
        causes: Vec<Sub>,
    },
    #[api(code = 150, detail = 0, verbose = 1, embed = 2)]
    One(&'static str, Value, Option<Sub>),
    #[api(code = 3950, title = "Teapot {0}", status = 418, detail = "text {0}")]
    Undocumented(u8),
    #[api(code = 3000)]
    Internal,
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://entrecode.de")
)]
enum Sub {
    #[api(code = 201, detail = 0, verbose = 1)]
    Property(String, u32),
    #[api(code = 2000)]
    Internal,
}

#[test]
fn test_every_shape_of_entrecode_body_is_valid() {
    let bodies = [
        Shapes::Full {
            name: "count".into(),
            context: Some(context()),
            causes: vec![Sub::Property("p".into(), 1), Sub::Internal],
        },
        Shapes::Full {
            name: String::new(),
            context: None,
            causes: Vec::new(),
        },
        Shapes::Full {
            name: "one".into(),
            context: None,
            causes: vec![Sub::Internal],
        },
        Shapes::One("remote", json!(null), Some(Sub::Property("q".into(), 2))),
        Shapes::One("remote", json!([1, "two", {"three": 3}]), None),
        Shapes::Undocumented(7),
        Shapes::Internal,
    ];
    for error in &bodies {
        let json = error.to_json();
        assert_entrecode(&json);
        assert_entrecode(&serde_json::to_string(&error.body()).unwrap());
        // The page's rules a schema cannot state.
        let body: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(body["status"], error.status());
        assert_eq!(body["_links"]["describedby"]["href"], body["type"]);
    }
}

/// A change that breaks one rule: a member removed or set, at a JSON pointer.
enum Edit {
    Remove(&'static str),
    Set(&'static str, Value),
}

use Edit::{Remove, Set};

impl Edit {
    fn apply(&self, body: &mut Value) {
        let (pointer, value) = match self {
            Set("", value) => {
                *body = value.clone();
                return;
            }
            Remove(pointer) => (*pointer, None),
            Set(pointer, value) => (*pointer, Some(value)),
        };
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = body
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("no object at {parent}"));
        match value {
            Some(value) => {
                parent.insert(key.to_owned(), value.clone());
            }
            None => {
                parent
                    .remove(key)
                    .unwrap_or_else(|| panic!("no member at {pointer}"));
            }
        }
    }
}

/// `valid` passes `check`, and fails it after each edit.
fn assert_refused(
    valid: &str,
    edits: &[(&str, Edit)],
    check: impl Fn(&Value) -> Result<(), String>,
) {
    let valid: Value = serde_json::from_str(valid).unwrap();
    assert_eq!(check(&valid), Ok(()));
    for (rule, edit) in edits {
        let mut body = valid.clone();
        edit.apply(&mut body);
        assert!(
            check(&body).is_err(),
            "the schema accepts a body that breaks `{rule}`: {body}"
        );
    }
}

#[test]
fn test_the_oz_schema_refuses_each_broken_rule() {
    assert_refused(
        OZ_SAMPLE,
        &[
            ("an object", Set("", json!([]))),
            ("error_code is required", Remove("/error_code")),
            ("error_message is required", Remove("/error_message")),
            ("details is required", Remove("/details")),
            ("error_code is an integer", Set("/error_code", json!("0"))),
            ("error_code is an integer", Set("/error_code", json!(0.5))),
            ("error_code is at least 0", Set("/error_code", json!(-1))),
            ("error_code is at most 14", Set("/error_code", json!(15))),
            (
                "error_message is a string",
                Set("/error_message", json!(null)),
            ),
            ("three members only", Set("/status", json!(500))),
        ],
        |body| validator().oz(body),
    );
}

#[test]
fn test_the_entrecode_schema_refuses_each_broken_rule() {
    assert_refused(
        ENTRECODE_EXAMPLE,
        &[
            ("an object", Set("", json!("error"))),
            ("status is required", Remove("/status")),
            ("code is required", Remove("/code")),
            ("title is required", Remove("/title")),
            ("type is required", Remove("/type")),
            ("_links is required", Remove("/_links")),
            ("status is at least 400", Set("/status", json!(399))),
            ("status is an HTTP status", Set("/status", json!(600))),
            ("status is an integer", Set("/status", json!("400"))),
            ("code has four digits", Set("/code", json!(202))),
            ("code has four digits", Set("/code", json!(10_000))),
            ("code is an integer", Set("/code", json!("2202"))),
            ("title is a string", Set("/title", json!(1))),
            ("type is a URI", Set("/type", json!("not a uri"))),
            ("detail is a string", Set("/detail", json!(["count"]))),
            ("_links has up", Remove("/_links/up")),
            ("_links has describedby", Remove("/_links/describedby")),
            ("a link has an href", Remove("/_links/up/href")),
            ("a link has a title", Remove("/_links/describedby/title")),
            ("no other member", Set("/instance", json!("/x"))),
            (
                "a sub-error is the subset",
                Set("/_embedded/error/status", json!(400)),
            ),
            (
                "a sub-error has no verbose",
                Set("/_embedded/error/verbose", json!(1)),
            ),
            ("a sub-error has a code", Remove("/_embedded/error/code")),
            ("a sub-error has a title", Remove("/_embedded/error/title")),
            ("a sub-error has a type", Remove("/_embedded/error/type")),
            (
                "a sub-error's code has four digits",
                Set("/_embedded/error/code", json!(201)),
            ),
            (
                "sub-errors are objects",
                Set("/_embedded/error", json!([1])),
            ),
            (
                "sub-errors are objects",
                Set("/_embedded/error", json!("e")),
            ),
        ],
        |body| validator().entrecode(body),
    );
}

/// Every example value of `E`'s OpenAPI responses (utoipa).
fn openapi_examples<E: utoipa::IntoResponses>() -> Vec<Value> {
    let responses = serde_json::to_value(E::responses()).unwrap();
    let mut examples = Vec::new();
    for response in responses.as_object().unwrap().values() {
        for content in response["content"].as_object().unwrap().values() {
            for example in content["examples"].as_object().unwrap().values() {
                examples.push(example["value"].clone());
            }
        }
    }
    examples
}

#[test]
fn test_every_openapi_example_is_valid() {
    let oz = openapi_examples::<OzEvery>();
    assert_eq!(
        oz.len(),
        OzEvery::catalog().len(),
        "one example per variant"
    );
    for example in &oz {
        if let Err(error) = validator().oz(example) {
            panic!("the OpenAPI example {example}\nis not a valid Oz body:\n{error}");
        }
    }
    let entrecode: Vec<Value> = openapi_examples::<Shapes>()
        .into_iter()
        .chain(openapi_examples::<DataManager>())
        .chain(openapi_examples::<AccountServer>())
        .collect();
    assert_eq!(
        entrecode.len(),
        Shapes::catalog().len() + DataManager::catalog().len() + AccountServer::catalog().len()
    );
    for example in &entrecode {
        if let Err(error) = validator().entrecode(example) {
            panic!("the OpenAPI example {example}\nis not a valid entrecode body:\n{error}");
        }
    }
}

/// RFC 9457's rules (its Appendix A) and this crate's (`type` present,
/// extension names of RFC 9457 §4's form), each body written out.
mod rfc9457 {
    use api_errors::rfc9457::ProblemDetails;
    use serde_json::Value;

    use super::assert_rfc9457 as assert_valid;
    use super::validator;

    /// `Ok` when `json` is valid against the schema, else what is wrong.
    fn validate(json: &str) -> Result<(), String> {
        let body: Value = serde_json::from_str(json).expect("the body is JSON");
        validator().rfc9457(&body)
    }

    #[track_caller]
    fn assert_invalid(json: &str, why: &str) {
        assert!(validate(json).is_err(), "{json}\nis accepted, but {why}");
    }

    #[test]
    fn test_the_bodies_the_format_writes_are_valid() {
        // RFC 9457's out-of-credit problem with its status, `NotFound` and a
        // variant with a `code`.
        assert_valid(
            r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
        );
        assert_valid(r#"{"type":"about:blank","title":"Not Found","status":404}"#);
        assert_valid(
            r#"{"type":"https://example.com/probs/missing","title":"Missing property","status":400,"code":2202,"property_path":"profile.color"}"#,
        );
        assert_valid(
            r#"{"type":"about:blank","title":"Internal Server Error","status":500,"instance":"urn:uuid:3e0c9e0a-6f55-4b8c-8e0f-1b9b6c0e2a10"}"#,
        );
    }

    #[test]
    fn test_what_appendix_a_allows_beyond_what_the_format_writes_is_valid() {
        // Informational statuses and relative type references are the RFC's,
        // though the format writes neither.
        assert_valid(r#"{"type":"/probs/early","status":103}"#);
        assert_valid(r#"{"type":"about:blank","status":599}"#);
        assert_valid(r#"{"type":"about:blank"}"#);
    }

    #[test]
    fn test_bodies_without_type_are_refused_but_still_read() {
        let body = r#"{"title":"Not Found","status":404}"#;
        assert_invalid(body, "this crate always writes type");
        // A consumer must still accept it (RFC 9457 §3.1.1).
        let problem: ProblemDetails = serde_json::from_str(body).unwrap();
        assert_eq!(problem.type_uri, "about:blank");
    }

    #[test]
    fn test_standard_members_of_the_wrong_type_are_refused() {
        for (body, why) in [
            (r#"{"type":42}"#, "type is a string"),
            (r#"{"type":null}"#, "type is a string"),
            (r#"{"type":"about:blank","title":5}"#, "title is a string"),
            (
                r#"{"type":"about:blank","status":"403"}"#,
                "status is an integer",
            ),
            (
                r#"{"type":"about:blank","status":403.5}"#,
                "status is an integer",
            ),
            (
                r#"{"type":"about:blank","detail":null}"#,
                "detail is a string (omitted when absent)",
            ),
            (
                r#"{"type":"about:blank","instance":{}}"#,
                "instance is a string",
            ),
        ] {
            assert_invalid(body, why);
        }
    }

    #[test]
    fn test_statuses_outside_100_to_599_are_refused() {
        for status in [0, 99, 600, 65535, -404] {
            assert_invalid(
                &format!(r#"{{"type":"about:blank","status":{status}}}"#),
                "status is 100..=599",
            );
        }
    }

    #[test]
    fn test_type_and_instance_that_are_not_uri_references_are_refused() {
        for reference in [
            "has space",
            "https://example.com/a b",
            "/probs/%zz",
            "\\\\probs",
        ] {
            assert_invalid(
                &format!(r#"{{"type":"{reference}"}}"#),
                "type is a URI reference",
            );
            assert_invalid(
                &format!(r#"{{"type":"about:blank","instance":"{reference}"}}"#),
                "instance is a URI reference",
            );
        }
    }

    #[test]
    fn test_extension_names_outside_rfc9457_section_4_are_refused() {
        for name in ["ab", "1abc", "_abc", "a-b-c", "has space", "caf\u{e9}s", ""] {
            assert_invalid(
                &format!(r#"{{"type":"about:blank","{name}":1}}"#),
                "an extension's name is a letter, then letters, digits or _, three or more",
            );
        }
        for name in ["abc", "code", "retry_after", "Errors2"] {
            assert_valid(&format!(r#"{{"type":"about:blank","{name}":1}}"#));
        }
    }

    #[test]
    fn test_bodies_that_are_not_objects_are_refused() {
        for body in ["[]", "null", r#""about:blank""#, "404"] {
            assert_invalid(body, "a body is an object");
        }
    }
}
