//! Each wire format's body is described six times: the bytes the fast path
//! writes (`to_json`), the serde path (`body()`), the client type (`OzBody`,
//! `Problem`, …), the OpenAPI schema (`utoipa::PartialSchema`), the JSON
//! Schema (`oz::SCHEMA`, …) and the OpenAPI examples (`IntoResponses`).
//! These tests tie the six together per format: each object of a body (the
//! body itself, and the objects inside it) has, in every source, exactly
//! the members of a hand-written list taken from the formats' pages (the
//! Oz and entrecode pages, RFC 9457), in its order, and the members every
//! body has are the ones the schemas require.
//!
//! A new format adds one test: a derived type whose variants use every
//! member, the lists of its objects, and one [`Sources::of`] call.
//!
//! What each source can tell: a body keeps its members' order (read as an
//! `api_errors::json::Value`, which keeps it), as do the JSON Schema's
//! `properties` and both schemas' `required`; utoipa keeps an OpenAPI
//! schema's `properties` in a `BTreeMap`, sorted by name, and an example as
//! a `serde_json::Value`, sorted too, so there only the names are compared,
//! and the order of the schema's required members.

use api_errors::client::ParseError;
use api_errors::entrecode::Problem;
use api_errors::json::Value;
use api_errors::oz::OzBody;
use api_errors::rfc9457::ProblemDetails;
use api_errors::{ApiError, Format};
use api_errors_tests::support::ordered;
use serde::Serialize;
use utoipa::{IntoResponses, PartialSchema};

/// A member of an object on the wire, and whether every such object has it.
#[derive(Clone, Copy, Debug)]
struct Member {
    name: &'static str,
    always: bool,
}

/// A member every object has.
const fn always(name: &'static str) -> Member {
    Member { name, always: true }
}

/// A member an object may lack (left out, never `null`).
const fn optional(name: &'static str) -> Member {
    Member {
        name,
        always: false,
    }
}

// The independent expectations, from the formats' pages.

/// Oz: always three members, in this order (`details` `null` when none).
const OZ_BODY: &[Member] = &[
    always("error_code"),
    always("error_message"),
    always("details"),
];

/// entrecode: the optional members left out when absent.
const ENTRECODE_BODY: &[Member] = &[
    always("status"),
    always("code"),
    always("title"),
    always("type"),
    optional("detail"),
    optional("verbose"),
    always("_links"),
    optional("_embedded"),
];

/// entrecode `_links`.
const ENTRECODE_LINKS: &[Member] = &[always("up"), always("describedby")];

/// entrecode `_links.up` and `_links.describedby`.
const ENTRECODE_LINK: &[Member] = &[always("title"), always("href")];

/// entrecode `_embedded.error`, each sub-error: only this subset.
const ENTRECODE_SUB_ERROR: &[Member] = &[
    always("code"),
    always("title"),
    always("type"),
    optional("detail"),
];

/// A client type's `from_response`.
type FromResponse<C> = fn(u16, Option<&str>, &[u8]) -> Result<C, ParseError>;

/// The six descriptions of one object of a format's bodies.
struct Sources {
    /// (1) The object in each body `to_json` writes.
    fast: Vec<Value>,
    /// (2) The object in each `serde_json::to_value(&error.body())`.
    serde: Vec<Value>,
    /// (3) The object in each body read by the client type's
    /// `from_response` and serialised again.
    client: Vec<Value>,
    /// (4) The object's schemas in the OpenAPI body schema.
    openapi: Vec<Value>,
    /// (5) The object's schemas in the JSON Schema, `$ref`s resolved.
    json_schema: Vec<Value>,
    /// (6) The object in each OpenAPI example of the derived type.
    examples: Vec<Value>,
}

