//! End to end: an actix-web service whose every error is in its format.
//!
//! The same routes are served twice on 127.0.0.1 (ephemeral ports), once
//! for an Oz error type and once for an entrecode one, each wrapped in
//! `api_errors::actix::FrameworkErrors` and reading requests with
//! `api_errors::actix::{Json, Query, Path, Form}`. Each bad request is sent
//! with a real HTTP client and its answer checked against a hand-written
//! expectation: status, media type, a body the format's client type parses
//! (entrecode: its `status` equal to the HTTP status), code and detail (the
//! property's path), the headers a status needs (`Allow`, `Retry-After`,
//! the variant's own), and no framework text. A
//! load test mixes good and bad requests, 50 in flight.

use std::io::Read;
use std::net::SocketAddr;

use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use actix_web::dev::Service;
use actix_web::{App, HttpResponse, HttpServer, web};
use api_errors::ApiError;
use api_errors::actix::{BodyLimit, Form, FrameworkErrors, HttpError, Json, Path, Query};
use api_errors::entrecode::Problem;
use api_errors::framework::{FrameworkError, FromFrameworkError};
use api_errors::oz::OzBody;
use api_errors_tests::logs;
use api_errors_tests::servers::ActixServer;
use serde::{Deserialize, Serialize};

// The two error types. Their `FromFrameworkError` is written by hand with
// the defaults the crate documents (Oz 3, 4, 5, 10, 1, 0; entrecode x201
// with the property as detail, x211, x200, x202, x212, x100, x110, x000).

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzError {
    #[api(code = 3, title = "Unreadable request")]
    Unreadable,
    #[api(code = 3, title = "Missing {0}", detail = 0)]
    Missing(String),
    #[api(code = 4, detail = property)] // "Invalid value", 400
    Invalid { property: String },
    #[api(code = 5, detail = parameter)] // "Invalid type", 400
    BadParameter { parameter: String },
    #[api(code = 10)] // "Resource not found", 404
    NotFound,
    #[api(code = 1)] // "Method not allowed", 405
    Method,
    #[api(code = 0)] // "Unknown server side error occurred", 500
    Unknown,
    #[api(code = 13)] // "No data container provided", 400: a handler's own
    NoContainer,
}

impl FromFrameworkError for OzError {
    fn from_framework_error(error: FrameworkError<'_>) -> Self {
        match error {
            FrameworkError::MissingProperty { property } => OzError::Missing(property.into()),
            FrameworkError::MissingQueryParameter { parameter } => {
                OzError::Missing(parameter.into())
            }
            FrameworkError::InvalidProperty { property } => OzError::Invalid {
                property: property.into(),
            },
            FrameworkError::InvalidPathParameter { parameter }
            | FrameworkError::InvalidQueryParameter { parameter } => OzError::BadParameter {
                parameter: parameter.into(),
            },
            FrameworkError::NotFound => OzError::NotFound,
            FrameworkError::MethodNotAllowed => OzError::Method,
            FrameworkError::Panic | FrameworkError::Timeout => OzError::Unknown,
            FrameworkError::Status(status) if status >= 500 => OzError::Unknown,
            _ => OzError::Unreadable,
        }
    }
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Notes", href = "https://notes.example")
)]
enum NotesError {
    #[api(code = 1201, detail = property)]
    MissingProperty { property: String },
    #[api(code = 1211, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 1200)]
    BodyNotRead,
    #[api(code = 1202, detail = parameter)]
    MissingQuery { parameter: String },
    #[api(code = 1212, detail = parameter)]
    InvalidQuery { parameter: String },
    #[api(code = 1100)]
    NotFound,
    #[api(code = 1100, detail = parameter)]
    NoSuchPath { parameter: String },
    #[api(code = 1110)]
    Method,
    #[api(code = 1000)]
    Internal,
    // Its own `Retry-After` wins over the replaced response's.
    #[api(
        code = 1290,
        status = 429,
        title = "Too many requests",
        headers(retry_after = "60")
    )]
    TooMany,
    #[api(code = 1203)] // "Missing file in upload", 400: a handler's own
    NoFile,
}

