//! End to end: an axum service whose handlers take api-errors's extractors
//! (`Json`, `Query`, `Path`, `Form`), behind `FrameworkErrorsLayer`, served
//! on 127.0.0.1 (an ephemeral port) in both formats and called with a real
//! HTTP client. Every bad request must be answered in the format: an error
//! status, the format's media type, a body the format's client type parses
//! (entrecode: its `status` equal to the response's), the code, title and
//! detail written out below, and no framework text. A bounded load test
//! mixes good and bad requests.
//!
//! The error types implement `FromFrameworkError` by hand, as the
//! `framework_errors` defaults do (Oz 3, 4, 5, 10, 1, 0; entrecode x201,
//! x211, x200, x202, x212, x100, x110, x000).

use std::convert::Infallible;
use std::future::Ready;
use std::net::SocketAddr;
use std::sync::mpsc;
use std::task::{Context, Poll};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use api_errors::ApiError;
use api_errors::axum::{Form, FrameworkErrorsLayer, Json, Path, Query};
use api_errors::entrecode::Problem;
use api_errors::framework::{FrameworkError, FromFrameworkError};
use api_errors::oz::OzBody;
use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::header::RETRY_AFTER;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use tower_http::timeout::TimeoutLayer;

// ---------------------------------------------------------------------------
// The error types.

/// The notes API's errors, in the Oz format.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum NoteError {
    #[api(code = 3, title = "Missing property", detail = property)]
    MissingProperty { property: String },
    #[api(code = 4, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 3, title = "Unreadable body")]
    Unreadable,
    #[api(code = 3, title = "Missing query parameter", detail = parameter)]
    MissingQuery { parameter: String },
    #[api(code = 5, detail = parameter)]
    InvalidParameter { parameter: String },
    #[api(code = 10)]
    NotFound,
    #[api(code = 1)]
    Method,
    #[api(code = 0)]
    Internal,
    #[api(code = 3, status = 429, title = "Too many requests")]
    TooMany,
    /// The handler's own error: answered as it is, never converted.
    #[api(code = 10, title = "Note {0} not found")]
    NoNote(u64),
}

impl FromFrameworkError for NoteError {
    fn from_framework_error(error: FrameworkError<'_>) -> Self {
        match error {
            FrameworkError::MissingProperty { property } => NoteError::MissingProperty {
                property: property.into(),
            },
            FrameworkError::InvalidProperty { property } => NoteError::InvalidProperty {
                property: property.into(),
            },
            FrameworkError::MissingQueryParameter { parameter } => NoteError::MissingQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidQueryParameter { parameter }
            | FrameworkError::InvalidPathParameter { parameter } => NoteError::InvalidParameter {
                parameter: parameter.into(),
            },
            FrameworkError::NotFound => NoteError::NotFound,
            FrameworkError::MethodNotAllowed => NoteError::Method,
            FrameworkError::Status(429) => NoteError::TooMany,
            FrameworkError::Status(status) if status < 500 => NoteError::Unreadable,
            FrameworkError::InvalidBody
            | FrameworkError::MissingBody
            | FrameworkError::UnsupportedMediaType
            | FrameworkError::PayloadTooLarge => NoteError::Unreadable,
            _ => NoteError::Internal,
        }
    }
}

/// The same API's errors, in the entrecode format.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://notes.example/errors/{code}",
    up(title = "Notes API", href = "http://127.0.0.1")
)]
enum NoteProblem {
    #[api(code = 201, detail = property)]
    MissingProperty { property: String },
    #[api(code = 211, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 200)]
    BodyNotRead,
    #[api(code = 202, detail = parameter)]
    MissingQuery { parameter: String },
    #[api(code = 212, detail = parameter)]
    InvalidQuery { parameter: String },
    #[api(code = 100)]
    NotFound,
    #[api(code = 100, detail = parameter)]
    NoSuchPath { parameter: String },
    #[api(code = 110)]
    Method,
    #[api(code = 0)]
    Internal,
    #[api(code = 291, status = 429, title = "Too many requests")]
    TooMany,
    /// The handler's own error: answered as it is, never converted.
    #[api(code = 100, detail = 0)]
    NoNote(u64),
}

