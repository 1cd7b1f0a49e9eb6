//! The OpenAPI description of the demo service (axum + utoipa): a valid
//! OpenAPI 3.1 document in which every variant of every error type is an
//! example under its status, with its format's media type, none lost to
//! another's key; and of an rfc9457 type, which the demo has none of.

use std::collections::BTreeMap;

use api_errors::{ApiError, ErrorInfo};
use api_errors_demo::{self as demo, CapsuleError, EntryError};
use serde_json::Value;
use utoipa::IntoResponses;

/// The document as the server serves it, parsed back as plain JSON.
fn document() -> Value {
    serde_json::from_str(&demo::openapi_json()).expect("the document is JSON")
}

#[test]
fn test_the_document_is_valid_openapi_3_1() {
    let json = demo::openapi_json();
    let spec = oas3::from_json(&json).expect("oas3 parses the document");
    let version = spec
        .validate_version()
        .expect("a supported OpenAPI version");
    assert_eq!((version.major, version.minor), (3, 1));
    assert_eq!(spec.paths.as_ref().map(oas3::Map::len), Some(11));
}

/// Every variant of `E` is an example of `path`'s responses under its
/// status, with `E`'s media type and the body schema `schema_ref`, and its
/// example body has its code. (The rows of a `framework` variant are the
/// framework's answers: `ErrorDocs` lists those an operation can give.)
fn assert_documented<E: ApiError>(document: &Value, path: &str, schema_ref: &str) {
    let responses = &document["paths"][path]["get"]["responses"];
    assert!(responses.is_object(), "{path} has responses");
    let rows: Vec<ErrorInfo> = E::catalog()
        .into_iter()
        .filter(|row| !row.name.starts_with("Framework("))
        .collect();
    let mut per_status: BTreeMap<u16, usize> = BTreeMap::new();
    for row in &rows {
        *per_status.entry(row.status).or_default() += 1;
        let content = &responses[row.status.to_string()]["content"][E::Format::MEDIA_TYPE];
        assert_eq!(
            content["schema"],
            serde_json::json!({ "$ref": schema_ref }),
            "{path} {}: the body schema, by reference",
            row.status
        );
        let examples = content["examples"].as_object().expect("examples");
        let example = examples
            .values()
            .find(|example| example["summary"] == format!("{}: {}", row.code, row.title))
            .unwrap_or_else(|| {
                panic!(
                    "{path}: no example for {} ({}) among {examples:?}",
                    row.name, row.code
                )
            });
        let code_key = if E::Format::NAME == "oz" {
            "error_code"
        } else {
            "code"
        };
        assert_eq!(example["value"][code_key], row.code, "{path} {}", row.name);
    }
    for (status, count) in per_status {
        let examples = responses[status.to_string()]["content"][E::Format::MEDIA_TYPE]["examples"]
            .as_object()
            .unwrap();
        // `ErrorDocs` adds the framework's own answers beside the variants'.
        let variants = examples
            .keys()
            .filter(|name| !name.starts_with("framework: "))
            .count();
        assert_eq!(
            variants, count,
            "{path} {status}: one example per variant, none lost"
        );
    }
}

use api_errors::Format as _;

#[test]
fn test_every_variant_is_an_example_under_its_status() {
    let document = document();
    for path in ["/oz/capsules/{id}", "/oz/search", "/oz/health"] {
        assert_documented::<CapsuleError>(&document, path, "#/components/schemas/OzBody");
    }
    for path in ["/entrecode/entries", "/entrecode/health"] {
        assert_documented::<EntryError>(&document, path, "#/components/schemas/Problem");
    }
}

#[test]
fn test_the_body_schemas_are_in_components_once_and_every_ref_resolves() {
    let document = document();
    let schemas = document["components"]["schemas"]
        .as_object()
        .expect("components.schemas");
    assert_eq!(
        schemas["OzBody"]["description"],
        "An Oz error response body."
    );
    assert_eq!(
        schemas["Problem"]["description"],
        "An entrecode error response body: Problem Details and HAL."
    );
    // Each schema's text once in the whole document: in `components`.
    let json = demo::openapi_json();
    assert_eq!(json.matches("An Oz error response body.").count(), 1);
    assert_eq!(json.matches("An entrecode error response body").count(), 1);
    assert_eq!(
        api_errors::openapi::unresolved_refs(&<demo::ApiDoc as utoipa::OpenApi>::openapi()),
        Vec::<String>::new()
    );
}

