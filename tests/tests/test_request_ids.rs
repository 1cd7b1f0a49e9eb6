//! Request ids: every error answer carries the request's id in
//! `x-request-id` (the client's when it is safe to send back, else a
//! generated one), and the log lines of its cause carry the same id.

#[allow(
    dead_code,
    reason = "the notes service's fixture; this file uses part of it"
)]
mod framework_axum;

use api_errors_tests::{logs, servers};
use axum::body::Body;
use axum::extract::Request;
use framework_axum::errors::{NoteError, NoteProblem, NotesApi};
use framework_axum::service::app;
use http::HeaderValue;
use tower::ServiceExt as _;

/// The status and `x-request-id` of the app's answer to `method path`, sent
/// with `id` as its `x-request-id` (raw bytes: a client may send any).
async fn answer<E: NotesApi>(
    method: &str,
    path: &str,
    body: &str,
    id: Option<&[u8]>,
) -> (u16, Option<HeaderValue>) {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(id) = id {
        request = request.header("x-request-id", HeaderValue::from_bytes(id).unwrap());
    }
    if !body.is_empty() {
        request = request.header("content-type", "application/json");
    }
    let request = request.body(Body::from(body.to_owned())).unwrap();
    let response = app::<E>().oneshot(request).await.unwrap();
    (
        response.status().as_u16(),
        response.headers().get("x-request-id").cloned(),
    )
}