impl FromFrameworkError for NoteProblem {
    fn from_framework_error(error: FrameworkError<'_>) -> Self {
        match error {
            FrameworkError::MissingProperty { property } => NoteProblem::MissingProperty {
                property: property.into(),
            },
            FrameworkError::InvalidProperty { property } => NoteProblem::InvalidProperty {
                property: property.into(),
            },
            FrameworkError::MissingQueryParameter { parameter } => NoteProblem::MissingQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidQueryParameter { parameter } => NoteProblem::InvalidQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidPathParameter { parameter } => NoteProblem::NoSuchPath {
                parameter: parameter.into(),
            },
            FrameworkError::NotFound => NoteProblem::NotFound,
            FrameworkError::MethodNotAllowed => NoteProblem::Method,
            FrameworkError::Status(429) => NoteProblem::TooMany,
            FrameworkError::Status(status) if status < 500 => NoteProblem::BodyNotRead,
            FrameworkError::InvalidBody
            | FrameworkError::MissingBody
            | FrameworkError::UnsupportedMediaType
            | FrameworkError::PayloadTooLarge => NoteProblem::BodyNotRead,
            _ => NoteProblem::Internal,
        }
    }
}

/// What the handlers need of the error type they are served with.
trait NotesApi: FromFrameworkError + IntoResponse + Send + Sync + 'static {
    fn no_note(id: u64) -> Self;
}

impl NotesApi for NoteError {
    fn no_note(id: u64) -> Self {
        NoteError::NoNote(id)
    }
}

impl NotesApi for NoteProblem {
    fn no_note(id: u64) -> Self {
        NoteProblem::NoNote(id)
    }
}

// ---------------------------------------------------------------------------
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
    id: u64,
    title: String,
    tags: usize,
    color: String,
    size: u8,
    pinned: bool,
}

async fn create_note(Json(note): Json<NewNote>) -> (StatusCode, Json<Created>) {
    let created = Created {
        id: 2,
        title: note.title,
        tags: note.tags.len(),
        color: note.profile.color,
        size: note.profile.font_size,
        pinned: note.pinned.unwrap_or(false),
    };
    (StatusCode::CREATED, Json(created))
}

#[derive(Deserialize)]
struct Page {
    limit: u32,
    cursor: Option<String>,
}

async fn list_notes(Query(page): Query<Page>) -> String {
    format!(
        "{} notes after {}",
        page.limit,
        page.cursor.as_deref().unwrap_or("the start")
    )
}

async fn note<E: NotesApi>(Path(id): Path<u64>) -> Result<String, E> {
    if id == 1 {
        Ok("note 1".to_owned())
    } else {
        Err(E::no_note(id))
    }
}

async fn revision(Path((id, revision)): Path<(u64, u32)>) -> String {
    format!("note {id}, revision {revision}")
}

#[derive(Deserialize)]
struct BoardNote {
    board: String,
    note: u64,
}

async fn board_note(Path(path): Path<BoardNote>) -> String {
    format!("note {} on {}", path.note, path.board)
}

#[derive(Deserialize)]
struct Login {
    user: String,
    remember: bool,
}

async fn login(Form(login): Form<Login>) -> String {
    format!("welcome {} ({})", login.user, login.remember)
}

async fn panics() -> String {
    panic!("the database password is hunter2");
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(10)).await;
    "too late"
}

/// A middleware that answers outside the format: plain text, a 429 and a
/// `Retry-After`, as a rate limiter does.
async fn rate_limited(request: Request, next: Next) -> Response {
    drop((request, next));
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(RETRY_AFTER, "7")],
        "slow down",
    )
        .into_response()
}

/// A service that panics when called, before it has a future.
#[derive(Clone)]
struct PanicsWhenCalled;

impl tower_service::Service<Request> for PanicsWhenCalled {
    type Response = Response;
    type Error = Infallible;
    type Future = Ready<Result<Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _: Request) -> Self::Future {
        panic!("panicked in call, secret token 0xDEADBEEF");
    }
}

fn app<E: NotesApi>() -> Router {
    Router::new()
        .route("/notes", get(list_notes).post(create_note))
        .route("/notes/{id}", get(note::<E>))
        .route("/notes/{id}/revisions/{revision}", get(revision))
        .route("/boards/{board}/notes/{note}", get(board_note))
        .route("/login", get(login).post(login))
        .route("/panic", get(panics))
        .route_service("/panic-when-called", PanicsWhenCalled)
        .route(
            "/slow",
            get(slow).layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_millis(200),
            )),
        )
        .route(
            "/limited",
            get(|| async { "never" }).layer(middleware::from_fn(rate_limited)),
        )
        .layer(FrameworkErrorsLayer::<E>::new())
}

