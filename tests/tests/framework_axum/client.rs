//! The client, the checks of an answer against its case, and the server.

use std::net::SocketAddr;
use std::time::Duration;

use api_errors::entrecode::Problem;
use api_errors::oz::OzBody;
use api_errors_tests::servers::AxumServer;

use super::cases::{Call, Case, Expected, Wire};
use super::errors::{NoteError, NoteProblem};
use super::service::app;

/// One response, read whole.
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub headers: http::HeaderMap,
    pub body: Vec<u8>,
}

pub fn client() -> ureq::Agent {
    api_errors_tests::servers::client(Duration::from_secs(30))
}

pub fn send(agent: &ureq::Agent, addr: SocketAddr, call: &Call) -> Answer {
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
pub enum Format {
    Oz,
    Entrecode,
}

pub fn check(format: Format, case: &Case, answer: &Answer) {
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

/// The service in `format` on an ephemeral port; stopped on drop.
pub fn serve(format: Format) -> AxumServer {
    AxumServer::start(match format {
        Format::Oz => app::<NoteError>(),
        Format::Entrecode => app::<NoteProblem>(),
    })
}