#[test]
fn test_variants_sharing_a_status_are_grouped_with_the_shape_of_their_bodies() {
    let responses = serde_json::to_value(CapsuleError::responses()).unwrap();
    let not_found = &responses["404"]["content"]["application/json"]["examples"];
    assert_eq!(
        not_found["NotFound"]["value"]["error_message"],
        "Capsule {0} not found"
    );
    assert_eq!(
        not_found.as_object().unwrap().len(),
        1,
        "the framework's rows are the operations' business: {not_found}"
    );
    assert_eq!(
        responses["400"]["content"]["application/json"]["examples"]["MissingQuery"]["value"]["details"],
        "{0}"
    );

    let responses = serde_json::to_value(EntryError::responses()).unwrap();
    let missing = &responses["400"]["content"]["application/problem+json"]["examples"]["MissingQuery"]
        ["value"];
    assert_eq!(missing["detail"], "{name}");
    assert_eq!(
        missing["_embedded"]["error"]["code"], 2201,
        "the sub-error's shape: {missing}"
    );
    // utoipa holds an example as a `serde_json::Value`, whose members are
    // in serde_json's order (sorted, as nothing in this build turns its
    // `preserve_order` on): the members, not their order, are the wire's.
    let mut keys: Vec<&str> = missing
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut wire = [
        "status",
        "code",
        "title",
        "type",
        "detail",
        "_links",
        "_embedded",
    ];
    wire.sort_unstable();
    assert_eq!(keys, wire);
}

/// Two wrapped types whose variants have the same name and status.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Left {
    #[api(code = 10)]
    Missing,
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Right {
    #[api(code = 10, title = "Nothing here")]
    Missing,
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Both {
    #[api(transparent)]
    Left(Left),
    #[api(transparent)]
    Right(Right),
    #[api(code = 10, title = "Also missing")]
    Missing,
}

#[test]
fn test_no_two_variants_are_lost_to_one_key() {
    let responses = serde_json::to_value(Both::responses()).unwrap();
    let examples = responses["404"]["content"]["application/json"]["examples"]
        .as_object()
        .unwrap();
    let names: Vec<&str> = examples.keys().map(String::as_str).collect();
    assert_eq!(names, ["Missing", "Missing (10)", "Missing (10, 2)"]);
    let _ = (
        Both::Left(Left::Missing),
        Both::Right(Right::Missing),
        Both::Missing,
    );
}

#[test]
fn test_the_body_schemas_carry_the_seeds_descriptions() {
    use utoipa::PartialSchema;
    let oz = serde_json::to_value(api_errors::oz::OzBody::schema()).unwrap();
    assert_eq!(
        oz["required"],
        serde_json::json!(["error_code", "error_message", "details"])
    );
    assert_eq!(
        oz["properties"]["error_code"]["description"],
        "Integer error code."
    );
    let problem = serde_json::to_value(api_errors::entrecode::Problem::schema()).unwrap();
    assert_eq!(
        problem["required"],
        serde_json::json!(["status", "code", "title", "type", "_links"])
    );
    assert_eq!(problem["properties"]["status"]["minimum"], 400);
}

/// Two entrecode variants that share code 2100.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Lookup {
    #[api(code = 100, detail = id)]
    NoCapsule { id: String },
    #[api(code = 2100)]
    NoRoute,
}

#[test]
fn test_variants_that_share_a_code_are_each_an_example() {
    let responses = serde_json::to_value(Lookup::responses()).unwrap();
    let not_found = &responses["404"];
    let examples = not_found["content"]["application/problem+json"]["examples"]
        .as_object()
        .unwrap();
    let names: Vec<&str> = examples.keys().map(String::as_str).collect();
    assert_eq!(names, ["NoCapsule", "NoRoute"]);
    assert_eq!(
        examples["NoCapsule"]["value"]["detail"], "{id}",
        "the one with a detail"
    );
    assert!(
        examples["NoRoute"]["value"].get("detail").is_none(),
        "the one without"
    );
    for example in examples.values() {
        assert_eq!(example["summary"], "2100: Resource not found");
        assert_eq!(example["value"]["code"], 2100);
    }
    assert_eq!(
        not_found["description"], "Not Found: Resource not found",
        "the shared title is named once"
    );
    let _ = (Lookup::NoCapsule { id: String::new() }, Lookup::NoRoute);
}