impl FromFrameworkError for NotesError {
    fn from_framework_error(error: FrameworkError<'_>) -> Self {
        match error {
            FrameworkError::MissingProperty { property } => NotesError::MissingProperty {
                property: property.into(),
            },
            FrameworkError::InvalidProperty { property } => NotesError::InvalidProperty {
                property: property.into(),
            },
            FrameworkError::MissingQueryParameter { parameter } => NotesError::MissingQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidQueryParameter { parameter } => NotesError::InvalidQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidPathParameter { parameter } => NotesError::NoSuchPath {
                parameter: parameter.into(),
            },
            FrameworkError::NotFound => NotesError::NotFound,
            FrameworkError::MethodNotAllowed => NotesError::Method,
            FrameworkError::Status(429) => NotesError::TooMany,
            FrameworkError::Panic | FrameworkError::Timeout => NotesError::Internal,
            FrameworkError::Status(status) if status >= 500 => NotesError::Internal,
            _ => NotesError::BodyNotRead,
        }
    }
}

/// What the routes need of an error type besides the framework's cases.
trait Served: FromFrameworkError + 'static {
    /// An error of the handler's own, answered through `HttpError`.
    fn own() -> Self;
}

impl Served for OzError {
    fn own() -> Self {
        OzError::NoContainer
    }
}

impl Served for NotesError {
    fn own() -> Self {
        NotesError::NoFile
    }
}

// The service.

#[derive(Deserialize)]
struct NewNote {
    title: String,
    tags: Vec<String>,
    profile: Profile,
    pinned: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Profile {
    color: String,
    #[serde(rename = "fontSize")]
    font_size: u8,
}

#[derive(Serialize)]
struct Created {
    title: String,
    tags: usize,
    pinned: bool,
    color: String,
    size: u8,
}

async fn create(Json(note): Json<NewNote>) -> Json<Created> {
    Json(Created {
        title: note.title,
        tags: note.tags.len(),
        pinned: note.pinned.unwrap_or(false),
        color: note.profile.color,
        size: note.profile.font_size,
    })
}

#[derive(Deserialize)]
struct Page {
    limit: u32,
    cursor: Option<String>,
}

async fn list(Query(page): Query<Page>) -> String {
    format!(
        "{} notes after {}",
        page.limit,
        page.cursor.as_deref().unwrap_or("the start")
    )
}

async fn note<E: Served>(Path(id): Path<u64>) -> Result<String, HttpError<E>> {
    if id == 13 {
        Err(HttpError(E::own()))
    } else {
        Ok(format!("note {id}"))
    }
}

async fn user_note(Path((user, id)): Path<(String, u64)>) -> String {
    format!("{user}'s note {id}")
}

#[derive(Deserialize)]
struct Login {
    user: String,
    age: Option<u8>,
}

async fn login(Form(login): Form<Login>) -> String {
    format!("hello {} ({})", login.user, login.age.unwrap_or(0))
}

/// actix-web's own extractor: its 400 (with text naming the field) is
/// answered by the middleware by its status.
async fn actix_json(note: web::Json<NewNote>) -> String {
    note.into_inner().title
}

/// Every panic the service means to have carries this text, which must
/// never reach the wire.
const PLANNED_PANIC: &str = "the capsule store password is hunter2";

async fn panics() -> HttpResponse {
    panic!("{PLANNED_PANIC}");
}

async fn slow() -> String {
    actix_web::rt::time::sleep(Duration::from_secs(10)).await;
    "too late".into()
}

/// A middleware's answer outside the format: text and a `Retry-After`.
async fn limited() -> HttpResponse {
    HttpResponse::TooManyRequests()
        .insert_header(("retry-after", "30"))
        .insert_header(("x-request-id", "r-7"))
        .insert_header(("content-language", "en"))
        .body("slow down, you are a u64 of requests")
}

fn routes<E: Served>(config: &mut web::ServiceConfig) {
    config
        .service(
            web::resource("/notes")
                .route(web::get().to(list))
                .route(web::post().to(create)),
        )
        .route("/notes/{id}", web::get().to(note::<E>))
        .route("/users/{user}/notes/{id}", web::get().to(user_note))
        .service(
            web::resource("/login")
                .route(web::get().to(login))
                .route(web::post().to(login)),
        )
        .service(
            web::resource("/small")
                .app_data(BodyLimit::new(16))
                .route(web::post().to(create)),
        )
        .route("/actix-json", web::post().to(actix_json))
        .route("/panic", web::get().to(panics))
        .route("/slow", web::get().to(slow))
        .route("/limited", web::get().to(limited));
}

/// The service for `E` on an ephemeral port; stopped on drop.
fn start<E: Served>() -> ActixServer {
    quiet_planned_panics();
    ActixServer::start(|listener| {
        let server = HttpServer::new(|| {
            App::new()
                .configure(routes::<E>)
                // A timeout middleware, answering with an error
                // (not a response) when the handler is too slow.
                .wrap_fn(|request, service| {
                    let limit = if request.path() == "/slow" {
                        Duration::from_millis(200)
                    } else {
                        Duration::from_secs(60)
                    };
                    let call = service.call(request);
                    async move {
                        match actix_web::rt::time::timeout(limit, call).await {
                            Ok(answer) => answer,
                            Err(_) => Err(actix_web::error::ErrorGatewayTimeout(
                                "timed out after 200ms",
                            )),
                        }
                    }
                })
                // A middleware that panics in `call`, before any
                // future exists.
                .wrap_fn(|request, service| {
                    assert!(request.path() != "/panic-in-call", "{PLANNED_PANIC}");
                    service.call(request)
                })
                .wrap(FrameworkErrors::<E>::new())
        });
        Ok(server.workers(2).listen(listener)?.run())
    })
}

/// The panic hook stays quiet for the service's planned panics (the load
/// test has dozens) and reports every other as before.
fn quiet_planned_panics() {
    api_errors_tests::servers::quiet_planned_panics(PLANNED_PANIC);
}

// The client.

/// One request.
#[derive(Clone)]
struct Request {
    method: &'static str,
    path: String,
    content_type: Option<&'static str>,
    body: Option<Vec<u8>>,
    /// Send the body chunked, without a `Content-Length`.
    chunked: bool,
}

fn get(path: &str) -> Request {
    Request {
        method: "GET",
        path: path.to_owned(),
        content_type: None,
        body: None,
        chunked: false,
    }
}

fn post(path: &str, content_type: Option<&'static str>, body: impl Into<Vec<u8>>) -> Request {
    Request {
        method: "POST",
        path: path.to_owned(),
        content_type,
        body: Some(body.into()),
        chunked: false,
    }
}

const JSON: Option<&str> = Some("application/json");
const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

/// One response, read whole.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: Option<String>,
    /// Every header, its values joined with `, `.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(found, _)| found == name)
            .map(|(_, value)| value.as_str())
    }
}

