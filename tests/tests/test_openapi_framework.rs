//! `api_errors::openapi::ErrorDocs`: a utoipa document whose operations
//! answer with `framework_errors` types has the body schemas once, in
//! `components`, and on each operation exactly the framework's answers its
//! request can cause, compared with statuses and bodies written out by hand.

use std::collections::BTreeMap;

use api_errors::ApiError;
use api_errors::openapi::{ErrorDocs, unresolved_refs};
use serde_json::{Value, json};
use utoipa::{Modify, OpenApi};

/// An Oz API that leaves every case to the format's defaults.
#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors)]
enum Capsules {
    #[api(code = 3, title = "Unreadable request")]
    Unreadable,
    #[api(code = 3, title = "Missing {0}", detail = 0)]
    Missing(String),
    #[api(code = 4, title = "Invalid value", detail = property)]
    Invalid { property: String },
    #[api(code = 5, title = "Invalid type", detail = parameter)]
    BadParameter { parameter: String },
    #[api(code = 10)]
    NotFound,
    #[api(code = 1)]
    Method,
    #[api(code = 0)]
    Unknown,
}

/// An entrecode API that names some cases and leaves the rest to the
/// defaults.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com"),
    framework_errors(payload_too_large = TooLarge, invalid_path_parameter = NoSuchNote)
)]
enum Notes {
    #[api(code = 201, detail = property)]
    MissingProperty { property: String },
    #[api(code = 211, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 200)]
    MissingBody,
    #[api(code = 202, detail = 0)]
    MissingQuery(String),
    #[api(code = 212, detail = 0)]
    InvalidQuery(String),
    #[api(code = 100)]
    NotFound,
    #[api(code = 110)]
    Method,
    #[api(code = 2000)]
    Internal,
    #[api(code = 290, status = 413, title = "Body too large")]
    TooLarge,
    #[api(code = 100, detail = id)]
    NoSuchNote { id: Box<str> },
}

/// A JSON request body.
#[derive(utoipa::ToSchema)]
#[allow(dead_code, reason = "only its schema is used")]
struct NewItem {
    name: String,
}

/// The operations: only their documentation is used.
#[allow(dead_code, reason = "documented, never served")]
mod operations {

    use super::{Capsules, NewItem, Notes};

    /// A JSON body, and a 413 of the operation's own with a lone example.
    #[utoipa::path(post, path = "/oz/capsules", request_body = NewItem,
        responses((status = 201, description = "Created"),
            (status = 413, description = "Over 1 MiB", body = api_errors::oz::OzBody,
                example = json!({"error_code": 3, "error_message": "Too large", "details": null})),
            Capsules))]
    fn create_capsule() {}

    /// A required query parameter.
    #[utoipa::path(get, path = "/oz/capsules", params(("limit" = u32, Query, description = "How many")),
        responses((status = 200, description = "Capsules"), Capsules))]
    fn list_capsules() {}

    /// An optional query parameter: it can be invalid, not missing.
    #[utoipa::path(get, path = "/oz/search", params(("q" = Option<String>, Query, description = "What to find")),
        responses((status = 200, description = "Found"), Capsules))]
    fn search_capsules() {}

    /// A path parameter.
    #[utoipa::path(get, path = "/oz/capsules/{id}", params(("id" = u64, Path, description = "The capsule")),
        responses((status = 200, description = "The capsule"), Capsules))]
    fn get_capsule() {}

    /// No body, no path or query parameter (a header parameter is not read by
    /// the framework's extractors).
    #[utoipa::path(get, path = "/oz/health", params(("x-request-id" = String, Header, description = "Tracing")),
        responses((status = 200, description = "Healthy"), Capsules))]
    fn capsule_health() {}

    #[utoipa::path(post, path = "/entrecode/notes", request_body = NewItem,
        responses((status = 201, description = "Created"), Notes))]
    fn create_note() {}

    #[utoipa::path(get, path = "/entrecode/notes", params(("limit" = u32, Query, description = "How many")),
        responses((status = 200, description = "Notes"), Notes))]
    fn list_notes() {}

    #[utoipa::path(get, path = "/entrecode/notes/{id}", params(("id" = u64, Path, description = "The note")),
        responses((status = 200, description = "The note"), Notes))]
    fn get_note() {}

    #[utoipa::path(get, path = "/entrecode/health", responses((status = 200, description = "Healthy"), Notes))]
    fn note_health() {}
}