#[test]
fn test_the_framework_answers_are_on_the_operations_that_can_give_them() {
    let document = document();
    let example = |path: &str, method: &str, status: &str, media: &str, case: &str| {
        document["paths"][path][method]["responses"][status]["content"][media]["examples"]
            [format!("framework: {case}")]["value"]
            .clone()
    };
    // A JSON body: its properties, by path (the placeholder), in each format.
    assert_eq!(
        example(
            "/oz/capsules",
            "post",
            "400",
            "application/json",
            "missing_property"
        ),
        serde_json::json!({"error_code": 3, "error_message": "Missing property", "details": "{property}"})
    );
    assert_eq!(
        example(
            "/entrecode/entries",
            "post",
            "400",
            "application/problem+json",
            "invalid_property"
        )["code"],
        2211
    );
    // A typed path parameter; a typed query parameter.
    assert_eq!(
        example(
            "/oz/capsules/{id}",
            "get",
            "400",
            "application/json",
            "invalid_path_parameter"
        ),
        serde_json::json!({"error_code": 5, "error_message": "Invalid type", "details": "{parameter}"})
    );
    assert_eq!(
        example(
            "/entrecode/search",
            "get",
            "400",
            "application/problem+json",
            "missing_query_parameter"
        )["code"],
        2202
    );
    // Every operation can panic; one without a body has no body answers.
    assert_eq!(
        example("/oz/health", "get", "500", "application/json", "panic")["error_code"],
        0
    );
    assert!(
        example(
            "/oz/health",
            "get",
            "400",
            "application/json",
            "missing_property"
        )
        .is_null()
    );
}

/// OpenAPI (utoipa) for the rfc9457 format: `IntoResponses` gives one
/// response per status with `application/problem+json`, the body schema by
/// reference to `#/components/schemas/ProblemDetails` and one example per
/// variant (variants that share a status grouped, none lost), each example
/// an rfc9457 body of its variant; `ErrorDocs` registers `ProblemDetails`
/// once, every `$ref` resolves, the document is valid OpenAPI 3.1, and the
/// framework's answers of a `framework_errors` type are rfc9457 problems.
mod rfc9457 {
    use std::collections::BTreeMap;

    use api_errors::openapi::{ErrorDocs, unresolved_refs};
    use api_errors::rfc9457::ProblemDetails;
    use api_errors::{ApiError, ErrorInfo};
    use serde_json::{Value, json};
    use utoipa::{IntoResponses, OpenApi, PartialSchema, ToSchema};