fn client() -> ureq::Agent {
    api_errors_tests::servers::client(Duration::from_secs(20))
}

fn send(agent: &ureq::Agent, addr: SocketAddr, request: &Request) -> Answer {
    let url = format!("http://{addr}{}", request.path);
    let answer = match (request.method, &request.body) {
        ("GET", None) => agent.get(&url).call(),
        ("DELETE", None) => agent.delete(&url).call(),
        (_, body) => {
            let mut builder = agent.post(&url);
            if let Some(content_type) = request.content_type {
                builder = builder.header("content-type", content_type);
            }
            let body = body.as_deref().unwrap_or_default();
            if request.chunked {
                let mut reader = body;
                builder.send(ureq::SendBody::from_reader(&mut reader))
            } else {
                builder.send(body)
            }
        }
    };
    let mut response = answer
        .unwrap_or_else(|error| panic!("{} {}: no answer: {error}", request.method, request.path));
    let mut headers: Vec<(String, String)> = Vec::new();
    for name in response.headers().keys() {
        let values: Vec<&str> = response
            .headers()
            .get_all(name)
            .iter()
            .map(|value| value.to_str().unwrap())
            .collect();
        headers.push((name.as_str().to_owned(), values.join(", ")));
    }
    let content_type = headers
        .iter()
        .find(|(name, _)| name == "content-type")
        .map(|(_, value)| value.clone());
    let mut body = Vec::new();
    response
        .body_mut()
        .as_reader()
        .read_to_end(&mut body)
        .expect("the body is read whole");
    Answer {
        status: response.status().as_u16(),
        content_type,
        headers,
        body,
    }
}

// What each request must be answered with.

/// The answer in one format: status, code, detail, and headers.
#[derive(Clone, Copy)]
struct Expected {
    status: u16,
    code: u16,
    detail: Option<&'static str>,
    /// Headers the answer must have (`Some`) or must not (`None`).
    headers: &'static [(&'static str, Option<&'static str>)],
}

