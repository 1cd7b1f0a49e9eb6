//! A service written from the README alone holds up, on both frameworks:
//! three APIs in three formats (entrecode at `/`, Oz nested under `/oz`,
//! RFC 9457 under `/std`), each answering every bad request in its own
//! format (unknown paths, its trailing-slash root and wrong methods
//! included), hostile requests too; bodies over the limit answered to a
//! client that writes its whole body before it reads; and an OpenAPI
//! document that lists, for every operation, what the wire answers.
//!
//! The service is in `service/` (`axum_app.rs`, `actix_app.rs`: the
//! README's recipe; `errors.rs`: its types); every expected answer is
//! written out in `service/expected.rs`. Requests go over raw sockets
//! (`service/raw.rs`), so that each sends exactly its bytes.

mod service;

use std::net::SocketAddr;

use serde_json::Value;

use service::expected::{
    Api, Bad, at, bad_requests, check, framework_answer, no_note_7, too_large,
};
use service::raw::{self, Request};

/// Every request of `bad` below each API's prefix, and the good ones.
fn answers_every_request(addr: SocketAddr) {
    for api in Api::ALL {
        for bad in bad_requests() {
            let answer = raw::send(addr, &at(api, &bad.request))
                .unwrap_or_else(|error| panic!("{} ({api:?}): no answer: {error}", bad.what));
            if bad.case == "created" {
                assert_eq!(
                    answer.status,
                    201,
                    "{} ({api:?}): {}",
                    bad.what,
                    answer.text()
                );
                continue;
            }
            check(
                api,
                bad.what,
                &framework_answer(api, bad.case, bad.name),
                &answer,
            );
            if bad.case == "method_not_allowed" {
                let allow = answer.header("allow").unwrap_or_default().replace(' ', "");
                assert!(
                    allow.contains("GET") && allow.contains("POST"),
                    "{} ({api:?}): `Allow` kept: {allow:?}",
                    bad.what
                );
            }
        }
        let own = raw::send(addr, &at(api, &Request::new("GET", "/notes/7"))).unwrap();
        check(api, "the handler's own error", &no_note_7(api), &own);
        for (request, status, body) in [
            (Request::new("GET", "/notes/1"), 200, "note 1"),
            (
                Request::new("GET", "/notes?limit=3"),
                200,
                "the first 3 notes",
            ),
            (
                Request::new("POST", "/notes").json(r#"{"title":"a","tags":["x"]}"#),
                201,
                "created a (1 tags)",
            ),
        ] {
            let answer = raw::send(addr, &at(api, &request)).unwrap();
            assert_eq!(
                (answer.status, answer.text().as_str()),
                (status, body),
                "{api:?}"
            );
        }
    }
}

#[test]
fn test_axum_answers_every_request_in_each_apis_format() {
    let server = service::axum_app::start();
    answers_every_request(server.addr);
}

#[test]
fn test_actix_answers_every_request_in_each_apis_format() {
    let server = service::actix_app::start();
    answers_every_request(server.addr);
}

/// Bodies of 3, 8 and 16 MiB over the 2 MiB limit, each written whole
/// before the client reads (as urllib, requests and `fetch` do), get
/// their 413 in the API's format.
fn answers_clients_that_write_before_they_read(addr: SocketAddr) {
    for api in Api::ALL {
        for Bad {
            what,
            request,
            case,
            name,
        } in too_large()
        {
            let answer = raw::send(addr, &at(api, &request))
                .unwrap_or_else(|error| panic!("{what} ({api:?}): no answer: {error}"));
            check(api, what, &framework_answer(api, case, name), &answer);
        }
    }
}

#[test]
fn test_axum_answers_a_client_that_writes_its_whole_body_first() {
    let server = service::axum_app::start();
    answers_clients_that_write_before_they_read(server.addr);
}

#[test]
fn test_actix_answers_a_client_that_writes_its_whole_body_first() {
    let server = service::actix_app::start();
    answers_clients_that_write_before_they_read(server.addr);
}

/// `example` with its `{property}`/`{parameter}` placeholders filled with
/// `name`, as the wire answer has it.
fn filled(example: &Value, name: &str) -> Value {
    match example {
        Value::String(text) => Value::String(
            text.replace("{property}", name)
                .replace("{parameter}", name),
        ),
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), filled(value, name)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The document the service serves says what its wire answers: for every
/// operation, each framework answer it lists (`framework: {case}`) is the
/// answer, status and body, that a request of that case gets below the
/// operation's prefix, and it lists exactly the cases its request can
/// cause, in its API's format only; the description's bodies for unknown
/// paths and methods under each prefix are the wire's.
fn documents_what_it_answers(addr: SocketAddr) {
    let document = raw::send(addr, &Request::new("GET", "/openapi.json")).unwrap();
    assert_eq!(document.status, 200);
    let document: Value = serde_json::from_slice(&document.body).unwrap();
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        let api = match path.split('/').nth(1) {
            Some("oz") => Api::Oz,
            Some("std") => Api::Std,
            _ => Api::Entrecode,
        };
        for (method, operation) in item.as_object().unwrap() {
            let mut cases =
                answers_as_documented(addr, api, &format!("{method} {path}"), operation);
            checked += cases.len();
            cases.sort();
            assert_eq!(cases, cases_of(path, method, operation), "{method} {path}");
        }
    }
    assert!(
        checked > 40,
        "{checked} framework answers checked against the wire"
    );
    description_is_the_wire(addr, document["info"]["description"].as_str().unwrap());
}

/// Checks every framework answer `operation` lists against the wire, and
/// returns their cases.
fn answers_as_documented(addr: SocketAddr, api: Api, name: &str, operation: &Value) -> Vec<String> {
    let bad: Vec<Bad> = bad_requests().into_iter().chain(too_large()).collect();
    let mut cases = Vec::new();
    for (status, response) in operation["responses"].as_object().unwrap() {
        let Some(content) = response["content"].as_object() else {
            continue;
        };
        assert_eq!(content.len(), 1, "{name} {status}: one format: {content:?}");
        let (_, media) = content.iter().next().unwrap();
        for (example_name, example) in media["examples"].as_object().into_iter().flatten() {
            let Some(case) = example_name.strip_prefix("framework: ") else {
                continue;
            };
            cases.push(case.to_owned());
            let request = bad
                .iter()
                .find(|bad| bad.case == case)
                .unwrap_or_else(|| panic!("no request of case {case}"));
            let answer = raw::send(addr, &at(api, &request.request)).unwrap();
            assert_eq!(
                answer.status.to_string(),
                *status,
                "{name}: {case} is documented under {status}"
            );
            let wire: Value = serde_json::from_slice(&answer.body).unwrap();
            assert_eq!(
                filled(&example["value"], request.name),
                wire,
                "{name}: {case}"
            );
        }
    }
    cases
}

/// What an operation's request can cause, sorted.
fn cases_of(path: &str, method: &str, operation: &Value) -> Vec<String> {
    let mut expected = vec!["panic", "timeout"];
    if path.contains('{') {
        expected.push("invalid_path_parameter");
    }
    if method == "post" {
        expected.extend([
            "missing_property",
            "invalid_property",
            "invalid_body",
            "missing_body",
            "unsupported_media_type",
            "payload_too_large",
        ]);
    }
    if operation["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|parameter| parameter["in"] == "query")
    {
        expected.extend(["missing_query_parameter", "invalid_query_parameter"]);
    }
    expected.sort_unstable();
    expected.into_iter().map(str::to_owned).collect()
}

/// Per prefix, the description's body of an unknown path and of a method
/// the path does not take (in that order), and their statuses, are the
/// wire's.
fn description_is_the_wire(addr: SocketAddr, description: &str) {
    for api in Api::ALL {
        let scope = match api {
            Api::Entrecode => "Requests (except under `/oz` and `/std`",
            Api::Oz => "Requests under `/oz`",
            Api::Std => "Requests under `/std`",
        };
        let start = description
            .find(scope)
            .unwrap_or_else(|| panic!("{api:?}: {description}"));
        let blocks: Vec<Value> = description[start..]
            .split("```json")
            .skip(1)
            .take(2)
            .map(|block| serde_json::from_str(block.split("```").next().unwrap()).unwrap())
            .collect();
        for (request, block) in [
            Request::new("GET", "/nothing/here"),
            Request::new("DELETE", "/notes"),
        ]
        .iter()
        .zip(&blocks)
        {
            let answer = raw::send(addr, &at(api, request)).unwrap();
            let wire: Value = serde_json::from_slice(&answer.body).unwrap();
            assert_eq!(
                &wire, block,
                "{api:?}: {} {}",
                request.method, request.target
            );
            let said = format!("status {}", answer.status);
            assert!(description[start..].contains(&said), "{api:?}: {said}");
        }
    }
}

#[test]
fn test_axum_documents_what_it_answers() {
    let server = service::axum_app::start();
    documents_what_it_answers(server.addr);
}

#[test]
fn test_actix_documents_what_it_answers() {
    let server = service::actix_app::start();
    documents_what_it_answers(server.addr);
}
