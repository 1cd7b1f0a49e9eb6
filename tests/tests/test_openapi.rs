//! The OpenAPI description of the demo service (axum + utoipa): a valid
//! OpenAPI 3.1 document in which every variant of every error type is an
//! example under its status, with its format's media type, none lost to
//! another's key.

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
    let keys: Vec<&str> = missing
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "status",
            "code",
            "title",
            "type",
            "detail",
            "_links",
            "_embedded"
        ]
    );
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