const fn expect(status: u16, code: u16, detail: Option<&'static str>) -> Expected {
    Expected {
        status,
        code,
        detail,
        headers: &[],
    }
}

impl Expected {
    const fn with(self, headers: &'static [(&'static str, Option<&'static str>)]) -> Self {
        Expected { headers, ..self }
    }
}

/// A bad request and its answer in each format.
struct Bad {
    what: &'static str,
    request: Request,
    oz: Expected,
    entrecode: Expected,
}

fn bad(what: &'static str, request: Request, oz: Expected, entrecode: Expected) -> Bad {
    Bad {
        what,
        request,
        oz,
        entrecode,
    }
}

const PROFILE: &str = r#""profile":{"color":"red","fontSize":12}"#;

fn note_body(fields: &str) -> String {
    format!("{{{fields}}}")
}

/// Every bad request, with the answer each format gives it. The entrecode
/// body states its status, so the variant's status is answered (x200 is
/// 400 even for a body too large); Oz keeps the framework's status where
/// the code's class allows (code 3 answers 413, 415 and 429).
#[allow(clippy::too_many_lines, reason = "one table")]
fn bad_requests() -> Vec<Bad> {
    let unreadable = (expect(400, 3, None), expect(400, 1200, None));
    let too_large = (expect(413, 3, None), expect(400, 1200, None));
    let media_type = (expect(415, 3, None), expect(400, 1200, None));
    let valid = note_body(&format!(r#""title":"t","tags":["a"],{PROFILE}"#));
    let three_mib = vec![b' '; 3 << 20];
    let mut chunked = post("/notes", JSON, three_mib.clone());
    chunked.chunked = true;
    let mut list = vec![
        bad(
            "malformed JSON",
            post("/notes", JSON, r#"{"title":"#),
            unreadable.0,
            unreadable.1,
        ),
        bad(
            "JSON cut short",
            post("/notes", JSON, &valid[..valid.len() - 1]),
            unreadable.0,
            unreadable.1,
        ),
        bad(
            "a string for the note",
            post("/notes", JSON, r#""note""#),
            unreadable.0,
            unreadable.1,
        ),
        bad(
            "an empty body",
            post("/notes", JSON, ""),
            unreadable.0,
            unreadable.1,
        ),
        bad(
            "an empty body, no Content-Type",
            post("/notes", None, ""),
            unreadable.0,
            unreadable.1,
        ),
        bad(
            "a missing property",
            post(
                "/notes",
                JSON,
                note_body(&format!(r#""tags":[],{PROFILE}"#)),
            ),
            expect(400, 3, Some("title")),
            expect(400, 1201, Some("title")),
        ),
        bad(
            "a missing nested property",
            post(
                "/notes",
                JSON,
                r#"{"title":"t","tags":[],"profile":{"fontSize":1}}"#,
            ),
            expect(400, 3, Some("profile.color")),
            expect(400, 1201, Some("profile.color")),
        ),
        bad(
            "a property of the wrong type",
            post(
                "/notes",
                JSON,
                r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":"big"}}"#,
            ),
            expect(400, 4, Some("profile.fontSize")),
            expect(400, 1211, Some("profile.fontSize")),
        ),
        bad(
            "a property out of range",
            post(
                "/notes",
                JSON,
                r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":300}}"#,
            ),
            expect(400, 4, Some("profile.fontSize")),
            expect(400, 1211, Some("profile.fontSize")),
        ),
        bad(
            "an array element of the wrong type",
            post(
                "/notes",
                JSON,
                r#"{"title":"t","tags":["a",7],"profile":{"color":"red","fontSize":1}}"#,
            ),
            expect(400, 4, Some("tags[1]")),
            expect(400, 1211, Some("tags[1]")),
        ),
        bad(
            "an optional property of the wrong type",
            post(
                "/notes",
                JSON,
                note_body(&format!(
                    r#""title":"t","tags":[],{PROFILE},"pinned":"yes""#
                )),
            ),
            expect(400, 4, Some("pinned")),
            expect(400, 1211, Some("pinned")),
        ),
        bad(
            "an unknown property where none is allowed",
            post(
                "/notes",
                JSON,
                r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":1,"font":2}}"#,
            ),
            expect(400, 4, Some("profile.font")),
            expect(400, 1211, Some("profile.font")),
        ),
        bad(
            "JSON as text/plain",
            post("/notes", Some("text/plain"), valid.clone()),
            media_type.0,
            media_type.1,
        ),
        bad(
            "JSON without a Content-Type",
            post("/notes", None, valid.clone()),
            media_type.0,
            media_type.1,
        ),
        bad(
            "JSON as application/xml",
            post("/notes", Some("application/xml"), valid.clone()),
            media_type.0,
            media_type.1,
        ),
        bad(
            "a 3 MiB body",
            post("/notes", JSON, three_mib),
            too_large.0,
            too_large.1,
        ),
        bad("a 3 MiB body, chunked", chunked, too_large.0, too_large.1),
        bad(
            "a body over a resource's own limit",
            post("/small", JSON, valid.clone()),
            too_large.0,
            too_large.1,
        ),
        bad(
            "a path parameter that is not a number",
            get("/notes/abc"),
            expect(400, 5, Some("id")),
            expect(404, 1100, Some("id")),
        ),
        bad(
            "a negative path parameter",
            get("/notes/-1"),
            expect(400, 5, Some("id")),
            expect(404, 1100, Some("id")),
        ),
        bad(
            "a tuple's second path parameter",
            get("/users/ann/notes/x"),
            expect(400, 5, Some("id")),
            expect(404, 1100, Some("id")),
        ),
        bad(
            "a query parameter that is not a number",
            get("/notes?limit=abc"),
            expect(400, 5, Some("limit")),
            expect(400, 1212, Some("limit")),
        ),
        bad(
            "a negative query parameter",
            get("/notes?limit=-1&cursor=x"),
            expect(400, 5, Some("limit")),
            expect(400, 1212, Some("limit")),
        ),
        bad(
            "a missing query parameter",
            get("/notes?cursor=x"),
            expect(400, 3, Some("limit")),
            expect(400, 1202, Some("limit")),
        ),
        bad(
            "a form without a field",
            post("/login", FORM, "age=3"),
            expect(400, 3, Some("user")),
            expect(400, 1201, Some("user")),
        ),
        bad(
            "a form field that is not a number",
            post("/login", FORM, "user=ann&age=old"),
            expect(400, 4, Some("age")),
            expect(400, 1211, Some("age")),
        ),
        bad(
            "a GET form (the query string) without a field",
            get("/login?age=3"),
            expect(400, 3, Some("user")),
            expect(400, 1201, Some("user")),
        ),
        bad(
            "a form sent as JSON",
            post("/login", JSON, r#"{"user":"ann"}"#),
            media_type.0,
            media_type.1,
        ),
        bad(
            "actix-web's own Json extractor",
            post("/actix-json", JSON, r#"{"title":7}"#),
            expect(400, 3, None),
            expect(400, 1200, None),
        ),
        bad(
            "an unknown route",
            get("/nothing/here"),
            expect(404, 10, None),
            expect(404, 1100, None),
        ),
        bad(
            "a panicking handler",
            get("/panic"),
            expect(500, 0, None),
            expect(500, 1000, None),
        ),
        bad(
            "a middleware panicking in call",
            get("/panic-in-call"),
            expect(500, 0, None),
            expect(500, 1000, None),
        ),
        bad(
            // Whatever status the timeout middleware gave (504 here), a
            // timeout is answered as one: Oz keeps the case's 503 (a
            // server error, like the variant's), which the OpenAPI document
            // lists.
            "a timeout",
            get("/slow"),
            expect(503, 0, None),
            expect(500, 1000, None),
        ),
        bad(
            "the handler's own error, passed as it is",
            get("/notes/13"),
            expect(400, 13, None),
            expect(400, 1203, None),
        ),
    ];
    let allow = &[("allow", Some("GET, POST"))];
    list.push(bad(
        "a method the resource does not take",
        Request {
            method: "DELETE",
            ..get("/notes")
        },
        expect(405, 1, None).with(allow),
        expect(405, 1110, None).with(allow),
    ));
    // The replaced response's headers are kept but those of its body; the
    // variant's own win.
    list.push(bad(
        "a handler's plain 429",
        get("/limited"),
        expect(429, 3, None).with(&[
            ("retry-after", Some("30")),
            ("x-request-id", Some("r-7")),
            ("content-language", None),
        ]),
        expect(429, 1290, None).with(&[
            ("retry-after", Some("60")),
            ("x-request-id", Some("r-7")),
            ("content-language", None),
        ]),
    ));
    list
}

/// Text of the framework, serde or the service's internals that must
/// never be on the wire.
const FRAMEWORK_TEXT: [&str; 14] = [
    "Failed to deserialize",
    "missing field",
    "invalid type",
    "unknown field",
    "expected",
    "u64",
    "u8",
    "Json",
    "NewNote",
    "Profile",
    "hunter2",
    "panicked",
    "timed out",
    "slow down",
];

#[derive(Clone, Copy)]
enum Format {
    Oz,
    Entrecode,
}

/// Checks one bad request's answer in `format`.
fn check_bad(format: Format, bad: &Bad, answer: &Answer) {
    let what = bad.what;
    let expected = match format {
        Format::Oz => bad.oz,
        Format::Entrecode => bad.entrecode,
    };
    assert_eq!(answer.status, expected.status, "{what}: status");
    let text = String::from_utf8_lossy(&answer.body);
    for framework in FRAMEWORK_TEXT {
        assert!(
            !text.contains(framework),
            "{what}: {framework:?} on the wire: {text}"
        );
    }
    let content_type = answer.content_type.as_deref();
    let (code, detail) = match format {
        Format::Oz => {
            assert_eq!(content_type, Some("application/json"), "{what}: media type");
            let body = OzBody::from_response(answer.status, content_type, &answer.body)
                .unwrap_or_else(|error| panic!("{what}: {error}"));
            let detail = match body.details {
                api_errors::json::Value::Null => None,
                api_errors::json::Value::Text(detail) => Some(detail),
                other => panic!("{what}: details {other}"),
            };
            (body.error_code, detail)
        }
        Format::Entrecode => {
            assert_eq!(
                content_type,
                Some("application/problem+json"),
                "{what}: media type"
            );
            let body = Problem::from_response(answer.status, content_type, &answer.body)
                .unwrap_or_else(|error| panic!("{what}: {error}"));
            assert_eq!(body.status, answer.status, "{what}: the body's status");
            (body.code, body.detail)
        }
    };
    assert_eq!(code, expected.code, "{what}: code in {text}");
    assert_eq!(
        detail.as_deref(),
        expected.detail,
        "{what}: detail in {text}"
    );
    for &(name, value) in expected.headers {
        assert_eq!(answer.header(name), value, "{what}: {name}");
    }
}

/// A good request and its answer (the same in both formats).
fn good_requests() -> Vec<(Request, u16, String)> {
    let note = note_body(&format!(
        r#""title":"t","tags":["a","b"],{PROFILE},"pinned":true"#
    ));
    vec![
        (
            post("/notes", JSON, note.clone()),
            200,
            r#"{"title":"t","tags":2,"pinned":true,"color":"red","size":12}"#.into(),
        ),
        (
            post(
                "/notes",
                Some("application/vnd.notes+json; charset=utf-8"),
                note,
            ),
            200,
            r#"{"title":"t","tags":2,"pinned":true,"color":"red","size":12}"#.into(),
        ),
        (get("/notes?limit=5"), 200, "5 notes after the start".into()),
        (
            get("/notes?limit=5&cursor=n7"),
            200,
            "5 notes after n7".into(),
        ),
        (get("/notes/7"), 200, "note 7".into()),
        (get("/users/ann/notes/7"), 200, "ann's note 7".into()),
        (
            post("/login", FORM, "user=ann&age=30"),
            200,
            "hello ann (30)".into(),
        ),
        (get("/login?user=bob"), 200, "hello bob (0)".into()),
    ]
}

fn check_good(request: &Request, status: u16, body: &str, answer: &Answer) {
    assert_eq!(
        (
            answer.status,
            String::from_utf8_lossy(&answer.body).as_ref()
        ),
        (status, body),
        "{} {}",
        request.method,
        request.path
    );
}

fn answers_every_bad_request(format: Format, addr: SocketAddr) {
    let agent = client();
    let bad = bad_requests();
    assert!(bad.len() >= 25, "{} bad requests", bad.len());
    for case in &bad {
        check_bad(format, case, &send(&agent, addr, &case.request));
    }
    for (request, status, body) in good_requests() {
        check_good(&request, status, &body, &send(&agent, addr, &request));
    }
}

#[test]
fn test_oz_service_answers_every_bad_request_in_its_format() {
    let server = start::<OzError>();
    answers_every_bad_request(Format::Oz, server.addr);
}

#[test]
fn test_entrecode_service_answers_every_bad_request_in_its_format() {
    let server = start::<NotesError>();
    answers_every_bad_request(Format::Entrecode, server.addr);
}

/// 1,000 requests, 50 in flight (50 clients of 20), good and bad mixed:
/// every answer whole and the one its request asked for.
fn load(format: Format, addr: SocketAddr) {
    const CLIENTS: usize = 50;
    const REQUESTS_PER_CLIENT: usize = 20;
    let started = Instant::now();
    let clients: Vec<JoinHandle<usize>> = (0..CLIENTS)
        .map(|client_index| {
            thread::spawn(move || {
                let agent = client();
                // The slow and the large requests are the first test's:
                // here they would only measure the timeout and the copy.
                let bad: Vec<Bad> = bad_requests()
                    .into_iter()
                    .filter(|case| {
                        case.request.path != "/slow"
                            && case
                                .request
                                .body
                                .as_ref()
                                .is_none_or(|body| body.len() < 4096)
                    })
                    .collect();
                let good = good_requests();
                for request in 0..REQUESTS_PER_CLIENT {
                    let index = client_index * REQUESTS_PER_CLIENT + request;
                    if index.is_multiple_of(2) {
                        let (request, status, body) = &good[(index / 2) % good.len()];
                        check_good(request, *status, body, &send(&agent, addr, request));
                    } else {
                        let case = &bad[(index / 2) % bad.len()];
                        check_bad(format, case, &send(&agent, addr, &case.request));
                    }
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
        "load: {answered} requests (half bad), {CLIENTS} in flight, all correct, in {elapsed:.2?} ({rate:.0} requests/s)"
    );
}

#[test]
fn test_oz_service_under_load() {
    let server = start::<OzError>();
    load(Format::Oz, server.addr);
}

#[test]
fn test_entrecode_service_under_load() {
    let server = start::<NotesError>();
    load(Format::Entrecode, server.addr);
}

#[test]
fn test_a_panic_is_logged_at_error_level_and_answered_without_it() {
    quiet_planned_panics();
    // In process, on this thread, so that the subscriber sees the
    // middleware's log.
    let ((status, body), log) = logs::capture(|| {
        actix_web::rt::System::new().block_on(async {
            let app = actix_web::test::init_service(
                App::new()
                    .configure(routes::<NotesError>)
                    .wrap(FrameworkErrors::<NotesError>::new()),
            )
            .await;
            let request = actix_web::test::TestRequest::get()
                .uri("/panic")
                .to_request();
            // The panic is answered as an error; actix-web writes its response.
            let error = match app.call(request).await {
                Ok(response) => panic!("a panic answered as a response: {}", response.status()),
                Err(error) => error,
            };
            let response = error.error_response();
            let status = response.status().as_u16();
            let body = actix_web::body::to_bytes(response.into_body())
                .await
                .unwrap();
            (status, body)
        })
    });
    assert!(log.contains("ERROR"), "{log}");
    assert!(log.contains("a request handler panicked"), "{log}");
    assert!(log.contains(PLANNED_PANIC), "{log}");
    assert_eq!(status, 500);
    let problem = Problem::from_response(status, Some("application/problem+json"), &body).unwrap();
    assert_eq!((problem.code, problem.detail), (1000, None));
    assert!(!String::from_utf8_lossy(&body).contains("hunter2"));
}

/// An error response another middleware returns as an `Err` (a redirect to
/// the login page, say) that needs no answer goes on as it was: actix-web's
/// `InternalError` hands its response over once, so the middleware must
/// pass that response on, not the emptied error.
#[test]
fn test_an_error_it_does_not_replace_keeps_its_response() {
    use actix_web::dev::ServiceResponse;
    use actix_web::error::InternalError;
    use actix_web::test::{TestRequest, init_service};

    actix_web::rt::System::new().block_on(async {
        let app = init_service(
            App::new()
                .wrap_fn(|_request, _service| {
                    let login = HttpResponse::Found()
                        .insert_header(("location", "/login"))
                        .finish();
                    std::future::ready(Err::<ServiceResponse, _>(
                        InternalError::from_response("login first", login).into(),
                    ))
                })
                .wrap(FrameworkErrors::<OzError>::new())
                .route("/", web::get().to(|| async { "hello" })),
        )
        .await;
        // actix-web answers an `Err` with its `error_response()`.
        let error = app
            .call(TestRequest::get().uri("/").to_request())
            .await
            .expect_err("the inner middleware's error goes on as an error");
        let response = error.error_response();
        assert_eq!(response.status(), 302);
        assert_eq!(
            response
                .headers()
                .get("location")
                .map(actix_web::http::header::HeaderValue::as_bytes),
            Some(&b"/login"[..])
        );
    });
}

/// A service's own error type with a `Display` of its own, made a
/// `ResponseError` by `response_error!`: handlers return it and use `?` on
/// the errors that convert into it.
mod own_response_error {
    use std::fmt;

    use api_errors::ApiError;

    /// A foreign error (a database driver's).
    #[derive(Debug)]
    pub struct DbError;

    impl fmt::Display for DbError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("connection to 10.0.0.7:5432 refused")
        }
    }

    impl std::error::Error for DbError {}

    /// Another foreign error, that the service answers with a 429.
    #[derive(Debug)]
    pub struct Throttled(pub u64);

    #[derive(Debug, ApiError)]
    #[api(format = "oz")]
    pub enum ServiceError {
        #[api(code = 4, status = 429, title = "Slow down", headers(retry_after = 0))]
        TooMany(u64),
        #[api(code = 12)]
        Database(DbError),
    }

    impl fmt::Display for ServiceError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                ServiceError::TooMany(seconds) => write!(f, "throttled for {seconds} s"),
                ServiceError::Database(_) => f.write_str("the database failed"),
            }
        }
    }

    impl std::error::Error for ServiceError {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            match self {
                ServiceError::Database(cause) => Some(cause),
                ServiceError::TooMany(_) => None,
            }
        }
    }

    impl From<DbError> for ServiceError {
        fn from(error: DbError) -> Self {
            ServiceError::Database(error)
        }
    }

    impl From<Throttled> for ServiceError {
        fn from(error: Throttled) -> Self {
            ServiceError::TooMany(error.0)
        }
    }

    api_errors::actix::response_error!(ServiceError);

    pub async fn load() -> Result<String, ServiceError> {
        Err(DbError)?
    }

    pub async fn throttled() -> Result<String, ServiceError> {
        Err(Throttled(30))?
    }
}

#[test]
fn test_a_type_of_the_service_is_its_own_response_error_with_headers_and_log() {
    use own_response_error::{load, throttled};
    let ((database, throttled), log) = logs::capture(|| {
        actix_web::rt::System::new().block_on(async {
            let app = actix_web::test::init_service(
                App::new()
                    .route("/load", web::get().to(load))
                    .route("/throttled", web::get().to(throttled)),
            )
            .await;
            let mut answers = Vec::new();
            for uri in ["/load", "/throttled"] {
                let request = actix_web::test::TestRequest::get().uri(uri).to_request();
                let response = actix_web::test::call_service(&app, request).await;
                let status = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .map(|value| value.to_str().unwrap().to_owned());
                let content_type = response
                    .headers()
                    .get("content-type")
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .to_owned();
                let body = actix_web::test::read_body(response).await;
                answers.push((
                    status,
                    content_type,
                    retry_after,
                    String::from_utf8(body.to_vec()).unwrap(),
                ));
            }
            (answers.remove(0), answers.remove(0))
        })
    });
    assert_eq!(
        database,
        (
            500,
            "application/json".to_owned(),
            None,
            r#"{"error_code":12,"error_message":"Database error","details":null}"#.to_owned()
        )
    );
    assert_eq!(
        throttled,
        (
            429,
            "application/json".to_owned(),
            Some("30".to_owned()),
            r#"{"error_code":4,"error_message":"Slow down","details":null}"#.to_owned()
        )
    );
    // The 5xx is logged with its cause; the 429 is not logged.
    let lines: Vec<&str> = log.lines().filter(|line| line.contains("ERROR")).collect();
    assert_eq!(lines.len(), 1, "{log}");
    assert!(
        lines[0].contains("connection to 10.0.0.7:5432 refused"),
        "{log}"
    );
}