impl Sources {
    /// The sources of the bodies of `errors`: `parse` is the client type's
    /// `from_response`, `openapi` the client type's `PartialSchema::schema`,
    /// `json_schema` the format's `SCHEMA`.
    fn of<E, C>(
        errors: &[E],
        parse: FromResponse<C>,
        openapi: &utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        json_schema: &str,
    ) -> Sources
    where
        E: ApiError + IntoResponses,
        C: Serialize,
    {
        let fast = errors
            .iter()
            .map(|error| serde_json::from_str(&error.to_json()).expect("to_json is JSON"))
            .collect();
        let serde = errors.iter().map(|error| ordered(&error.body())).collect();
        let client = errors
            .iter()
            .map(|error| {
                let body = error.to_json();
                let parsed = parse(error.status(), Some(error.content_type()), body.as_bytes())
                    .unwrap_or_else(|failure| panic!("the client reads {body}: {failure}"));
                ordered(&parsed)
            })
            .collect();
        let json_schema: Value = serde_json::from_str(json_schema).expect("SCHEMA is JSON");
        Sources {
            fast,
            serde,
            client,
            openapi: vec![ordered(openapi)],
            json_schema: vec![resolve_refs(&json_schema, &json_schema)],
            examples: examples::<E>(),
        }
    }

    /// The same sources one object down: `pick` takes it out of a body (an
    /// object, each item of an array, or nothing when the member is
    /// absent), `schemas` the JSON pointers of its schemas in a body's
    /// schema (the same pointers in the OpenAPI schema and in the JSON
    /// Schema, whose `$ref`s are resolved).
    fn nested(&self, pick: &str, schemas: &[&str]) -> Sources {
        let bodies = |bodies: &[Value]| {
            bodies
                .iter()
                .flat_map(|body| objects_at(body, pick))
                .collect()
        };
        let schemas = |roots: &[Value]| {
            roots
                .iter()
                .flat_map(|root| {
                    schemas.iter().map(move |pointer| {
                        root.pointer(pointer)
                            .unwrap_or_else(|| panic!("the schema has {pointer}: {root:#}"))
                            .clone()
                    })
                })
                .collect()
        };
        Sources {
            fast: bodies(&self.fast),
            serde: bodies(&self.serde),
            client: bodies(&self.client),
            openapi: schemas(&self.openapi),
            json_schema: schemas(&self.json_schema),
            examples: bodies(&self.examples),
        }
    }

    /// Every source agrees with `expected` on the members of `object`, and
    /// the schemas require the members every body has.
    fn assert_members(&self, object: &str, expected: &[Member]) {
        let always: Vec<&str> = expected
            .iter()
            .filter(|member| member.always)
            .map(|member| member.name)
            .collect();
        self.assert_members_requiring(object, expected, &always);
    }

    /// [`assert_members`](Self::assert_members) for a format whose schemas
    /// require fewer members than its bodies always have (RFC 9457: a
    /// consumer must accept a problem without `title` or `status`).
    fn assert_members_requiring(&self, object: &str, expected: &[Member], required: &[&str]) {
        for (source, bodies) in [
            ("(1) to_json", &self.fast),
            ("(2) serde_json::to_value(body())", &self.serde),
            ("(3) the client type", &self.client),
        ] {
            assert_bodies(&format!("{object}, {source}"), expected, bodies);
        }
        // utoipa holds an example as a `serde_json::Value`, whose members
        // are in serde_json's order (sorted, as nothing in this build turns
        // its `preserve_order` on): its members are the wire's, in any
        // order.
        let label = format!("{object}, (6) the OpenAPI examples");
        let sorted = |mut names: Vec<String>| {
            names.sort_unstable();
            names
        };
        for example in &self.examples {
            let found = keys(example);
            let in_order = names_of(
                expected
                    .iter()
                    .filter(|member| member.always || found.contains(&member.name.to_owned())),
            );
            assert_eq!(
                sorted(found),
                sorted(in_order),
                "{label}: the members of {example}"
            );
        }
        // What the wire shows of presence: an optional member is absent
        // from some body, so that no schema may require it.
        for member in expected.iter().filter(|member| !member.always) {
            assert!(
                self.fast.iter().any(|body| body.get(member.name).is_none()),
                "{object}: the bodies lack no `{}`; a variant without it must be among them",
                member.name
            );
        }
        for schema in &self.openapi {
            let mut names = keys(&schema["properties"]);
            names.sort_unstable();
            let mut expected_names = names_of(expected.iter());
            expected_names.sort_unstable();
            assert_eq!(
                names, expected_names,
                "{object}, (4) the OpenAPI schema's properties (sorted: utoipa sorts them)"
            );
            assert_required(
                &format!("{object}, (4) the OpenAPI schema"),
                required,
                schema,
            );
        }
        for schema in &self.json_schema {
            assert_eq!(
                keys(&schema["properties"]),
                names_of(expected.iter()),
                "{object}, (5) the JSON Schema's properties"
            );
            assert_required(&format!("{object}, (5) the JSON Schema"), required, schema);
        }
    }
}