/// Every kind of error answer: the handler's own, a rejection, the
/// router's 404 and 405, a panic and a timeout (their statuses are the
/// formats' and tested elsewhere).
const ERRORS: [(&str, &str, &str); 6] = [
    ("GET", "/notes/999", ""),
    ("POST", "/notes", r#"{"title": 7}"#),
    ("GET", "/nowhere", ""),
    ("DELETE", "/notes", ""),
    ("GET", "/panic", ""),
    ("GET", "/slow", ""),
];

/// The notes service's panic, expected here.
const PANIC: &str = "the database password is hunter2";

fn runtime() -> tokio::runtime::Runtime {
    servers::quiet_planned_panics(PANIC);
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn every_error_answer_carries_the_clients_id<E: NotesApi>() {
    runtime().block_on(async {
        for (method, path, body) in ERRORS {
            let (status, id) = answer::<E>(method, path, body, Some(b"req-7f3a")).await;
            assert!(status >= 400, "{method} {path}: {status}");
            assert_eq!(
                id.as_ref().map(HeaderValue::as_bytes),
                Some(&b"req-7f3a"[..]),
                "{method} {path}"
            );
            // Without an id, none is made up.
            let (_, id) = answer::<E>(method, path, body, None).await;
            assert_eq!(id, None, "{method} {path}");
        }
        // A success is the service's to mark, not the error layer's.
        let (status, id) = answer::<E>("GET", "/notes/1", "", Some(b"req-7f3a")).await;
        assert_eq!((status, id), (200, None));
    });
}

#[test]
fn test_oz_error_answers_carry_the_clients_id() {
    every_error_answer_carries_the_clients_id::<NoteError>();
}

#[test]
fn test_entrecode_error_answers_carry_the_clients_id() {
    every_error_answer_carries_the_clients_id::<NoteProblem>();
}

#[test]
fn test_an_id_that_is_not_safe_to_send_back_is_replaced_by_a_generated_one() {
    let long = vec![b'a'; 10 * 1024];
    // (A line break or a DEL cannot be sent in a header value at all.)
    let hostile: [&[u8]; 4] = [&long, b"caf\xc3\xa9", b"two words", b"tab\tin"];
    runtime().block_on(async {
        let mut generated = Vec::new();
        for id in hostile {
            let (status, answered) = answer::<NoteError>("GET", "/nowhere", "", Some(id)).await;
            assert_eq!(status, 404);
            let answered = answered.expect("an id");
            assert_ne!(answered.as_bytes(), id);
            assert_eq!(answered.len(), 32, "{answered:?}");
            assert!(
                answered.as_bytes().iter().all(u8::is_ascii_hexdigit),
                "{answered:?}"
            );
            generated.push(answered);
        }
        generated.dedup();
        assert_eq!(generated.len(), hostile.len(), "each request its own id");
        // The longest id taken as it is: 200 visible ASCII bytes.
        let longest = vec![b'~'; 200];
        let (_, answered) = answer::<NoteError>("GET", "/nowhere", "", Some(&longest)).await;
        assert_eq!(answered.unwrap().as_bytes(), &longest[..]);
    });
}

#[test]
fn test_the_log_line_of_a_panic_carries_the_id_of_its_answer() {
    let runtime = runtime();
    let ((status, id), log) = logs::capture(|| {
        runtime.block_on(answer::<NoteError>(
            "GET",
            "/panic",
            "",
            Some(b"req-panic-1"),
        ))
    });
    assert_eq!(status, 500);
    assert_eq!(id.unwrap(), "req-panic-1");
    let line = log
        .lines()
        .find(|line| line.contains("a handler panicked"))
        .unwrap_or_else(|| panic!("the panic is logged: {log}"));
    assert!(line.contains("request_id=req-panic-1"), "{line}");
}

/// An rfc9457 type that writes the request's id in its bodies, under
/// `trace_id`.
mod traced {
    use api_errors::ApiError;
    use api_errors::framework::Answer;

    #[derive(Debug, ApiError)]
    #[api(format = "rfc9457", request_id = "trace_id")]
    pub enum Problem {
        #[api(status = 404, title = "Not Found", detail = "no note {0}")]
        NoNote(u64),
        #[api(status = 500, title = "Internal Server Error")]
        Broken,
        #[api(framework)]
        Framework(Answer),
    }
}

use traced::Problem;

/// What a client sees of an answer: status, `x-request-id`, body.
type Seen = (u16, Option<String>, String);

/// A service's answers to requests (method, path), each sent with an id.
type Answers = fn(&[(&str, &str)], Option<&str>) -> Vec<Seen>;

/// The traced service on axum: a handler's error, a panic, a timeout.
fn traced_axum_app() -> axum::Router {
    traced_axum_routes().layer(api_errors::axum::FrameworkErrorsLayer::<Problem>::new())
}

/// The traced service's routes on axum, without the error layer.
fn traced_axum_routes() -> axum::Router {
    use std::time::Duration;

    use axum::routing::get;
    use tower_http::timeout::TimeoutLayer;

    async fn note(axum::extract::Path(id): axum::extract::Path<u64>) -> Result<String, Problem> {
        if id == 1 {
            Ok("note 1".into())
        } else {
            Err(Problem::NoNote(id))
        }
    }
    async fn panics() -> String {
        panic!("{PANIC}");
    }
    async fn slow() -> &'static str {
        tokio::time::sleep(Duration::from_secs(10)).await;
        "too late"
    }
    async fn broken() -> Result<String, Problem> {
        Err(Problem::Broken)
    }
    async fn create(api_errors::axum::Json(_): api_errors::axum::Json<NewNote>) -> &'static str {
        "created"
    }
    axum::Router::new()
        .route("/notes/{id}", get(note))
        .route("/notes", axum::routing::post(create))
        .route("/broken", get(broken))
        .route("/panic", get(panics))
        .route(
            "/slow",
            get(slow).layer(TimeoutLayer::with_status_code(
                http::StatusCode::REQUEST_TIMEOUT,
                Duration::from_millis(200),
            )),
        )
}