// ---------------------------------------------------------------------------
// The requests and what each must be answered with.

/// One request.
#[derive(Clone)]
struct Call {
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: Option<Vec<u8>>,
}

fn call_get(path: &'static str) -> Call {
    Call {
        method: "GET",
        path,
        content_type: None,
        body: None,
    }
}

fn post(path: &'static str, content_type: Option<&'static str>, body: &str) -> Call {
    Call {
        method: "POST",
        path,
        content_type,
        body: Some(body.as_bytes().to_vec()),
    }
}

fn post_json(body: &str) -> Call {
    post("/notes", Some("application/json"), body)
}

/// The error one format answers with.
#[derive(Clone, Copy)]
struct Wire {
    status: u16,
    code: u16,
    title: &'static str,
    detail: Option<&'static str>,
}

const fn wire(status: u16, code: u16, title: &'static str, detail: Option<&'static str>) -> Wire {
    Wire {
        status,
        code,
        title,
        detail,
    }
}

/// What a request must be answered with.
#[derive(Clone)]
enum Expected {
    /// A success, the same in both formats.
    Ok {
        status: u16,
        content_type: &'static str,
        body: &'static str,
    },
    /// An error: Oz's answer, entrecode's answer.
    Error { oz: Wire, entrecode: Wire },
}

#[derive(Clone)]
struct Case {
    name: &'static str,
    call: Call,
    expected: Expected,
    /// The `Allow` or `Retry-After` header the answer must keep.
    kept: Option<(&'static str, &'static str)>,
}

fn ok(name: &'static str, call: Call, content_type: &'static str, body: &'static str) -> Case {
    let status = if call.method == "POST" && call.path == "/notes" {
        201
    } else {
        200
    };
    Case {
        name,
        call,
        expected: Expected::Ok {
            status,
            content_type,
            body,
        },
        kept: None,
    }
}

fn bad(name: &'static str, call: Call, oz: Wire, entrecode: Wire) -> Case {
    Case {
        name,
        call,
        expected: Expected::Error { oz, entrecode },
        kept: None,
    }
}

const VALID: &str = r#"{"title":"t","tags":["a","b"],"profile":{"color":"red","fontSize":12}}"#;
const CREATED: &str = r#"{"id":2,"title":"t","tags":2,"color":"red","size":12,"pinned":false}"#;
const TEXT: &str = "text/plain; charset=utf-8";

// The codes and titles, written out.
const OZ_UNREADABLE: (u16, &str) = (3, "Unreadable body");
const OZ_MISSING: (u16, &str) = (3, "Missing property");
const OZ_INVALID: (u16, &str) = (4, "Invalid value");
const OZ_MISSING_QUERY: (u16, &str) = (3, "Missing query parameter");
const OZ_PARAMETER: (u16, &str) = (5, "Invalid type");
const EC_BODY: (u16, &str) = (2200, "Missing body");
const EC_MISSING: (u16, &str) = (2201, "Missing property in JSON body");
const EC_INVALID: (u16, &str) = (2211, "Invalid format for property in JSON body");
const EC_MISSING_QUERY: (u16, &str) = (2202, "Missing property in query string");
const EC_INVALID_QUERY: (u16, &str) = (2212, "Invalid format for property in query string");
const EC_NOT_FOUND: (u16, &str) = (2100, "Resource not found");