/// Each body's members are the expected ones it has, in the expected
/// order, and include every member that is always there; together the
/// bodies have every member, so that each is checked.
fn assert_bodies(label: &str, expected: &[Member], bodies: &[Value]) {
    assert!(!bodies.is_empty(), "{label}: no body has the object");
    for body in bodies {
        let found = keys(body);
        let in_order = names_of(
            expected
                .iter()
                .filter(|member| member.always || found.contains(&member.name.to_owned())),
        );
        assert_eq!(found, in_order, "{label}: the members of {body}");
    }
    for member in expected {
        assert!(
            bodies.iter().any(|body| body.get(member.name).is_some()),
            "{label}: no body has `{}`; a variant with it must be among them",
            member.name
        );
    }
}

/// A schema's `required` is, in order, `expected`.
fn assert_required(label: &str, expected: &[&str], schema: &Value) {
    let required: Vec<String> = match &schema["required"] {
        Value::Null => Vec::new(),
        required => required
            .as_array()
            .expect("`required` lists names")
            .iter()
            .map(|name| name.as_str().expect("a name").to_owned())
            .collect(),
    };
    assert_eq!(required, expected, "{label}'s required members");
}

fn names_of<'a>(members: impl Iterator<Item = &'a Member>) -> Vec<String> {
    members.map(|member| member.name.to_owned()).collect()
}

/// An object's member names, in its order.
fn keys(object: &Value) -> Vec<String> {
    object
        .as_object()
        .unwrap_or_else(|| panic!("an object: {object}"))
        .keys()
        .cloned()
        .collect()
}

/// The objects at `pointer` in `body`: the object, each item of an array,
/// or none when the body lacks it.
fn objects_at(body: &Value, pointer: &str) -> Vec<Value> {
    match body.pointer(pointer) {
        None => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(object) => vec![object.clone()],
    }
}

/// `value` with every local `$ref` of `root` replaced by what it points at.
fn resolve_refs(root: &Value, value: &Value) -> Value {
    match value {
        Value::Object(members) => match members.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let pointer = reference
                    .strip_prefix('#')
                    .unwrap_or_else(|| panic!("a local $ref: {reference}"));
                let target = root
                    .pointer(pointer)
                    .unwrap_or_else(|| panic!("{reference} points at nothing"));
                resolve_refs(root, target)
            }
            None => Value::Object(
                members
                    .iter()
                    .map(|(name, member)| (name.clone(), resolve_refs(root, member)))
                    .collect(),
            ),
        },
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| resolve_refs(root, item)).collect())
        }
        other => other.clone(),
    }
}