/// The traced service's routes on actix-web (its middleware, with a
/// timeout, is the app's).
fn traced_actix_routes(config: &mut actix_web::web::ServiceConfig) {
    use actix_web::web;
    use api_errors::actix::HttpError;

    async fn note(id: web::Path<u64>) -> Result<String, HttpError<Problem>> {
        if *id == 1 {
            Ok("note 1".into())
        } else {
            Err(Problem::NoNote(*id).into())
        }
    }
    async fn panics() -> String {
        panic!("{PANIC}");
    }
    async fn slow() -> &'static str {
        actix_web::rt::time::sleep(std::time::Duration::from_secs(10)).await;
        "too late"
    }
    async fn broken() -> Result<String, HttpError<Problem>> {
        Err(Problem::Broken.into())
    }
    async fn create(api_errors::actix::Json(_): api_errors::actix::Json<NewNote>) -> &'static str {
        "created"
    }
    config
        .service(web::resource("/notes/{id}").route(web::get().to(note)))
        .service(web::resource("/notes").route(web::post().to(create)))
        .route("/broken", web::get().to(broken))
        .route("/panic", web::get().to(panics))
        .route("/slow", web::get().to(slow));
}

/// The actix-web middleware of the traced service.
fn traced_actix_errors() -> api_errors::actix::FrameworkErrors<Problem> {
    api_errors::actix::FrameworkErrors::<Problem>::new()
        .timeout(std::time::Duration::from_millis(200))
}

/// The answers of the axum service to `requests`, each sent with `id`, in
/// process.
fn axum_answers(requests: &[(&str, &str)], id: Option<&str>) -> Vec<Seen> {
    let app = traced_axum_app();
    runtime().block_on(async {
        let mut seen = Vec::new();
        for (method, path) in requests {
            let mut request = Request::builder().method(*method).uri(*path);
            if let Some(id) = id {
                request = request.header("x-request-id", id);
            }
            let response = app
                .clone()
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status().as_u16();
            let id = response
                .headers()
                .get("x-request-id")
                .map(|id| id.to_str().unwrap().to_owned());
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            seen.push((status, id, String::from_utf8(body.to_vec()).unwrap()));
        }
        seen
    })
}

/// The answers of the actix-web service to `requests`, each sent with
/// `id`, in process.
fn actix_answers(requests: &[(&str, &str)], id: Option<&str>) -> Vec<Seen> {
    use actix_web::App;
    use actix_web::dev::Service as _;

    actix_web::rt::System::new().block_on(async {
        let app = actix_web::test::init_service(
            App::new()
                .configure(traced_actix_routes)
                .wrap(traced_actix_errors()),
        )
        .await;
        let mut seen = Vec::new();
        for (method, path) in requests {
            let mut request = actix_web::test::TestRequest::default()
                .method(method.parse().unwrap())
                .uri(path);
            if let Some(id) = id {
                request = request.insert_header(("x-request-id", id));
            }
            let (status, headers, body) = match app.call(request.to_request()).await {
                Ok(response) => {
                    let status = response.status().as_u16();
                    let headers = response.headers().clone();
                    (status, headers, actix_web::test::read_body(response).await)
                }
                Err(error) => {
                    let response = error.error_response();
                    let status = response.status().as_u16();
                    let headers = response.headers().clone();
                    (
                        status,
                        headers,
                        actix_web::body::to_bytes(response.into_body())
                            .await
                            .unwrap(),
                    )
                }
            };
            let id = headers
                .get("x-request-id")
                .map(|id| id.to_str().unwrap().to_owned());
            seen.push((status, id, String::from_utf8(body.to_vec()).unwrap()));
        }
        seen
    })
}

/// The answers of a server on 127.0.0.1 to `requests`, each sent with `id`.
fn answers_over_the_socket(
    addr: std::net::SocketAddr,
    requests: &[(&str, &str)],
    id: Option<&str>,
) -> Vec<Seen> {
    let agent = servers::client(std::time::Duration::from_secs(30));
    requests
        .iter()
        .map(|(method, path)| {
            let url = format!("http://{addr}{path}");
            let sent = match (*method, id) {
                ("GET", Some(id)) => agent.get(&url).header("x-request-id", id).call(),
                ("GET", None) => agent.get(&url).call(),
                ("POST", Some(id)) => agent.post(&url).header("x-request-id", id).send_empty(),
                ("POST", None) => agent.post(&url).send_empty(),
                (method, _) => panic!("no such call: {method}"),
            };
            let mut response = sent.unwrap_or_else(|error| panic!("{method} {path}: {error}"));
            let status = response.status().as_u16();
            let id = response
                .headers()
                .get("x-request-id")
                .map(|id| id.to_str().unwrap().to_owned());
            let body = response.body_mut().read_to_string().unwrap();
            (status, id, body)
        })
        .collect()
}