fn oz(status: u16, (code, title): (u16, &'static str), detail: Option<&'static str>) -> Wire {
    wire(status, code, title, detail)
}

/// entrecode states the status in the body: the variant's, always.
fn ec((code, title): (u16, &'static str), detail: Option<&'static str>) -> Wire {
    let status = match code {
        2100 => 404,
        2110 => 405,
        2000 => 500,
        2291 => 429,
        _ => 400,
    };
    wire(status, code, title, detail)
}

/// A JSON body that fails on `property`, both formats.
fn json_invalid(name: &'static str, body: &str, property: &'static str) -> Case {
    bad(
        name,
        post_json(body),
        oz(400, OZ_INVALID, Some(property)),
        ec(EC_INVALID, Some(property)),
    )
}

fn unreadable(name: &'static str, call: Call, oz_status: u16) -> Case {
    bad(
        name,
        call,
        oz(oz_status, OZ_UNREADABLE, None),
        ec(EC_BODY, None),
    )
}

fn good_requests() -> Vec<Case> {
    vec![
        ok(
            "a valid note",
            post_json(VALID),
            "application/json",
            CREATED,
        ),
        ok(
            "a valid note, charset given",
            post("/notes", Some("application/json; charset=utf-8"), VALID),
            "application/json",
            CREATED,
        ),
        ok(
            "a valid note, a +json type",
            post("/notes", Some("application/vnd.notes+json"), VALID),
            "application/json",
            CREATED,
        ),
        ok(
            "a page",
            call_get("/notes?limit=5"),
            TEXT,
            "5 notes after the start",
        ),
        ok(
            "a page after a cursor",
            call_get("/notes?limit=5&cursor=x%20y"),
            TEXT,
            "5 notes after x y",
        ),
        ok("a note", call_get("/notes/1"), TEXT, "note 1"),
        ok(
            "a revision",
            call_get("/notes/1/revisions/3"),
            TEXT,
            "note 1, revision 3",
        ),
        ok(
            "a board's note",
            call_get("/boards/b/notes/3"),
            TEXT,
            "note 3 on b",
        ),
        ok(
            "a login form",
            post(
                "/login",
                Some("application/x-www-form-urlencoded"),
                "user=ann&remember=true",
            ),
            TEXT,
            "welcome ann (true)",
        ),
        ok(
            "a login in the query",
            call_get("/login?user=ann&remember=false"),
            TEXT,
            "welcome ann (false)",
        ),
    ]
}

#[allow(
    clippy::too_many_lines,
    reason = "one row per request, read as a table"
)]
fn bad_requests() -> Vec<Case> {
    let mut cases = vec![
        unreadable("malformed JSON", post_json(r#"{"title":"#), 400),
        unreadable("not JSON at all", post_json("not json"), 400),
        unreadable(
            "trailing bytes",
            post_json(&format!("{VALID} and more")),
            400,
        ),
        unreadable("a JSON string for an object", post_json(r#""note""#), 400),
        unreadable("an empty body", post_json(""), 400),
        unreadable("no body, no content type", post("/notes", None, ""), 400),
        unreadable(
            "a body without content type",
            post("/notes", None, VALID),
            415,
        ),
        unreadable(
            "a text/plain body",
            post("/notes", Some("text/plain"), VALID),
            415,
        ),
        unreadable("text/json", post("/notes", Some("text/json"), VALID), 415),
        bad(
            "a missing property",
            post_json(r#"{"tags":[],"profile":{"color":"red","fontSize":1}}"#),
            oz(400, OZ_MISSING, Some("title")),
            ec(EC_MISSING, Some("title")),
        ),
        bad(
            "a missing nested property",
            post_json(r#"{"title":"t","tags":[],"profile":{"fontSize":1}}"#),
            oz(400, OZ_MISSING, Some("profile.color")),
            ec(EC_MISSING, Some("profile.color")),
        ),
        json_invalid(
            "a property of the wrong type",
            r#"{"title":5,"tags":[],"profile":{"color":"red","fontSize":1}}"#,
            "title",
        ),
        json_invalid(
            "an array element of the wrong type",
            r#"{"title":"t","tags":["a",7],"profile":{"color":"red","fontSize":1}}"#,
            "tags[1]",
        ),
        json_invalid(
            "a renamed nested property of the wrong type",
            r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":"big"}}"#,
            "profile.fontSize",
        ),
        json_invalid(
            "a number out of range",
            r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":300}}"#,
            "profile.fontSize",
        ),
        json_invalid(
            "an unknown property where none is allowed",
            r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":1,"font":"x"}}"#,
            "profile.font",
        ),
        json_invalid(
            "an optional property of the wrong type",
            r#"{"title":"t","tags":[],"profile":{"color":"red","fontSize":1},"pinned":"yes"}"#,
            "pinned",
        ),
        bad(
            "a path parameter that is not a number",
            call_get("/notes/abc"),
            oz(400, OZ_PARAMETER, Some("id")),
            ec(EC_NOT_FOUND, Some("id")),
        ),
        bad(
            "a negative path parameter",
            call_get("/notes/-1"),
            oz(400, OZ_PARAMETER, Some("id")),
            ec(EC_NOT_FOUND, Some("id")),
        ),
        bad(
            "a tuple's second path parameter",
            call_get("/notes/1/revisions/x"),
            oz(400, OZ_PARAMETER, Some("revision")),
            ec(EC_NOT_FOUND, Some("revision")),
        ),
        bad(
            "a struct's path parameter",
            call_get("/boards/b/notes/x"),
            oz(400, OZ_PARAMETER, Some("note")),
            ec(EC_NOT_FOUND, Some("note")),
        ),
        bad(
            "a query parameter that is not a number",
            call_get("/notes?limit=abc"),
            oz(400, OZ_PARAMETER, Some("limit")),
            ec(EC_INVALID_QUERY, Some("limit")),
        ),
        bad(
            "a negative query parameter",
            call_get("/notes?limit=-1"),
            oz(400, OZ_PARAMETER, Some("limit")),
            ec(EC_INVALID_QUERY, Some("limit")),
        ),
        bad(
            "no query string",
            call_get("/notes"),
            oz(400, OZ_MISSING_QUERY, Some("limit")),
            ec(EC_MISSING_QUERY, Some("limit")),
        ),
        bad(
            "a query string without the parameter",
            call_get("/notes?cursor=x"),
            oz(400, OZ_MISSING_QUERY, Some("limit")),
            ec(EC_MISSING_QUERY, Some("limit")),
        ),
        bad(
            "a form without a field",
            post(
                "/login",
                Some("application/x-www-form-urlencoded"),
                "user=ann",
            ),
            oz(400, OZ_MISSING, Some("remember")),
            ec(EC_MISSING, Some("remember")),
        ),
        bad(
            "a form field of the wrong type",
            post(
                "/login",
                Some("application/x-www-form-urlencoded"),
                "user=ann&remember=maybe",
            ),
            oz(400, OZ_INVALID, Some("remember")),
            ec(EC_INVALID, Some("remember")),
        ),
        bad(
            "a form in the query, without a field",
            call_get("/login?remember=true"),
            oz(400, OZ_MISSING, Some("user")),
            ec(EC_MISSING, Some("user")),
        ),
        unreadable(
            "a JSON body for a form",
            post("/login", Some("application/json"), r#"{"user":"ann"}"#),
            415,
        ),
        bad(
            "an unknown route",
            call_get("/nothing/here"),
            oz(404, (10, "Resource not found"), None),
            ec(EC_NOT_FOUND, None),
        ),
        bad(
            "a panicking handler",
            call_get("/panic"),
            oz(500, (0, "Unknown server side error occurred"), None),
            ec((2000, "Internal Error"), None),
        ),
        bad(
            "a service that panics when called",
            call_get("/panic-when-called"),
            oz(500, (0, "Unknown server side error occurred"), None),
            ec((2000, "Internal Error"), None),
        ),
        bad(
            "a timeout (tower-http's 408)",
            call_get("/slow"),
            // Oz keeps the framework's status for a timeout, 503.
            oz(503, (0, "Unknown server side error occurred"), None),
            ec((2000, "Internal Error"), None),
        ),
    ];
    let mut method = bad(
        "a method the route does not take",
        Call {
            method: "DELETE",
            ..call_get("/notes")
        },
        oz(405, (1, "Method not allowed"), None),
        ec((2110, "Method not allowed"), None),
    );
    method.kept = Some(("allow", "GET,HEAD,POST"));
    cases.push(method);
    let mut limited = bad(
        "a middleware's 429",
        call_get("/limited"),
        oz(429, (3, "Too many requests"), None),
        ec((2291, "Too many requests"), None),
    );
    limited.kept = Some(("retry-after", "7"));
    cases.push(limited);
    cases
}

/// A body over axum's default limit of 2 MiB.
fn too_large() -> Case {
    let mut body = br#"{"title":""#.to_vec();
    body.resize(3 * 1024 * 1024, b'a');
    body.extend_from_slice(br#"","tags":[],"profile":{"color":"red","fontSize":1}}"#);
    let mut case = unreadable("a 3 MiB body", post_json(""), 413);
    case.call.body = Some(body);
    case
}

// ---------------------------------------------------------------------------
// The client and the checks.

/// One response, read whole.
struct Answer {
    status: u16,
    content_type: String,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

fn send(agent: &ureq::Agent, addr: SocketAddr, call: &Call) -> Answer {
    let url = format!("http://{addr}{}", call.path);
    let sent = match (call.method, &call.body) {
        ("GET", None) => agent.get(&url).call(),
        ("DELETE", None) => agent.delete(&url).call(),
        ("POST", Some(body)) => {
            let request = agent.post(&url);
            let request = match call.content_type {
                Some(content_type) => request.header("content-type", content_type),
                None => request,
            };
            // As curl does for a large body: the server may answer before
            // the body is sent (and a 413 does), so the client never writes
            // into a closed connection.
            let request = if body.len() > 1024 * 1024 {
                request.header("expect", "100-continue")
            } else {
                request
            };
            if body.is_empty() {
                request.send_empty()
            } else {
                request.send(&body[..])
            }
        }
        (method, _) => panic!("no such call: {method}"),
    };
    let mut response =
        sent.unwrap_or_else(|error| panic!("{} {}: no answer: {error}", call.method, call.path));
    let headers = response.headers().clone();
    let content_type = headers
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
        headers,
        body,
    }
}

/// Text that would tell the client about the service's insides: Rust
/// types, serde's and axum's messages, the panics' secrets, the replaced
/// responses' bodies.
const FRAMEWORK_TEXT: &[&str] = &[
    "Failed to",
    "missing field",
    "invalid type",
    "invalid value:",
    "unknown field",
    "expected",
    "deserializ",
    "Cannot parse",
    "u64",
    "u32",
    "u8",
    "NewNote",
    "Profile",
    "Content-Type",
    "hunter2",
    "DEADBEEF",
    "panicked",
    "slow down",
    "Request Timeout",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Oz,
    Entrecode,
}

fn check(format: Format, case: &Case, answer: &Answer) {
    let name = case.name;
    let text = String::from_utf8_lossy(&answer.body);
    match &case.expected {
        Expected::Ok {
            status,
            content_type,
            body,
        } => {
            assert_eq!(answer.status, *status, "{name}: status; body {text}");
            assert_eq!(answer.content_type, *content_type, "{name}: content type");
            assert_eq!(text, *body, "{name}: body");
        }
        Expected::Error { oz, entrecode } => {
            let wire = if format == Format::Oz { oz } else { entrecode };
            assert_eq!(
                answer.status, wire.status,
                "{name} ({format:?}): status; body {text}"
            );
            for secret in FRAMEWORK_TEXT {
                assert!(
                    !text.contains(secret),
                    "{name} ({format:?}) says {secret:?}: {text}"
                );
            }
            match format {
                Format::Oz => check_oz(name, wire, answer),
                Format::Entrecode => check_problem(name, wire, answer),
            }
        }
    }
    if let Some((header, value)) = case.kept {
        assert_eq!(
            answer
                .headers
                .get(header)
                .and_then(|value| value.to_str().ok()),
            Some(value),
            "{name} ({format:?}): {header} kept"
        );
    }
}

fn check_oz(name: &str, wire: &Wire, answer: &Answer) {
    assert_eq!(
        answer.content_type, "application/json",
        "{name} (Oz): media type"
    );
    let body = OzBody::from_response(answer.status, Some(&answer.content_type), &answer.body)
        .unwrap_or_else(|error| panic!("{name} (Oz): {error}"));
    assert_eq!(body.error_code, wire.code, "{name} (Oz): code");
    assert_eq!(body.error_message, wire.title, "{name} (Oz): message");
    let details = wire
        .detail
        .map_or(serde_json::Value::Null, serde_json::Value::from);
    assert_eq!(body.details, details, "{name} (Oz): details");
}

fn check_problem(name: &str, wire: &Wire, answer: &Answer) {
    assert_eq!(
        answer.content_type, "application/problem+json",
        "{name} (entrecode): media type"
    );
    let body = Problem::from_response(answer.status, Some(&answer.content_type), &answer.body)
        .unwrap_or_else(|error| panic!("{name} (entrecode): {error}"));
    assert_eq!(
        body.status, answer.status,
        "{name} (entrecode): status member"
    );
    assert_eq!(body.code, wire.code, "{name} (entrecode): code");
    assert_eq!(body.title, wire.title, "{name} (entrecode): title");
    assert_eq!(
        body.detail.as_deref(),
        wire.detail,
        "{name} (entrecode): detail"
    );
    assert_eq!(
        body.type_url,
        format!("https://notes.example/errors/{}", wire.code),
        "{name} (entrecode): type"
    );
}

// ---------------------------------------------------------------------------
// The server.

/// An axum service on an ephemeral port; stopped (gracefully) on drop.
struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(format: Format) -> Self {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                ready_tx.send(listener.local_addr().unwrap()).unwrap();
                let app = match format {
                    Format::Oz => app::<NoteError>(),
                    Format::Entrecode => app::<NoteProblem>(),
                };
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = ready_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server starts");
        Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

// ---------------------------------------------------------------------------
// The tests.

fn answers_every_request(format: Format) {
    let server = Server::start(format);
    let agent = client();
    let bad = bad_requests();
    assert!(bad.len() >= 25, "{} bad requests", bad.len());
    for case in good_requests().iter().chain(&bad) {
        check(format, case, &send(&agent, server.addr, &case.call));
    }
}

#[test]
fn test_oz_answers_every_bad_request_in_its_format() {
    answers_every_request(Format::Oz);
}

#[test]
fn test_entrecode_answers_every_bad_request_in_its_format() {
    answers_every_request(Format::Entrecode);
}

#[test]
fn test_a_body_over_the_limit_is_answered_in_the_format() {
    for format in [Format::Oz, Format::Entrecode] {
        let server = Server::start(format);
        let case = too_large();
        check(format, &case, &send(&client(), server.addr, &case.call));
    }
}

#[test]
fn test_the_handlers_own_errors_pass_through() {
    let server = Server::start(Format::Oz);
    let answer = send(&client(), server.addr, &call_get("/notes/7"));
    assert_eq!(answer.status, 404);
    assert_eq!(
        String::from_utf8(answer.body).unwrap(),
        r#"{"error_code":10,"error_message":"Note 7 not found","details":null}"#
    );
    let server = Server::start(Format::Entrecode);
    let answer = send(&client(), server.addr, &call_get("/notes/7"));
    assert_eq!(answer.status, 404);
    assert_eq!(
        String::from_utf8(answer.body).unwrap(),
        concat!(
            r#"{"status":404,"code":2100,"title":"Resource not found","type":"https://notes.example/errors/2100","detail":"7","#,
            r#""_links":{"up":{"title":"Notes API","href":"http://127.0.0.1"},"#,
            r#""describedby":{"title":"Error Description","href":"https://notes.example/errors/2100"}}}"#
        )
    );
}

/// 1,000 requests, 50 in flight (50 clients of 20 requests each, over every
/// good and bad request): every answer must be whole and the one its request
/// asked for.
fn load(format: Format) {
    const CLIENTS: usize = 50;
    const REQUESTS_PER_CLIENT: usize = 20;
    let server = Server::start(format);
    let addr = server.addr;
    let started = Instant::now();
    let clients: Vec<JoinHandle<(usize, usize)>> = (0..CLIENTS)
        .map(|client_index| {
            thread::spawn(move || {
                let agent = client();
                let mut cases = good_requests();
                // Good and bad interleaved, so that every client sends both.
                for (index, case) in bad_requests().into_iter().enumerate() {
                    cases.insert((2 * index).min(cases.len()), case);
                }
                let mut bad = 0;
                for request in 0..REQUESTS_PER_CLIENT {
                    let case = &cases[(client_index * 7 + request) % cases.len()];
                    check(format, case, &send(&agent, addr, &case.call));
                    bad += usize::from(matches!(case.expected, Expected::Error { .. }));
                }
                (REQUESTS_PER_CLIENT, bad)
            })
        })
        .collect();
    let (answered, bad) = clients
        .into_iter()
        .map(|client| client.join().expect("a client failed a check"))
        .fold((0, 0), |(all, bad), (one, its_bad)| {
            (all + one, bad + its_bad)
        });
    let elapsed = started.elapsed();
    assert_eq!(answered, CLIENTS * REQUESTS_PER_CLIENT);
    assert!(
        bad > answered / 4 && bad < answered,
        "{bad} bad of {answered}"
    );
    #[allow(clippy::cast_precision_loss, reason = "a figure for the log")]
    let rate = answered as f64 / elapsed.as_secs_f64();
    eprintln!(
        "load ({format:?}): {answered} requests ({bad} bad), {CLIENTS} in flight, all correct, in {elapsed:.2?} ({rate:.0} requests/s)"
    );
}

#[test]
fn test_oz_under_load() {
    load(Format::Oz);
}

#[test]
fn test_entrecode_under_load() {
    load(Format::Entrecode);
}