const OZ: ErrorDocs<Capsules> = ErrorDocs::new().under("/oz");
const ENTRECODE: ErrorDocs<Notes> = ErrorDocs::new().under("/entrecode");

/// Nine operations in two formats, each scoped to its prefix.
#[derive(OpenApi)]
#[openapi(
    info(title = "Two APIs", description = "Capsules and notes."),
    paths(
        operations::create_capsule,
        operations::list_capsules,
        operations::search_capsules,
        operations::get_capsule,
        operations::capsule_health,
        operations::create_note,
        operations::list_notes,
        operations::get_note,
        operations::note_health
    ),
    modifiers(&OZ, &ENTRECODE)
)]
struct Documented;

/// Some of the operations (none that names `OzBody` itself), without the
/// modifiers.
#[derive(OpenApi)]
#[openapi(paths(
    operations::list_capsules,
    operations::get_capsule,
    operations::list_notes,
    operations::get_note
))]
struct Forgotten;

fn document() -> Value {
    serde_json::to_value(Documented::openapi()).expect("the document serialises")
}

// The expected bodies, written out.

fn oz(code: u16, message: &str, details: Option<&str>) -> Value {
    json!({ "error_code": code, "error_message": message, "details": details })
}

fn problem(status: u16, code: u16, title: &str, detail: Option<&str>) -> Value {
    let mut body = json!({
        "status": status,
        "code": code,
        "title": title,
        "type": format!("https://example.com/errors/{code}"),
        "_links": {
            "up": { "title": "Home", "href": "https://example.com" },
            "describedby": {
                "title": "Error Description",
                "href": format!("https://example.com/errors/{code}")
            }
        }
    });
    if let Some(detail) = detail {
        body["detail"] = json!(detail);
    }
    body
}

/// The framework's examples of one operation: status -> case -> body.
fn framework_examples(
    document: &Value,
    path: &str,
    method: &str,
) -> BTreeMap<String, BTreeMap<String, Value>> {
    let responses = document["paths"][path][method]["responses"]
        .as_object()
        .unwrap_or_else(|| panic!("{method} {path} has responses"));
    let mut found: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    for (status, response) in responses {
        let Some(content) = response["content"].as_object() else {
            continue;
        };
        for (media_type, content) in content {
            let Some(examples) = content["examples"].as_object() else {
                continue;
            };
            for (name, example) in examples {
                if let Some(case) = name.strip_prefix("framework: ") {
                    let previous = found
                        .entry(status.clone())
                        .or_default()
                        .insert(format!("{media_type} {case}"), example["value"].clone());
                    assert!(previous.is_none(), "{method} {path} {status}: {case} twice");
                }
            }
        }
    }
    found
}

/// `expected` as the shape `framework_examples` returns.
fn expect(
    media_type: &str,
    expected: &[(&str, &[(&str, Value)])],
) -> BTreeMap<String, BTreeMap<String, Value>> {
    expected
        .iter()
        .map(|(status, cases)| {
            let cases = cases
                .iter()
                .map(|(case, body)| (format!("{media_type} {case}"), body.clone()))
                .collect();
            ((*status).to_owned(), cases)
        })
        .collect()
}