/// The axum service on 127.0.0.1.
fn axum_over_the_socket(requests: &[(&str, &str)], id: Option<&str>) -> Vec<Seen> {
    let server = servers::AxumServer::start(traced_axum_app());
    answers_over_the_socket(server.addr, requests, id)
}

/// The actix-web service on 127.0.0.1.
fn actix_over_the_socket(requests: &[(&str, &str)], id: Option<&str>) -> Vec<Seen> {
    let server = servers::ActixServer::start(|listener| {
        Ok(actix_web::HttpServer::new(|| {
            actix_web::App::new()
                .configure(traced_actix_routes)
                .wrap(traced_actix_errors())
        })
        .workers(1)
        .listen(listener)?
        .run())
    });
    answers_over_the_socket(server.addr, requests, id)
}

/// A new note: what the rejection refuses (a body without a
/// `Content-Type`).
#[derive(serde::Deserialize)]
struct NewNote {
    #[allow(dead_code, reason = "read by the rejection only")]
    title: String,
}

/// A handler's error, a rejection, the router's 404 and 405, a panic, a
/// timeout.
const TRACED: [(&str, &str); 6] = [
    ("GET", "/notes/2"),
    ("POST", "/notes"),
    ("GET", "/nowhere"),
    ("POST", "/notes/2"),
    ("GET", "/panic"),
    ("GET", "/slow"),
];

/// Each answer carries the id in its header and last in its body; without
/// an id, the bodies are the type's own.
fn every_answer_is_traced(answers: Answers) {
    servers::quiet_planned_panics(PANIC);
    let traced = answers(&TRACED, Some("req-9"));
    let plain = answers(&TRACED, None);
    for (((status, id, body), (plain_status, plain_id, plain_body)), (method, path)) in
        traced.iter().zip(&plain).zip(TRACED)
    {
        assert!(*status >= 400, "{method} {path}: {status}");
        assert_eq!(status, plain_status, "{method} {path}");
        assert_eq!(id.as_deref(), Some("req-9"), "{method} {path}");
        assert_eq!(*plain_id, None, "{method} {path}");
        // The same body, with one more member, last.
        let expected = format!(
            "{},\"trace_id\":\"req-9\"}}",
            &plain_body[..plain_body.len() - 1]
        );
        assert_eq!(*body, expected, "{method} {path}");
        assert!(!plain_body.contains("trace_id"), "{plain_body}");
    }
    assert_eq!(
        traced[0].2,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no note 2","trace_id":"req-9"}"#
    );
    // A body built without a request has no id.
    assert!(!api_errors::ApiError::to_json(&Problem::NoNote(2)).contains("trace_id"));
}

#[test]
fn test_axum_rfc9457_answers_write_the_id_last_in_the_body() {
    every_answer_is_traced(axum_answers);
}

#[test]
fn test_actix_rfc9457_answers_write_the_id_last_in_the_body() {
    every_answer_is_traced(actix_answers);
}

#[test]
fn test_over_127_0_0_1_axum_answers_carry_the_id() {
    every_answer_is_traced(axum_over_the_socket);
}

#[test]
fn test_over_127_0_0_1_actix_answers_carry_the_id() {
    every_answer_is_traced(actix_over_the_socket);
}

