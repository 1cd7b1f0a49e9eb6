//! OpenAPI (utoipa) for the rfc9457 format: `IntoResponses` gives one
//! response per status with `application/problem+json`, the body schema by
//! reference to `#/components/schemas/ProblemDetails` and one example per
//! variant (variants that share a status grouped, none lost), each example
//! an rfc9457 body of its variant; `ErrorDocs` registers `ProblemDetails`
//! once, every `$ref` resolves, the document is valid OpenAPI 3.1, and the
//! framework's answers of a `framework_errors` type are rfc9457 problems.

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
        let members: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(&members[..3], ["type", "title", "status"], "{}", row.name);
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
    let blank =
        |status: u16, title: &str| json!({"type": "about:blank", "title": title, "status": status});
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