#[test]
fn oz_operations_have_exactly_the_framework_answers_their_requests_can_cause() {
    let document = document();
    let unreadable = oz(3, "Unreadable request", None);
    let unknown = oz(0, "Unknown server side error occurred", None);
    let server = [("panic", unknown.clone())];
    let timeout = [("timeout", unknown.clone())];
    let bad_parameter = oz(5, "Invalid type", Some("{parameter}"));
    let cases = [
        (
            "/oz/capsules",
            "post",
            expect(
                "application/json",
                &[
                    (
                        "400",
                        &[
                            (
                                "missing_property",
                                oz(3, "Missing {property}", Some("{property}")),
                            ),
                            (
                                "invalid_property",
                                oz(4, "Invalid value", Some("{property}")),
                            ),
                            ("invalid_body", unreadable.clone()),
                            ("missing_body", unreadable.clone()),
                        ],
                    ),
                    // Oz keeps the framework's status of the code's class.
                    ("413", &[("payload_too_large", unreadable.clone())]),
                    ("415", &[("unsupported_media_type", unreadable.clone())]),
                    ("500", &server),
                    ("503", &timeout),
                ],
            ),
        ),
        (
            "/oz/capsules",
            "get",
            expect(
                "application/json",
                &[
                    (
                        "400",
                        &[
                            (
                                "missing_query_parameter",
                                oz(3, "Missing {parameter}", Some("{parameter}")),
                            ),
                            ("invalid_query_parameter", bad_parameter.clone()),
                        ],
                    ),
                    ("500", &server),
                    ("503", &timeout),
                ],
            ),
        ),
        (
            "/oz/search",
            "get",
            expect(
                "application/json",
                &[
                    ("400", &[("invalid_query_parameter", bad_parameter.clone())]),
                    ("500", &server),
                    ("503", &timeout),
                ],
            ),
        ),
        (
            "/oz/capsules/{id}",
            "get",
            expect(
                "application/json",
                &[
                    ("400", &[("invalid_path_parameter", bad_parameter.clone())]),
                    ("500", &server),
                    ("503", &timeout),
                ],
            ),
        ),
        (
            "/oz/health",
            "get",
            expect("application/json", &[("500", &server), ("503", &timeout)]),
        ),
    ];
    for (path, method, expected) in cases {
        assert_eq!(
            framework_examples(&document, path, method),
            expected,
            "{method} {path}"
        );
    }
}

