//! End to end: the demo API served by axum and by actix-web on 127.0.0.1
//! (an ephemeral port, started and stopped by each test), called with a real
//! HTTP client. Every route's status, `Content-Type` and body are checked,
//! and error bodies are parsed back with the client functions. A bounded
//! load test sends 1,000 requests with 50 in flight. rfc9457 problems, which
//! the demo has none of, are served in memory.

use std::net::SocketAddr;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, ResponseError, web};
use api_errors::ApiError;
use api_errors::actix::HttpError;
use api_errors::entrecode::Problem;
use api_errors::framework::{FrameworkError, FromFrameworkError};
use api_errors::oz::OzBody;
use api_errors_demo::{self as demo, BodyError, CapsuleError, EntryError, StorageError};
use api_errors_tests::servers::{ActixServer, AxumServer};

/// What a route must answer.
struct Route {
    path: &'static str,
    status: u16,
    content_type: &'static str,
    body: String,
}

fn ok(path: &'static str, body: &str) -> Route {
    Route {
        path,
        status: 200,
        content_type: "text/plain; charset=utf-8",
        body: body.to_owned(),
    }
}

fn failed<E: ApiError>(path: &'static str, error: &E) -> Route {
    Route {
        path,
        status: error.status(),
        content_type: error.content_type(),
        body: error.to_json(),
    }
}

/// Every route of the demo API and its expected answer: the error bodies are
/// the errors' own `to_json()`, checked against the seeds elsewhere.
fn routes() -> Vec<Route> {
    vec![
        ok("/oz/capsules/1", "capsule 1"),
        failed("/oz/capsules/7", &CapsuleError::NotFound(7)),
        ok("/oz/search?q=capsule", "results for capsule"),
        failed("/oz/search", &CapsuleError::MissingQuery("q")),
        failed(
            "/oz/health",
            &CapsuleError::Database(StorageError::connection_refused()),
        ),
        failed("/oz/nothing/here", &no_route::<CapsuleError>()),
        ok("/entrecode/lookup?name=first", "entry first"),
        failed(
            "/entrecode/lookup",
            &EntryError::MissingQuery {
                name: "name",
                cause: Some(BodyError::MissingProperty("property")),
            },
        ),
        failed(
            "/entrecode/health",
            &EntryError::Internal(StorageError::connection_refused()),
        ),
        failed("/entrecode/nothing", &no_route::<EntryError>()),
        failed("/nothing", &no_route::<CapsuleError>()),
    ]
}

/// `E`'s answer to a path no route has (its `framework` variant's row).
fn no_route<E: FromFrameworkError>() -> E {
    E::from_framework_error(FrameworkError::NotFound)
}

/// One response, read whole.
struct Answer {
    status: u16,
    content_type: String,
    body: Vec<u8>,
}

fn client() -> ureq::Agent {
    api_errors_tests::servers::client(Duration::from_secs(10))
}

fn get(agent: &ureq::Agent, addr: SocketAddr, path: &str) -> Answer {
    send(agent, addr, "GET", path, None)
}

/// Checks one answer against its route; error bodies must parse back.
fn check(route: &Route, answer: &Answer) {
    assert_eq!(answer.status, route.status, "status of {}", route.path);
    assert_eq!(
        answer.content_type, route.content_type,
        "content type of {}",
        route.path
    );
    assert_eq!(
        String::from_utf8_lossy(&answer.body),
        route.body,
        "body of {}",
        route.path
    );
    match route.content_type {
        "application/json" => {
            let parsed =
                OzBody::from_response(answer.status, Some(&answer.content_type), &answer.body)
                    .unwrap_or_else(|error| panic!("{}: {error}", route.path));
            assert_eq!(serde_json::to_string(&parsed).unwrap(), route.body);
        }
        "application/problem+json" => {
            let parsed =
                Problem::from_response(answer.status, Some(&answer.content_type), &answer.body)
                    .unwrap_or_else(|error| panic!("{}: {error}", route.path));
            assert_eq!(serde_json::to_string(&parsed).unwrap(), route.body);
        }
        _ => {}
    }
}