    #[derive(Debug, ApiError)]
    #[allow(dead_code, reason = "only its documentation is read")]
    #[api(
    format = "rfc9457",
    type_base = "https://example.com/probs/",
    framework_errors(panic = Internal)
)]
    enum Shop {
        /// The account cannot pay for the purchase.
        #[api(
            status = 403,
            type = "out-of-credit",
            title = "You do not have enough credit.",
            detail = "Your current balance is {balance}, but that costs {cost}.",
            extensions(balance)
        )]
        OutOfCredit { balance: u64, cost: u64 },
        #[api(status = 403, type = "frozen", title = "The account is frozen.")]
        Frozen,
        #[api(status = 400, detail = 0)]
        BadProperty(String),
        #[api(status = 400)]
        BadRequest,
        #[api(status = 404)]
        NotFound,
        #[api(status = 405)]
        MethodNotAllowed,
        #[api(status = 413)]
        TooLarge,
        #[api(status = 415)]
        UnsupportedMediaType,
        #[api(code = 5000, status = 500)]
        Internal,
        #[api(status = 503)]
        Unavailable,
    }

    #[allow(dead_code, reason = "documented, never served")]
    mod operations {
        use super::Shop;

        #[utoipa::path(post, path = "/buy", request_body = String,
        responses((status = 200, description = "Bought"), Shop))]
        fn buy() {}
    }

    const DOCS: ErrorDocs<Shop> = ErrorDocs::new();

    #[derive(OpenApi)]
    #[openapi(paths(operations::buy), modifiers(&DOCS))]
    struct Documented;

    fn document() -> Value {
        serde_json::to_value(Documented::openapi()).unwrap()
    }

    #[test]
    fn test_one_response_per_status_with_the_formats_media_type_and_schema() {
        let responses = serde_json::to_value(Shop::responses()).unwrap();
        let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
        assert_eq!(
            statuses,
            ["400", "403", "404", "405", "413", "415", "500", "503"]
        );
        let rows: Vec<ErrorInfo> = Shop::catalog();
        let mut per_status: BTreeMap<u16, usize> = BTreeMap::new();
        for row in &rows {
            *per_status.entry(row.status).or_default() += 1;
            let content = &responses[row.status.to_string()]["content"]["application/problem+json"];
            assert_eq!(
                content["schema"],
                json!({"$ref": "#/components/schemas/ProblemDetails"}),
                "{}",
                row.name
            );
            let examples = content["examples"].as_object().expect("examples");
            let example = examples
                .values()
                .find(|example| example["summary"] == format!("{}: {}", row.code, row.title))
                .unwrap_or_else(|| panic!("no example for {} among {examples:?}", row.name));
            let value = &example["value"];
            assert_eq!(value["type"], row.type_uri, "{}", row.name);
            assert_eq!(value["status"], row.status, "{}", row.name);
            // The standard members are there (in serde_json's order, see
            // above).
            let members = value.as_object().unwrap();
            for member in ["type", "title", "status"] {
                assert!(members.contains_key(member), "{}: {member}", row.name);
            }
        }
        for (status, count) in per_status {
            let examples =
                responses[status.to_string()]["content"]["application/problem+json"]["examples"]
                    .as_object()
                    .unwrap();
            assert_eq!(examples.len(), count, "{status}: one example per variant");
        }
        // The two 403s: one response, both examples.
        assert_eq!(
            responses["403"]["content"]["application/problem+json"]["examples"]
                .as_object()
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn test_the_examples_are_the_variants_bodies() {
        let responses = serde_json::to_value(Shop::responses()).unwrap();
        let examples = &responses["404"]["content"]["application/problem+json"]["examples"];
        let example = examples.as_object().unwrap().values().next().unwrap();
        assert_eq!(
            example["value"],
            json!({"type": "about:blank", "title": "Not Found", "status": 404})
        );
        let examples = &responses["500"]["content"]["application/problem+json"]["examples"];
        let example = examples.as_object().unwrap().values().next().unwrap();
        assert_eq!(
            example["value"],
            json!({"type": "about:blank", "title": "Internal Server Error", "status": 500, "code": 5000})
        );
    }

    #[test]
    fn test_the_document_registers_problem_details_once_and_every_ref_resolves() {
        let openapi = Documented::openapi();
        assert_eq!(unresolved_refs(&openapi), Vec::<String>::new());
        let document = document();
        let schemas = document["components"]["schemas"].as_object().unwrap();
        assert!(schemas.contains_key("ProblemDetails"), "{schemas:?}");
        assert_eq!(
            schemas["ProblemDetails"],
            serde_json::to_value(ProblemDetails::schema()).unwrap()
        );
        assert_eq!(ProblemDetails::name(), "ProblemDetails");
        let json = serde_json::to_string(&document).unwrap();
        let spec = oas3::from_json(&json).expect("oas3 parses the document");
        let version = spec.validate_version().expect("a supported version");
        assert_eq!((version.major, version.minor), (3, 1));
    }

    #[test]
    fn test_the_frameworks_answers_are_rfc9457_problems() {
        let document = document();
        let responses = document["paths"]["/buy"]["post"]["responses"]
            .as_object()
            .unwrap();
        let mut framework = BTreeMap::new();
        for (status, response) in responses {
            let Some(examples) =
                response["content"]["application/problem+json"]["examples"].as_object()
            else {
                continue;
            };
            for (name, example) in examples {
                if let Some(case) = name.strip_prefix("framework: ") {
                    framework.insert(format!("{status} {case}"), example["value"].clone());
                }
            }
        }
        let blank = |status: u16, title: &str| json!({"type": "about:blank", "title": title, "status": status});
        let property = json!({"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "{property}"});
        let expected = BTreeMap::from([
            ("400 invalid_body".to_owned(), blank(400, "Bad Request")),
            ("400 invalid_property".to_owned(), property.clone()),
            ("400 missing_body".to_owned(), blank(400, "Bad Request")),
            ("400 missing_property".to_owned(), property),
            (
                "413 payload_too_large".to_owned(),
                blank(413, "Content Too Large"),
            ),
            (
                "415 unsupported_media_type".to_owned(),
                blank(415, "Unsupported Media Type"),
            ),
            (
                "500 panic".to_owned(),
                json!({"type": "about:blank", "title": "Internal Server Error", "status": 500, "code": 5000}),
            ),
            ("503 timeout".to_owned(), blank(503, "Service Unavailable")),
        ]);
        assert_eq!(framework, expected);
    }
}