/// The answers of `Notes` every operation can cause.
fn notes_internal() -> [(&'static str, Value); 2] {
    [
        ("panic", problem(500, 2000, "Internal Error", None)),
        // The body states the status: the variant's 500, not 503.
        ("timeout", problem(500, 2000, "Internal Error", None)),
    ]
}

#[test]
fn the_entrecode_body_operation_has_exactly_the_framework_answers_a_body_can_cause() {
    let document = document();
    let missing_body = problem(400, 2200, "Missing body", None);
    let internal = notes_internal();
    let cases = [(
        "/entrecode/notes",
        "post",
        expect(
            "application/problem+json",
            &[
                (
                    "400",
                    &[
                        (
                            "missing_property",
                            problem(
                                400,
                                2201,
                                "Missing property in JSON body",
                                Some("{property}"),
                            ),
                        ),
                        (
                            "invalid_property",
                            problem(
                                400,
                                2211,
                                "Invalid format for property in JSON body",
                                Some("{property}"),
                            ),
                        ),
                        ("invalid_body", missing_body.clone()),
                        ("missing_body", missing_body.clone()),
                        ("unsupported_media_type", missing_body.clone()),
                    ],
                ),
                (
                    "413",
                    &[(
                        "payload_too_large",
                        problem(413, 2290, "Body too large", None),
                    )],
                ),
                ("500", &internal),
            ],
        ),
    )];
    for (path, method, expected) in cases {
        assert_eq!(
            framework_examples(&document, path, method),
            expected,
            "{method} {path}"
        );
    }
}

#[test]
fn the_other_entrecode_operations_have_exactly_the_framework_answers_they_can_cause() {
    let document = document();
    let internal = notes_internal();
    let cases = [
        (
            "/entrecode/notes",
            "get",
            expect(
                "application/problem+json",
                &[
                    (
                        "400",
                        &[
                            (
                                "missing_query_parameter",
                                problem(
                                    400,
                                    2202,
                                    "Missing property in query string",
                                    Some("{parameter}"),
                                ),
                            ),
                            (
                                "invalid_query_parameter",
                                problem(
                                    400,
                                    2212,
                                    "Invalid format for property in query string",
                                    Some("{parameter}"),
                                ),
                            ),
                        ],
                    ),
                    ("500", &internal),
                ],
            ),
        ),
        (
            "/entrecode/notes/{id}",
            "get",
            expect(
                "application/problem+json",
                &[
                    (
                        "404",
                        &[(
                            "invalid_path_parameter",
                            problem(404, 2100, "Resource not found", Some("{parameter}")),
                        )],
                    ),
                    ("500", &internal),
                ],
            ),
        ),
        (
            "/entrecode/health",
            "get",
            expect("application/problem+json", &[("500", &internal)]),
        ),
    ];
    for (path, method, expected) in cases {
        assert_eq!(
            framework_examples(&document, path, method),
            expected,
            "{method} {path}"
        );
    }
}

#[test]
fn framework_answers_join_the_responses_the_operation_documents() {
    let document = document();
    let responses = &document["paths"]["/oz/capsules"]["post"]["responses"];
    // `responses(Capsules)`'s 400: its own examples and description stay.
    let bad_request = &responses["400"];
    assert_eq!(
        bad_request["description"],
        "Bad Request: Unreadable request; Missing {0}; Invalid value; Invalid type"
    );
    let names: Vec<&str> = bad_request["content"]["application/json"]["examples"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        names,
        [
            "BadParameter",
            "Invalid",
            "Missing",
            "Unreadable",
            "framework: invalid_body",
            "framework: invalid_property",
            "framework: missing_body",
            "framework: missing_property"
        ]
    );
    // The operation's own 413, with a lone `example`: it becomes a named
    // one (OpenAPI allows `example` or `examples`, not both).
    let too_large = &responses["413"];
    assert_eq!(too_large["description"], "Over 1 MiB");
    let content = &too_large["content"]["application/json"];
    assert!(content.get("example").is_none(), "{content}");
    assert_eq!(
        content["examples"]["example"]["value"],
        oz(3, "Too large", None)
    );
    assert_eq!(
        content["examples"]["framework: payload_too_large"]["summary"],
        "Answered by the framework: a body over the size limit"
    );
    // A status the operation did not document: a response of its own.
    assert_eq!(
        responses["415"]["description"],
        "Unsupported Media Type: Unreadable request"
    );
    assert_eq!(
        responses["503"]["description"],
        "Service Unavailable: Unknown server side error occurred"
    );
}

#[test]
fn each_scope_gets_only_its_own_types_answers() {
    let document = document();
    for (path, item) in document["paths"].as_object().unwrap() {
        let (own, other) = if path.starts_with("/oz") {
            ("application/json ", "application/problem+json")
        } else {
            ("application/problem+json ", "application/json")
        };
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                assert!(
                    response["content"].get(other).is_none(),
                    "{method} {path} {status}: no {other}"
                );
            }
            let examples = framework_examples(&document, path, method);
            assert!(!examples.is_empty(), "{method} {path}");
            for cases in examples.values() {
                assert!(cases.keys().all(|case| case.starts_with(own)), "{cases:?}");
            }
        }
    }
}