fn check_every_route(addr: SocketAddr) {
    let agent = client();
    for route in routes() {
        check(&route, &get(&agent, addr, route.path));
    }
}

/// 1,000 requests, 50 in flight (50 clients of 20 requests each, over every
/// route): every response must be complete and the one its request asked for.
fn load(addr: SocketAddr) {
    const CLIENTS: usize = 50;
    const REQUESTS_PER_CLIENT: usize = 20;
    let started = Instant::now();
    let clients: Vec<JoinHandle<usize>> = (0..CLIENTS)
        .map(|client_index| {
            thread::spawn(move || {
                let agent = client();
                let routes = routes();
                for request in 0..REQUESTS_PER_CLIENT {
                    let route = &routes[(client_index + request) % routes.len()];
                    check(route, &get(&agent, addr, route.path));
                }
                REQUESTS_PER_CLIENT
            })
        })
        .collect();
    let answered: usize = clients
        .into_iter()
        .map(|client| client.join().expect("a client failed a check"))
        .sum();
    let elapsed = started.elapsed();
    assert_eq!(answered, CLIENTS * REQUESTS_PER_CLIENT);
    #[allow(clippy::cast_precision_loss, reason = "a figure for the log")]
    let rate = answered as f64 / elapsed.as_secs_f64();
    eprintln!(
        "load: {answered} requests, {CLIENTS} in flight, all correct, in {elapsed:.2?} ({rate:.0} requests/s)"
    );
}

// The same API with actix-web: handlers use `?` on the derived errors.

async fn capsule(id: web::Path<u64>) -> Result<String, HttpError<CapsuleError>> {
    Ok(demo::capsule(*id)?)
}

async fn search(request: HttpRequest) -> Result<String, HttpError<CapsuleError>> {
    Ok(demo::search(
        Some(request.query_string()).filter(|query| !query.is_empty()),
    )?)
}

async fn capsule_health() -> Result<String, HttpError<CapsuleError>> {
    Ok(demo::capsule_health()?)
}

async fn lookup(request: HttpRequest) -> actix_web::Result<String> {
    // A handler returning actix-web's own `Result`: the wrapper converts.
    demo::lookup(Some(request.query_string()).filter(|query| !query.is_empty()))
        .map_err(|error| HttpError(error).into())
}

async fn entry_health() -> Result<String, HttpError<EntryError>> {
    Ok(demo::entry_health()?)
}

async fn unrouted(request: HttpRequest) -> HttpResponse {
    if request.path().starts_with("/entrecode/") {
        HttpError(no_route::<EntryError>()).error_response()
    } else {
        HttpError(no_route::<CapsuleError>()).error_response()
    }
}

fn actix_routes(config: &mut web::ServiceConfig) {
    config
        .route("/oz/capsules/{id}", web::get().to(capsule))
        .route("/oz/search", web::get().to(search))
        .route("/oz/health", web::get().to(capsule_health))
        .route("/entrecode/lookup", web::get().to(lookup))
        .route("/entrecode/health", web::get().to(entry_health))
        .default_service(web::to(unrouted));
}

/// The axum demo on an ephemeral port.
fn axum_demo() -> AxumServer {
    AxumServer::start(demo::router())
}

/// The actix-web demo on an ephemeral port.
fn actix_demo() -> ActixServer {
    ActixServer::start(|listener| {
        Ok(HttpServer::new(|| App::new().configure(actix_routes))
            .workers(2)
            .listen(listener)?
            .run())
    })
}

#[test]
fn test_axum_answers_every_route() {
    let server = axum_demo();
    check_every_route(server.addr);
}

#[test]
fn test_actix_web_answers_every_route() {
    let server = actix_demo();
    check_every_route(server.addr);
}

#[test]
fn test_axum_under_load() {
    let server = axum_demo();
    load(server.addr);
}

#[test]
fn test_actix_web_under_load() {
    let server = actix_demo();
    load(server.addr);
}