#[test]
fn test_actix_replaces_an_id_that_is_not_safe_to_send_back() {
    let long = "a".repeat(10 * 1024);
    for hostile in [long.as_str(), "two words"] {
        let seen = actix_answers(&[("GET", "/nowhere")], Some(hostile));
        let id = seen[0].1.clone().expect("an id");
        assert_eq!(id.len(), 32, "{id}");
        assert!(
            seen[0].2.ends_with(&format!(",\"trace_id\":\"{id}\"}}")),
            "{}",
            seen[0].2
        );
    }
}

#[test]
fn test_actix_the_log_line_of_a_panic_carries_the_id_of_its_answer() {
    servers::quiet_planned_panics(PANIC);
    let (seen, log) = logs::capture(|| actix_answers(&[("GET", "/panic")], Some("req-panic-2")));
    assert_eq!(seen[0].1.as_deref(), Some("req-panic-2"));
    let line = log
        .lines()
        .find(|line| line.contains("panicked"))
        .unwrap_or_else(|| panic!("the panic is logged: {log}"));
    assert!(line.contains("request_id=req-panic-2"), "{line}");
}

#[test]
fn test_the_openapi_description_shows_the_member_as_the_wire_has_it() {
    use utoipa::IntoResponses as _;

    let responses = serde_json::to_value(Problem::responses()).unwrap();
    let content = &responses["404"]["content"]["application/problem+json"];
    // The format's schema, and the member beside it.
    let all_of = content["schema"]["allOf"].as_array().expect("allOf");
    assert_eq!(all_of[0]["$ref"], "#/components/schemas/ProblemDetails");
    assert_eq!(all_of[1]["properties"]["trace_id"]["type"], "string");
    // The example has the members an answer to a request with an id has.
    let example = &content["examples"]["NoNote"]["value"];
    let id = example["trace_id"]
        .as_str()
        .expect("the member in the example");
    let answered = axum_answers(&[("GET", "/notes/2")], Some(id));
    let body: serde_json::Value = serde_json::from_str(&answered[0].2).unwrap();
    let keys = |value: &serde_json::Value| {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(example), keys(&body), "{example} against {body}");
    assert_eq!(body["trace_id"], id);
}