#[test]
fn the_body_schemas_are_in_components_once_and_referred_to_everywhere() {
    let document = document();
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let names: Vec<&str> = schemas.keys().map(String::as_str).collect();
    assert_eq!(names, ["NewItem", "OzBody", "Problem"]);
    assert_eq!(
        schemas["OzBody"]["description"],
        "An Oz error response body."
    );
    assert_eq!(
        schemas["Problem"]["description"],
        "An entrecode error response body: Problem Details and HAL."
    );
    // No inline copy: every response body schema is the reference.
    let mut bodies = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                let Some(content) = response["content"].as_object() else {
                    continue;
                };
                for (media_type, content) in content {
                    let expected = match media_type.as_str() {
                        "application/json" => "#/components/schemas/OzBody",
                        "application/problem+json" => "#/components/schemas/Problem",
                        other => panic!("{method} {path} {status}: {other}"),
                    };
                    assert_eq!(
                        content["schema"],
                        json!({ "$ref": expected }),
                        "{method} {path} {status}"
                    );
                    bodies += 1;
                }
            }
        }
    }
    assert!(bodies > 40, "{bodies} response bodies seen");
    let text = Documented::openapi().to_json().unwrap();
    assert_eq!(text.matches("An Oz error response body.").count(), 1);
    assert_eq!(text.matches("An entrecode error response body").count(), 1);
}

#[test]
fn every_ref_resolves_and_a_forgotten_modifier_is_detected() {
    assert_eq!(
        unresolved_refs(&Documented::openapi()),
        Vec::<String>::new()
    );
    assert_eq!(
        unresolved_refs(&Forgotten::openapi()),
        [
            "#/components/schemas/OzBody",
            "#/components/schemas/Problem"
        ]
    );
}

#[test]
fn the_description_says_how_requests_outside_the_operations_are_answered() {
    let description = Documented::openapi().info.description.unwrap();
    let expected = concat!(
        "Capsules and notes.\n\n",
        "Requests under `/oz` that no operation describes are answered in `application/json` too. ",
        "A path that no operation has is answered with status 404:\n\n",
        "```json\n",
        "{\n  \"error_code\": 10,\n  \"error_message\": \"Resource not found\",\n  \"details\": null\n}\n",
        "```\n\n",
        "A method that the path does not take, with status 405 and an `Allow` header ",
        "listing the methods it takes:\n\n",
        "```json\n",
        "{\n  \"error_code\": 1,\n  \"error_message\": \"Method not allowed\",\n  \"details\": null\n}\n",
        "```\n\n",
        "Requests under `/entrecode` that no operation describes are answered in `application/problem+json` too. ",
        "A path that no operation has is answered with status 404:\n\n",
    );
    assert!(
        description.starts_with(expected),
        "the description:\n{description}"
    );
    assert!(description.contains("  \"code\": 2100,\n"), "{description}");
    assert!(description.contains("with status 405"), "{description}");
    assert!(description.contains("  \"code\": 2110,\n"), "{description}");
}

#[test]
fn applying_the_modifier_again_changes_nothing() {
    let once = Documented::openapi();
    let mut twice = once.clone();
    OZ.modify(&mut twice);
    ENTRECODE.modify(&mut twice);
    assert_eq!(
        serde_json::to_value(&twice).unwrap(),
        serde_json::to_value(&once).unwrap()
    );
}

#[test]
fn the_document_is_valid_openapi_3_1() {
    let json = Documented::openapi().to_pretty_json().unwrap();
    let spec = oas3::from_json(&json).expect("oas3 parses the document");
    let version = spec
        .validate_version()
        .expect("a supported OpenAPI version");
    assert_eq!((version.major, version.minor), (3, 1));
    assert_eq!(spec.paths.as_ref().map(oas3::Map::len), Some(7));
    let operations = spec
        .paths
        .iter()
        .flatten()
        .map(|(_, item)| item.methods().into_iter().count())
        .sum::<usize>();
    assert_eq!(operations, 9);
    // The document's sizes, for README's figures (`--nocapture`).
    eprintln!(
        "9 operations: {} bytes pretty, {} compact",
        json.len(),
        Documented::openapi().to_json().unwrap().len()
    );
}