#[test]
fn test_internal_errors_say_nothing_on_the_wire() {
    let server = axum_demo();
    let agent = client();
    for path in ["/oz/health", "/entrecode/health"] {
        let answer = get(&agent, server.addr, path);
        let body = String::from_utf8(answer.body).unwrap();
        assert_eq!(answer.status, 500, "{path}");
        for secret in ["hunter2", "10.0.0.7", "capsule store", "StorageError"] {
            assert!(!body.contains(secret), "{path} leaks {secret:?}: {body}");
        }
    }
}

/// One request with a method and a JSON body (or none), read whole.
fn send(
    agent: &ureq::Agent,
    addr: SocketAddr,
    method: &str,
    path: &str,
    json: Option<&str>,
) -> Answer {
    let uri = format!("http://{addr}{path}");
    let request = http::Request::builder().method(method).uri(&uri);
    let response = match json {
        Some(body) => agent.run(
            request
                .header("content-type", "application/json")
                .body(body.to_owned())
                .unwrap(),
        ),
        None => agent.run(request.body(()).unwrap()),
    };
    let mut response = response.expect("the server answers");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response
        .body_mut()
        .read_to_vec()
        .expect("the body is read whole");
    Answer {
        status: response.status().as_u16(),
        content_type,
        body,
    }
}