/// The recipe of the crate docs: tower-http's `SetRequestIdLayer`
/// outermost (an id for every request), the error layer, then
/// `PropagateRequestIdLayer` (the id on successes too).
fn with_tower_http_ids() -> axum::Router {
    use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
    traced_axum_routes()
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(api_errors::axum::FrameworkErrorsLayer::<Problem>::new())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// Status, `x-request-id` and body of `app`'s answer to `GET path` with
/// `id`, and what was logged meanwhile.
fn logged_answer(app: axum::Router, path: &str, id: Option<&str>) -> (Seen, String) {
    servers::quiet_planned_panics(PANIC);
    let runtime = runtime();
    logs::capture(|| {
        runtime.block_on(async {
            let mut request = Request::builder().uri(path);
            if let Some(id) = id {
                request = request.header("x-request-id", id);
            }
            let response = app
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status().as_u16();
            let id = response
                .headers()
                .get("x-request-id")
                .map(|id| id.to_str().unwrap().to_owned());
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            (status, id, String::from_utf8(body.to_vec()).unwrap())
        })
    })
}

#[test]
fn test_with_tower_http_every_answer_and_its_log_line_have_one_id() {
    // No id sent: tower-http makes one (a UUID), and the answer, its body
    // and the handler's 5xx log line all carry it.
    let ((status, id, body), log) = logged_answer(with_tower_http_ids(), "/broken", None);
    assert_eq!(status, 500);
    let id = id.expect("an id");
    assert_eq!(id.len(), 36, "{id}");
    assert!(
        body.ends_with(&format!(",\"trace_id\":\"{id}\"}}")),
        "{body}"
    );
    let line = log
        .lines()
        .find(|line| line.contains("ERROR"))
        .unwrap_or_else(|| panic!("logged: {log}"));
    assert!(line.contains(&format!("request_id={id}")), "{line}");
    // A success gets tower-http's id; the error layer leaves it alone.
    let ((status, success_id, _), _) = logged_answer(with_tower_http_ids(), "/notes/1", None);
    assert_eq!(status, 200);
    assert_eq!(success_id.map(|id| id.len()), Some(36));
    // A hostile id that tower-http keeps is replaced before anything inside
    // sees it: successes too get the replacement.
    let hostile = "x".repeat(300);
    let ((_, id, _), _) = logged_answer(with_tower_http_ids(), "/notes/1", Some(&hostile));
    let id = id.expect("an id");
    assert_eq!(id.len(), 32, "{id}");
}

#[test]
fn test_the_log_line_of_a_handlers_5xx_carries_the_id_on_both_frameworks() {
    let ((status, _, _), log) = logged_answer(traced_axum_app(), "/broken", Some("req-500"));
    assert_eq!(status, 500);
    assert!(
        log.lines()
            .any(|line| line.contains("ERROR") && line.contains("request_id=req-500")),
        "{log}"
    );
    let (seen, log) = logs::capture(|| actix_answers(&[("GET", "/broken")], Some("req-501")));
    assert_eq!(seen[0].0, 500);
    assert!(
        log.lines()
            .any(|line| line.contains("ERROR") && line.contains("request_id=req-501")),
        "{log}"
    );
}

/// The notes service's error answers on actix-web, for a type of each
/// format: a handler's error, a rejection (the crate's `Json`), 404, 405,
/// a panic, a timeout.
fn notes_actix_routes<E: NotesApi + std::fmt::Debug>(config: &mut actix_web::web::ServiceConfig) {
    use actix_web::web;
    use api_errors::actix::{HttpError, Json};

    #[derive(serde::Deserialize)]
    struct NewNote {
        #[allow(dead_code, reason = "read by the rejection only")]
        title: String,
    }
    async fn note<E: NotesApi + std::fmt::Debug>(
        id: web::Path<u64>,
    ) -> Result<String, HttpError<E>> {
        Err(E::no_note(*id).into())
    }
    async fn create(Json(_): Json<NewNote>) -> &'static str {
        "created"
    }
    async fn panics() -> String {
        panic!("{PANIC}");
    }
    async fn slow() -> &'static str {
        actix_web::rt::time::sleep(std::time::Duration::from_secs(10)).await;
        "too late"
    }
    config
        .service(web::resource("/notes/{id}").route(web::get().to(note::<E>)))
        .service(web::resource("/notes").route(web::post().to(create)))
        .route("/panic", web::get().to(panics))
        .route("/slow", web::get().to(slow));
}

/// What the notes service answers over 127.0.0.1: each error with the id.
const NOTES_ERRORS: [(&str, &str); 6] = [
    ("GET", "/notes/999"),
    ("POST", "/notes"),
    ("GET", "/nowhere"),
    ("DELETE", "/notes/999"),
    ("GET", "/panic"),
    ("GET", "/slow"),
];