/// Every example body of `E`'s OpenAPI responses, one per variant.
fn examples<E: ApiError + IntoResponses>() -> Vec<Value> {
    let media_type = <E::Format as Format>::MEDIA_TYPE;
    let examples: Vec<Value> = E::responses()
        .values()
        .flat_map(|response| {
            let response = ordered(response);
            let examples = response["content"][media_type]["examples"]
                .as_object()
                .unwrap_or_else(|| panic!("examples under {media_type}: {response:#}"))
                .clone();
            examples.into_iter().map(|(name, example)| {
                example
                    .get("value")
                    .unwrap_or_else(|| panic!("example {name} has a value"))
                    .clone()
            })
        })
        .collect();
    assert_eq!(
        examples.len(),
        E::catalog().len(),
        "one example per variant"
    );
    examples
}

/// A value for a serde field: an object, so that a body's member holds
/// more than a string.
#[derive(Debug, Serialize)]
struct Limits {
    limit: u32,
    unit: &'static str,
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzShapes {
    // `details` is `null`.
    #[api(code = 10)]
    Absent,
    // `details` is a field serialised with serde: an object.
    #[api(code = 4, title = "Over the limit", detail = limits)]
    SerdeValue { limits: Limits },
    // `details` is a string.
    #[api(code = 3, detail = 0)]
    Text(String),
}

#[test]
fn test_oz_bodies_agree_in_all_six_descriptions() {
    let errors = [
        OzShapes::Absent,
        OzShapes::SerdeValue {
            limits: Limits {
                limit: 10,
                unit: "MiB",
            },
        },
        OzShapes::Text("payload.json".into()),
    ];
    let sources = Sources::of(
        &errors,
        OzBody::from_response,
        &OzBody::schema(),
        api_errors::oz::SCHEMA,
    );
    sources.assert_members("the Oz body", OZ_BODY);
    assert_eq!(
        sources.fast[0]["details"],
        Value::Null,
        "no details is null"
    );
    assert_eq!(sources.fast[1]["details"]["unit"], "MiB", "a serde value");
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum EntrecodeSubShapes {
    #[api(code = 201, detail = 0)]
    WithDetail(String),
    #[api(code = 311)]
    Bare,
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum EntrecodeShapes {
    // Only the members every body has.
    #[api(code = 2000)]
    Bare,
    #[api(code = 202, detail = name)]
    Detail { name: String },
    #[api(code = 211, verbose = limits)]
    Verbose { limits: Limits },
    // `_embedded.error` an array.
    #[api(code = 214, embed = causes)]
    Many { causes: Vec<EntrecodeSubShapes> },
    // Every member; `_embedded.error` one object.
    #[api(code = 212, detail = name, verbose = limits, embed = cause)]
    Everything {
        name: String,
        limits: Limits,
        cause: EntrecodeSubShapes,
    },
}

#[test]
fn test_entrecode_bodies_agree_in_all_six_descriptions() {
    let limits = || Limits {
        limit: 3,
        unit: "items",
    };
    let errors = [
        EntrecodeShapes::Bare,
        EntrecodeShapes::Detail {
            name: "count".into(),
        },
        EntrecodeShapes::Verbose { limits: limits() },
        EntrecodeShapes::Many {
            causes: vec![
                EntrecodeSubShapes::WithDetail("title".into()),
                EntrecodeSubShapes::Bare,
            ],
        },
        EntrecodeShapes::Everything {
            name: "tags".into(),
            limits: limits(),
            cause: EntrecodeSubShapes::WithDetail("tag".into()),
        },
    ];
    let sources = Sources::of(
        &errors,
        Problem::from_response,
        &Problem::schema(),
        api_errors::entrecode::SCHEMA,
    );
    sources.assert_members("the entrecode body", ENTRECODE_BODY);
    sources
        .nested("/_links", &["/properties/_links"])
        .assert_members("entrecode `_links`", ENTRECODE_LINKS);
    for link in ["up", "describedby"] {
        sources
            .nested(
                &format!("/_links/{link}"),
                &[&format!("/properties/_links/properties/{link}")],
            )
            .assert_members(&format!("entrecode `_links.{link}`"), ENTRECODE_LINK);
    }
    let sub_errors = sources.nested(
        "/_embedded/error",
        &[
            "/properties/_embedded/properties/error/oneOf/0",
            "/properties/_embedded/properties/error/oneOf/1/items",
        ],
    );
    sub_errors.assert_members("an entrecode sub-error", ENTRECODE_SUB_ERROR);
    // Both forms of `_embedded.error` were among the bodies.
    assert!(sources.fast[3]["_embedded"]["error"].is_array());
    assert!(sources.fast[4]["_embedded"]["error"].is_object());
}

/// RFC 9457: the standard members, in this crate's order, the optional
/// ones left out when their field is `None` (extension members follow
/// them: see the test below).
const RFC9457_BODY: &[Member] = &[
    always("type"),
    always("title"),
    always("status"),
    optional("detail"),
    optional("instance"),
];

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Rfc9457Shapes {
    // Only the members every body has (about:blank, its reason phrase).
    #[api(status = 404)]
    Bare,
    #[api(status = 400, type = "bad", title = "Bad input", detail = reason)]
    Detail { reason: String },
    #[api(status = 409, type = "conflict", title = "Conflict", instance = at)]
    Instance { at: String },
    #[api(status = 422, type = "invalid", title = "Invalid", detail = reason, instance = at)]
    Everything { reason: Option<String>, at: String },
}

#[test]
fn test_rfc9457_bodies_agree_in_all_six_descriptions() {
    let errors = [
        Rfc9457Shapes::Bare,
        Rfc9457Shapes::Detail {
            reason: "count is not a number".into(),
        },
        Rfc9457Shapes::Instance {
            at: "/orders/7".into(),
        },
        Rfc9457Shapes::Everything {
            reason: Some("too long".into()),
            at: "/orders/8".into(),
        },
        Rfc9457Shapes::Everything {
            reason: None,
            at: "/orders/9".into(),
        },
    ];
    let sources = Sources::of(
        &errors,
        ProblemDetails::from_response,
        &ProblemDetails::schema(),
        api_errors::rfc9457::SCHEMA,
    );
    // The schemas require `type` only: a consumer reads a problem without
    // a title or a status (RFC 9457 §3.1), though this crate always writes
    // them.
    sources.assert_members_requiring("the rfc9457 body", RFC9457_BODY, &["type"]);
    assert_eq!(sources.fast[0]["type"], "about:blank");
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Rfc9457Extended {
    #[api(status = 403, code = 2202, type = "credit", title = "No credit", detail = note,
          extensions(balance, limits, wire_name = accounts))]
    OutOfCredit {
        note: String,
        balance: u64,
        limits: Limits,
        accounts: Vec<String>,
    },
}

/// Extension members come after the standard ones on both paths and in
/// the client type, `code` first, then in the order written, under the
/// names written; the schemas leave them open (additional properties).
#[test]
fn test_rfc9457_extensions_follow_the_standard_members() {
    let error = Rfc9457Extended::OutOfCredit {
        note: "costs 50".into(),
        balance: 30,
        limits: Limits {
            limit: 10,
            unit: "EUR",
        },
        accounts: vec!["/account/1".into()],
    };
    let expected = [
        "type",
        "title",
        "status",
        "detail",
        "code",
        "balance",
        "limits",
        "wire_name",
    ];
    let sources = Sources::of(
        &[error],
        ProblemDetails::from_response,
        &ProblemDetails::schema(),
        api_errors::rfc9457::SCHEMA,
    );
    for (source, bodies) in [
        ("to_json", &sources.fast),
        ("body()", &sources.serde),
        ("ProblemDetails", &sources.client),
    ] {
        assert_eq!(keys(&bodies[0]), expected, "{source}");
    }
    let schema: Value = serde_json::from_str(api_errors::rfc9457::SCHEMA).unwrap();
    assert_ne!(
        schema["additionalProperties"],
        Value::Bool(false),
        "the JSON Schema admits extension members"
    );
}