/// The demo's own framework routes (`cargo run -p api-errors-demo --example
/// server`): JSON bodies, typed path and query parameters, a panic and a
/// wrong method, each part in its format, bodies written out.
#[test]
fn test_the_demo_answers_the_frameworks_errors_in_each_parts_format() {
    /// Method, path, JSON body; status, media type, body.
    type Case = (
        &'static str,
        &'static str,
        Option<&'static str>,
        u16,
        &'static str,
        String,
    );
    const OZ: &str = "application/json";
    const PROBLEM: &str = "application/problem+json";
    fn problem(status: u16, code: u16, title: &str, detail: Option<&str>) -> String {
        let detail = detail.map_or_else(String::new, |detail| format!(r#","detail":"{detail}""#));
        format!(
            r#"{{"status":{status},"code":{code},"title":"{title}","type":"https://entrecode.de/doc/errors/{code}"{detail},"_links":{{"up":{{"title":"Demo API","href":"http://127.0.0.1"}},"describedby":{{"title":"Error Description","href":"https://entrecode.de/doc/errors/{code}"}}}}}}"#
        )
    }
    let server = axum_demo();
    let agent = client();
    let cases: Vec<Case> = vec![
        ("POST", "/oz/capsules", Some(r#"{"name":"a","size":3}"#), 201, "text/plain; charset=utf-8", "created a (3 bytes)".into()),
        ("POST", "/oz/capsules", Some(r#"{"name":"a"}"#), 400, OZ,
            r#"{"error_code":3,"error_message":"Missing property","details":"size"}"#.into()),
        ("POST", "/oz/capsules", Some(r#"{"name":"a","size":"big"}"#), 400, OZ,
            r#"{"error_code":4,"error_message":"Invalid value","details":"size"}"#.into()),
        ("POST", "/oz/capsules", Some("not json"), 400, OZ,
            r#"{"error_code":3,"error_message":"Invalid structure","details":null}"#.into()),
        ("GET", "/oz/capsules/abc", None, 400, OZ,
            r#"{"error_code":5,"error_message":"Invalid type","details":"id"}"#.into()),
        ("GET", "/oz/capsules?limit=abc", None, 400, OZ,
            r#"{"error_code":5,"error_message":"Invalid type","details":"limit"}"#.into()),
        ("GET", "/oz/capsules", None, 400, OZ,
            r#"{"error_code":3,"error_message":"Missing query parameter","details":"limit"}"#.into()),
        ("GET", "/oz/panic", None, 500, OZ,
            r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#.into()),
        ("DELETE", "/oz/capsules/1", None, 405, OZ,
            r#"{"error_code":1,"error_message":"Method not allowed","details":null}"#.into()),
        ("POST", "/entrecode/entries", Some(r#"{"title":"t","tags":["a"]}"#), 201, "text/plain; charset=utf-8", "created t (1 tags)".into()),
        ("POST", "/entrecode/entries", Some(r#"{"tags":[]}"#), 400, PROBLEM,
            problem(400, 2201, "Missing property in JSON body", Some("title"))),
        ("POST", "/entrecode/entries", Some(r#"{"title":"t","tags":["a",1]}"#), 400, PROBLEM,
            problem(400, 2211, "Invalid format for property in JSON body", Some("tags[1]"))),
        ("GET", "/entrecode/entries/abc", None, 404, PROBLEM,
            problem(404, 2100, "Resource not found", Some("id"))),
        ("GET", "/entrecode/search?limit=x", None, 400, PROBLEM,
            problem(400, 2212, "Invalid format for property in query string", Some("limit"))),
        ("GET", "/entrecode/search", None, 400, PROBLEM,
            problem(400, 2202, "Missing property in query string", Some("limit"))),
        // What the document says of `count` (a required u32) is what is answered.
        ("GET", "/entrecode/entries?count=abc", None, 400, PROBLEM,
            problem(400, 2212, "Invalid format for property in query string", Some("count"))),
        ("GET", "/entrecode/entries", None, 400, PROBLEM,
            problem(400, 2202, "Missing property in query string", Some("count"))),
        ("GET", "/entrecode/entries?count=3", None, 200, "text/plain; charset=utf-8", "3 entries".into()),
        // The nested API's root and unknown paths are its own.
        ("GET", "/entrecode/", None, 404, PROBLEM, problem(404, 2100, "Resource not found", None)),
        ("GET", "/entrecode/panic", None, 500, PROBLEM, problem(500, 2000, "Internal Error", None)),
        ("DELETE", "/entrecode/search", None, 405, PROBLEM, problem(405, 2110, "Method not allowed", None)),
    ];
    for (method, path, body, status, content_type, expected) in cases {
        let answer = send(&agent, server.addr, method, path, body);
        let what = format!("{method} {path}");
        assert_eq!(answer.status, status, "{what}");
        assert_eq!(answer.content_type, content_type, "{what}");
        assert_eq!(String::from_utf8(answer.body).unwrap(), expected, "{what}");
    }
}

/// Serving rfc9457 problems: the derived axum `IntoResponse` and actix-web's
/// `HttpError` answer with the variant's status, `application/problem+json`
/// and the body; and with `framework_errors` left to the format's defaults
/// (the status's variant: 400, 404, 405, 413, 415, 500, 503), the
/// framework's own errors (no route, a method not allowed, a body that is
/// not JSON, a missing property) are answered in rfc9457 by
/// `FrameworkErrorsLayer` (axum) and `FrameworkErrors` (actix-web), in
/// memory. Each answer is compared with a body written out by hand and read
/// back with `ProblemDetails::from_response`.
mod rfc9457 {
    use actix_web::ResponseError as _;
    use actix_web::dev::Service as _;
    use api_errors::ApiError;
    use api_errors::framework::{FrameworkError, FromFrameworkError};
    use api_errors::rfc9457::ProblemDetails;
    use axum::body::Body;
    use axum::http::Request;
    use serde::Deserialize;
    use tower::ServiceExt as _;

    #[derive(Debug, ApiError)]
    #[api(
        format = "rfc9457",
        type_base = "https://example.com/probs/",
        framework_errors
    )]
    enum ShopError {
        #[api(
            status = 403,
            type = "out-of-credit",
            title = "You do not have enough credit.",
            detail = "Your current balance is {balance}, but that costs {cost}.",
            extensions(balance)
        )]
        OutOfCredit { balance: u64, cost: u64 },
        /// A property of the request is missing or has the wrong type.
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
        #[api(status = 500)]
        Internal,
        #[api(status = 503)]
        Unavailable,
    }

    const OUT_OF_CREDIT: &str = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","balance":30}"#;

    fn blank(status: u16, title: &str) -> String {
        format!(r#"{{"type":"about:blank","title":"{title}","status":{status}}}"#)
    }

    fn bad_property(name: &str) -> String {
        format!(r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"{name}"}}"#)
    }

    /// An answer: its status, media type and body, read back as a problem.
    #[track_caller]
    fn assert_answer(status: u16, content_type: Option<&str>, body: &[u8], expected: (u16, &str)) {
        assert_eq!(
            (status, std::str::from_utf8(body).unwrap()),
            expected,
            "the answer"
        );
        assert_eq!(content_type, Some("application/problem+json"));
        let problem = ProblemDetails::from_response(status, content_type, body)
            .expect("the answer reads back as a problem");
        assert_eq!(problem.status, Some(status));
    }

    #[test]
    fn test_the_defaults_answer_every_framework_error() {
        let cases = [
            (
                FrameworkError::MissingProperty {
                    property: "profile.color",
                },
                bad_property("profile.color"),
            ),
            (
                FrameworkError::InvalidProperty {
                    property: "tags[1]",
                },
                bad_property("tags[1]"),
            ),
            (FrameworkError::InvalidBody, blank(400, "Bad Request")),
            (FrameworkError::MissingBody, blank(400, "Bad Request")),
            (
                FrameworkError::UnsupportedMediaType,
                blank(415, "Unsupported Media Type"),
            ),
            (
                FrameworkError::PayloadTooLarge,
                blank(413, "Content Too Large"),
            ),
            (
                FrameworkError::InvalidPathParameter { parameter: "id" },
                bad_property("id"),
            ),
            (
                FrameworkError::MissingQueryParameter { parameter: "limit" },
                bad_property("limit"),
            ),
            (
                FrameworkError::InvalidQueryParameter { parameter: "limit" },
                bad_property("limit"),
            ),
            (FrameworkError::NotFound, blank(404, "Not Found")),
            (
                FrameworkError::MethodNotAllowed,
                blank(405, "Method Not Allowed"),
            ),
            (FrameworkError::Panic, blank(500, "Internal Server Error")),
            (FrameworkError::Timeout, blank(503, "Service Unavailable")),
            // Another status: its own variant, else one of its class.
            (
                FrameworkError::Status(503),
                blank(503, "Service Unavailable"),
            ),
            (FrameworkError::Status(429), blank(400, "Bad Request")),
            (
                FrameworkError::Status(502),
                blank(500, "Internal Server Error"),
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(
                ShopError::from_framework_error(error).to_json(),
                expected,
                "{error:?}"
            );
        }
    }

    // ---------------------------------------------------------------------------
    // axum.

    #[derive(Debug, Deserialize)]
    struct Order {
        #[allow(dead_code, reason = "read to be checked, never used")]
        item: String,
    }

    async fn buy(
        api_errors::axum::Json(_order): api_errors::axum::Json<Order>,
    ) -> Result<&'static str, ShopError> {
        Err(ShopError::OutOfCredit {
            balance: 30,
            cost: 50,
        })
    }

    fn axum_app() -> axum::Router {
        axum::Router::new()
            .route("/buy", axum::routing::post(buy))
            .layer(api_errors::axum::FrameworkErrorsLayer::<ShopError>::new())
    }

    /// `request` answered by the axum app: status, media type, `Allow`, body.
    fn axum_call(request: Request<Body>) -> (u16, Option<String>, Option<String>, Vec<u8>) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let response = axum_app().oneshot(request).await.unwrap();
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .map(|value| value.to_str().unwrap().to_owned())
            };
            let (status, content_type, allow) = (
                response.status().as_u16(),
                header("content-type"),
                header("allow"),
            );
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            (status, content_type, allow, body.to_vec())
        })
    }

    fn json_post(uri: &str, body: &'static str) -> Request<Body> {
        Request::post(uri)
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap()
    }

    #[test]
    fn test_axum_answers_a_derived_error_with_its_status_media_type_and_body() {
        let response = axum::response::IntoResponse::into_response(ShopError::OutOfCredit {
            balance: 30,
            cost: 50,
        });
        assert_eq!(response.status(), 403);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let (status, content_type, _, body) = axum_call(json_post("/buy", r#"{"item":"book"}"#));
        assert_answer(status, content_type.as_deref(), &body, (403, OUT_OF_CREDIT));
    }

    #[test]
    fn test_axum_answers_the_frameworks_errors_in_rfc9457() {
        let not_found = blank(404, "Not Found");
        let (status, content_type, _, body) =
            axum_call(Request::get("/nowhere").body(Body::empty()).unwrap());
        assert_answer(status, content_type.as_deref(), &body, (404, &not_found));

        let method = blank(405, "Method Not Allowed");
        let (status, content_type, allow, body) =
            axum_call(Request::get("/buy").body(Body::empty()).unwrap());
        assert_answer(status, content_type.as_deref(), &body, (405, &method));
        assert_eq!(allow.as_deref(), Some("POST"), "the Allow header is kept");

        let invalid = blank(400, "Bad Request");
        let (status, content_type, _, body) = axum_call(json_post("/buy", "{not json"));
        assert_answer(status, content_type.as_deref(), &body, (400, &invalid));

        let missing = bad_property("item");
        let (status, content_type, _, body) = axum_call(json_post("/buy", "{}"));
        assert_answer(status, content_type.as_deref(), &body, (400, &missing));
    }

    // ---------------------------------------------------------------------------
    // actix-web.

    async fn actix_buy(
        api_errors::actix::Json(_order): api_errors::actix::Json<Order>,
    ) -> Result<&'static str, api_errors::actix::HttpError<ShopError>> {
        Err(ShopError::OutOfCredit {
            balance: 30,
            cost: 50,
        })?
    }

    /// `request` answered by the actix-web app: status, media type, `Allow`,
    /// body.
    fn actix_call(
        request: actix_web::test::TestRequest,
    ) -> (u16, Option<String>, Option<String>, Vec<u8>) {
        actix_web::rt::System::new().block_on(async {
            let app = actix_web::test::init_service(
                actix_web::App::new()
                    // A resource answers a method it has no route for with 405.
                    .service(
                        actix_web::web::resource("/buy")
                            .route(actix_web::web::post().to(actix_buy)),
                    )
                    .wrap(api_errors::actix::FrameworkErrors::<ShopError>::new()),
            )
            .await;
            let response = match app.call(request.to_request()).await {
                Ok(response) => response.into_parts().1.map_into_boxed_body(),
                Err(error) => error.error_response(),
            };
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .map(|value| value.to_str().unwrap().to_owned())
            };
            let (status, content_type, allow) = (
                response.status().as_u16(),
                header("content-type"),
                header("allow"),
            );
            let body = actix_web::body::to_bytes(response.into_body())
                .await
                .unwrap();
            (status, content_type, allow, body.to_vec())
        })
    }

    fn actix_json_post(body: &'static str) -> actix_web::test::TestRequest {
        actix_web::test::TestRequest::post()
            .uri("/buy")
            .insert_header(("content-type", "application/json"))
            .set_payload(body)
    }

    #[test]
    fn test_actix_web_answers_a_derived_error_with_its_status_media_type_and_body() {
        let response = api_errors::actix::HttpError(ShopError::OutOfCredit {
            balance: 30,
            cost: 50,
        })
        .error_response();
        assert_eq!(response.status(), 403);
        let (status, content_type, _, body) = actix_call(actix_json_post(r#"{"item":"book"}"#));
        assert_answer(status, content_type.as_deref(), &body, (403, OUT_OF_CREDIT));
    }

    #[test]
    fn test_actix_web_answers_the_frameworks_errors_in_rfc9457() {
        let not_found = blank(404, "Not Found");
        let (status, content_type, _, body) =
            actix_call(actix_web::test::TestRequest::get().uri("/nowhere"));
        assert_answer(status, content_type.as_deref(), &body, (404, &not_found));

        let method = blank(405, "Method Not Allowed");
        let (status, content_type, _, body) =
            actix_call(actix_web::test::TestRequest::get().uri("/buy"));
        assert_answer(status, content_type.as_deref(), &body, (405, &method));

        let invalid = blank(400, "Bad Request");
        let (status, content_type, _, body) = actix_call(actix_json_post("{not json"));
        assert_answer(status, content_type.as_deref(), &body, (400, &invalid));

        let missing = bad_property("item");
        let (status, content_type, _, body) = actix_call(actix_json_post("{}"));
        assert_answer(status, content_type.as_deref(), &body, (400, &missing));
    }
}