/// `NOTES_ERRORS` sent to `addr` with an id: every answer an error that
/// carries it.
fn notes_answers_carry_the_id(addr: std::net::SocketAddr) {
    let agent = servers::client(std::time::Duration::from_secs(30));
    for (method, path) in NOTES_ERRORS {
        let url = format!("http://{addr}{path}");
        let sent = match method {
            "GET" => agent.get(&url).header("x-request-id", "req-e2e").call(),
            "DELETE" => agent.delete(&url).header("x-request-id", "req-e2e").call(),
            _ => agent
                .post(&url)
                .header("x-request-id", "req-e2e")
                .header("content-type", "application/json")
                .send(r#"{"title": 7}"#),
        };
        let response = sent.unwrap_or_else(|error| panic!("{method} {path}: {error}"));
        assert!(
            response.status().as_u16() >= 400,
            "{method} {path}: {}",
            response.status()
        );
        assert_eq!(
            response
                .headers()
                .get("x-request-id")
                .map(|id| id.to_str().unwrap()),
            Some("req-e2e"),
            "{method} {path}"
        );
    }
}

fn notes_over_the_socket_on_both_frameworks<E: NotesApi + std::fmt::Debug>() {
    servers::quiet_planned_panics(PANIC);
    let server = servers::AxumServer::start(app::<E>());
    notes_answers_carry_the_id(server.addr);
    drop(server);
    let server = servers::ActixServer::start(|listener| {
        Ok(actix_web::HttpServer::new(|| {
            actix_web::App::new()
                .configure(notes_actix_routes::<E>)
                .wrap(
                    api_errors::actix::FrameworkErrors::<E>::new()
                        .timeout(std::time::Duration::from_millis(200)),
                )
        })
        .workers(1)
        .listen(listener)?
        .run())
    });
    notes_answers_carry_the_id(server.addr);
}

#[test]
fn test_over_127_0_0_1_oz_answers_carry_the_id_on_both_frameworks() {
    notes_over_the_socket_on_both_frameworks::<NoteError>();
}

#[test]
fn test_over_127_0_0_1_entrecode_answers_carry_the_id_on_both_frameworks() {
    notes_over_the_socket_on_both_frameworks::<NoteProblem>();
}

/// The traced service's one operation, documented with `ErrorDocs`.
mod traced_docs {
    use api_errors::openapi::ErrorDocs;
    use utoipa::OpenApi;

    use super::Problem;

    /// A note.
    #[utoipa::path(get, path = "/notes/{id}", params(("id" = u64, Path, description = "The note")),
        responses((status = 200, description = "The note"), Problem))]
    #[allow(dead_code, reason = "documented, not served")]
    fn get_note() {}

    const DOCS: ErrorDocs<Problem> = ErrorDocs::new();

    #[derive(OpenApi)]
    #[openapi(paths(get_note), modifiers(&DOCS))]
    pub struct Documented;
}

#[test]
fn test_the_framework_answers_documented_by_error_docs_show_the_member_too() {
    use utoipa::OpenApi as _;

    let document = serde_json::to_value(traced_docs::Documented::openapi()).unwrap();
    let operation = &document["paths"]["/notes/{id}"]["get"]["responses"];
    // The path parameter that does not parse: a framework answer, 400.
    let content = &operation["400"]["content"]["application/problem+json"];
    let example = &content["examples"]["framework: invalid_path_parameter"]["value"];
    assert!(example["trace_id"].is_string(), "{example}");
    assert_eq!(
        content["schema"]["allOf"][1]["properties"]["trace_id"]["type"],
        "string"
    );
}

#[test]
fn test_actix_takes_the_id_an_outer_middleware_set() {
    use actix_web::dev::Service as _;
    use actix_web::http::header::{HeaderName, HeaderValue};

    let (status, id, body) = actix_web::rt::System::new().block_on(async {
        let app = actix_web::test::init_service(
            actix_web::App::new()
                .configure(traced_actix_routes)
                .wrap(traced_actix_errors())
                // Outermost: sets the id of every request, as a request-id
                // middleware does.
                .wrap_fn(|mut request, service| {
                    request.headers_mut().insert(
                        HeaderName::from_static("x-request-id"),
                        HeaderValue::from_static("set-by-middleware"),
                    );
                    service.call(request)
                }),
        )
        .await;
        let request = actix_web::test::TestRequest::get()
            .uri("/notes/2")
            .to_request();
        let response = actix_web::test::call_service(&app, request).await;
        let status = response.status().as_u16();
        let id = response
            .headers()
            .get("x-request-id")
            .map(|id| id.to_str().unwrap().to_owned());
        let body = actix_web::test::read_body(response).await;
        (status, id, String::from_utf8(body.to_vec()).unwrap())
    });
    assert_eq!(status, 404);
    assert_eq!(id.as_deref(), Some("set-by-middleware"));
    assert!(
        body.ends_with(r#","trace_id":"set-by-middleware"}"#),
        "{body}"
    );
}
