//! What the service must answer, written out by hand for each format (the
//! rows of the formats' `framework` variants as the crate documentation
//! lists them), and the check of an answer against it.

use api_errors::entrecode::Problem;
use api_errors::oz::OzBody;
use api_errors::rfc9457::ProblemDetails;

use super::raw::{Answer, Body, Request};

/// The service's three APIs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Api {
    /// entrecode, at the root.
    Entrecode,
    /// Oz, under `/oz`.
    Oz,
    /// RFC 9457, under `/std`.
    Std,
}

impl Api {
    pub const ALL: [Api; 3] = [Api::Entrecode, Api::Oz, Api::Std];

    pub fn prefix(self) -> &'static str {
        match self {
            Api::Entrecode => "",
            Api::Oz => "/oz",
            Api::Std => "/std",
        }
    }
}

/// One error answer in one format.
#[derive(Clone, Debug)]
pub struct Wire {
    pub status: u16,
    /// Oz `error_code`, entrecode `code`; `None` for RFC 9457.
    pub code: Option<u16>,
    pub title: &'static str,
    pub detail: Option<String>,
    /// RFC 9457 `type`.
    pub type_uri: &'static str,
}

fn wire(status: u16, code: u16, title: &'static str, detail: Option<&str>) -> Wire {
    Wire {
        status,
        code: Some(code),
        title,
        detail: detail.map(str::to_owned),
        type_uri: "",
    }
}

fn problem(status: u16, title: &'static str, detail: Option<String>) -> Wire {
    Wire {
        status,
        code: None,
        title,
        detail,
        type_uri: "about:blank",
    }
}

/// What each API answers to the framework error `case` (its key), which
/// hands over `name` (a property's path or a parameter's name) where it
/// has one.
pub fn framework_answer(api: Api, case: &str, name: &str) -> Wire {
    let named = Some(name);
    match (api, case) {
        (Api::Entrecode, "missing_property") => {
            wire(400, 2201, "Missing property in JSON body", named)
        }
        (Api::Entrecode, "invalid_property") => {
            wire(400, 2211, "Invalid format for property in JSON body", named)
        }
        (Api::Entrecode, "invalid_body") => wire(400, 2205, "Unreadable body", None),
        (Api::Entrecode, "missing_body") => wire(400, 2200, "Missing body", None),
        (Api::Entrecode, "unsupported_media_type") => {
            wire(415, 2206, "Unsupported media type", None)
        }
        (Api::Entrecode, "payload_too_large") => wire(413, 2207, "Body too large", None),
        (Api::Entrecode, "invalid_path_parameter") => wire(404, 2100, "Resource not found", named),
        (Api::Entrecode, "missing_query_parameter") => {
            wire(400, 2202, "Missing property in query string", named)
        }
        (Api::Entrecode, "invalid_query_parameter") => wire(
            400,
            2212,
            "Invalid format for property in query string",
            named,
        ),
        (Api::Entrecode, "not_found") => wire(404, 2100, "Resource not found", None),
        (Api::Entrecode, "method_not_allowed") => wire(405, 2110, "Method not allowed", None),
        (Api::Entrecode, "panic") => wire(500, 2000, "Internal Error", None),
        (Api::Entrecode, "timeout") => wire(503, 2001, "Request timed out", None),
        (Api::Oz, "missing_property") => wire(400, 3, "Missing property", named),
        (Api::Oz, "invalid_property") => wire(400, 4, "Invalid value", named),
        (Api::Oz, "invalid_body") => wire(400, 3, "Invalid structure", None),
        (Api::Oz, "missing_body") => wire(400, 3, "Missing body", None),
        (Api::Oz, "unsupported_media_type") => wire(415, 3, "Unsupported media type", None),
        (Api::Oz, "payload_too_large") => wire(413, 3, "Payload too large", None),
        (Api::Oz, "invalid_path_parameter" | "invalid_query_parameter") => {
            wire(400, 5, "Invalid type", named)
        }
        (Api::Oz, "missing_query_parameter") => wire(400, 3, "Missing query parameter", named),
        (Api::Oz, "not_found") => wire(404, 10, "Resource not found", None),
        (Api::Oz, "method_not_allowed") => wire(405, 1, "Method not allowed", None),
        (Api::Oz, "panic") => wire(500, 0, "Unknown server side error occurred", None),
        (Api::Oz, "timeout") => wire(503, 0, "Request timed out", None),
        (Api::Std, "missing_property") => problem(
            400,
            "Bad Request",
            Some(format!("The body lacks the property {name}.")),
        ),
        (Api::Std, "invalid_property") => problem(
            400,
            "Bad Request",
            Some(format!("The body's property {name} is invalid.")),
        ),
        (Api::Std, "invalid_body") => {
            problem(400, "Bad Request", Some("The body cannot be read.".into()))
        }
        (Api::Std, "missing_body") => {
            problem(400, "Bad Request", Some("The request has no body.".into()))
        }
        (Api::Std, "unsupported_media_type") => problem(415, "Unsupported Media Type", None),
        (Api::Std, "payload_too_large") => problem(413, "Content Too Large", None),
        (Api::Std, "invalid_path_parameter") => problem(
            400,
            "Bad Request",
            Some(format!("The path parameter {name} is invalid.")),
        ),
        (Api::Std, "missing_query_parameter") => problem(
            400,
            "Bad Request",
            Some(format!("The query parameter {name} is missing.")),
        ),
        (Api::Std, "invalid_query_parameter") => problem(
            400,
            "Bad Request",
            Some(format!("The query parameter {name} is invalid.")),
        ),
        (Api::Std, "not_found") => problem(404, "Not Found", None),
        (Api::Std, "method_not_allowed") => problem(405, "Method Not Allowed", None),
        (Api::Std, "panic") => problem(500, "Internal Server Error", None),
        (Api::Std, "timeout") => problem(503, "Service Unavailable", None),
        (api, case) => panic!("no answer written for {case} in {api:?}"),
    }
}

/// The handlers' own error: no note 7.
pub fn no_note_7(api: Api) -> Wire {
    match api {
        Api::Entrecode => wire(404, 2100, "Resource not found", Some("7")),
        Api::Oz => wire(404, 10, "Note 7 not found", None),
        Api::Std => Wire {
            status: 404,
            code: None,
            title: "No such note",
            detail: Some("No note has the id 7.".into()),
            type_uri: "https://notes.example/probs/no-such-note",
        },
    }
}

/// A bad request: what it sends (below the API's prefix), which framework
/// error it is, and the name that error hands over.
pub struct Bad {
    pub what: &'static str,
    pub request: Request,
    pub case: &'static str,
    pub name: &'static str,
}

fn bad(what: &'static str, request: Request, case: &'static str, name: &'static str) -> Bad {
    Bad {
        what,
        request,
        case,
        name,
    }
}

const MIB: usize = 1024 * 1024;

/// Every bad request, relative to an API's prefix (each `target` starts
/// with `/`).
pub fn bad_requests() -> Vec<Bad> {
    let mut all = bad_bodies();
    all.extend(bad_routes());
    all
}

/// Bad bodies for `POST /notes`.
fn bad_bodies() -> Vec<Bad> {
    let post = |body: &[u8]| Request::new("POST", "/notes").json(body.to_vec());
    let nested = |start: &[u8]| {
        let mut body = start.to_vec();
        body.extend(std::iter::repeat_n(b'[', 10_000));
        body.extend(std::iter::repeat_n(b']', 10_000));
        body.push(b'}');
        body
    };
    vec![
        bad(
            "a missing property",
            post(br#"{"tags":[]}"#),
            "missing_property",
            "title",
        ),
        bad(
            "a property of the wrong type",
            post(br#"{"title":"a","tags":["x",2]}"#),
            "invalid_property",
            "tags[1]",
        ),
        bad(
            "a body cut short",
            post(br#"{"title":"#),
            "invalid_body",
            "",
        ),
        bad(
            "an array for the object (serde reads a struct from a sequence: its first element is `title`)",
            post(b"[1,2]"),
            "invalid_property",
            "[0]",
        ),
        bad(
            "a body that is not UTF-8",
            post(b"{\"title\":\"\xff\xfe\",\"tags\":[]}"),
            "invalid_body",
            "",
        ),
        bad(
            "10,000 nested arrays in a property",
            post(&nested(br#"{"title":"a","tags":"#)),
            "invalid_property",
            "tags[0]",
        ),
        bad(
            "10,000 nested arrays in an unknown property (ignored) and a valid note",
            post(&nested(br#"{"title":"a","tags":[],"extra":"#)),
            "created",
            "",
        ),
        bad(
            "200,000 unknown properties (ignored) and a valid note",
            post(&many_keys()),
            // Accepted: the ignored properties cost only their reading.
            "created",
            "",
        ),
        bad(
            "no body",
            Request::new("POST", "/notes").header("content-type", "application/json"),
            "missing_body",
            "",
        ),
        bad(
            "a body of another media type",
            Request::new("POST", "/notes")
                .header("content-type", "text/plain")
                .body(Body::Bytes(b"a note".to_vec())),
            "unsupported_media_type",
            "",
        ),
    ]
}

/// A JSON object of 200,000 distinct keys of one to three letters or
/// digits (within the limit), then a valid note.
fn many_keys() -> Vec<u8> {
    let alphabet = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut keys = b"{".to_vec();
    for index in 0..200_000_usize {
        keys.push(b'"');
        let mut rest = index;
        loop {
            keys.push(alphabet[rest % alphabet.len()]);
            rest /= alphabet.len();
            if rest == 0 {
                break;
            }
        }
        keys.extend_from_slice(b"\":0,");
    }
    keys.extend_from_slice(br#""title":"a","tags":[]}"#);
    assert!(keys.len() < super::BODY_LIMIT, "within the limit");
    keys
}

/// Bad parameters, paths, methods; a panic and a timeout.
fn bad_routes() -> Vec<Bad> {
    let digits = format!("/notes/{}", "9".repeat(10_000));
    vec![
        bad(
            "a path parameter that is no number",
            Request::new("GET", "/notes/abc"),
            "invalid_path_parameter",
            "id",
        ),
        bad(
            "a path parameter that is no UTF-8",
            Request::new("GET", "/notes/%FF"),
            "invalid_path_parameter",
            "id",
        ),
        bad(
            "a 10,000-digit id",
            Request::new("GET", digits),
            "invalid_path_parameter",
            "id",
        ),
        bad(
            "a missing query parameter",
            Request::new("GET", "/notes"),
            "missing_query_parameter",
            "limit",
        ),
        bad(
            "a query parameter that is no number",
            Request::new("GET", "/notes?limit=ten"),
            "invalid_query_parameter",
            "limit",
        ),
        bad(
            "a path no route has",
            Request::new("GET", "/nothing/here"),
            "not_found",
            "",
        ),
        bad(
            "the API's root with a trailing slash",
            Request::new("GET", "/"),
            "not_found",
            "",
        ),
        bad(
            "a method the route does not take",
            Request::new("DELETE", "/notes"),
            "method_not_allowed",
            "",
        ),
        bad(
            "a handler that panics",
            Request::new("GET", "/panic"),
            "panic",
            "",
        ),
        bad(
            "a handler that takes too long",
            Request::new("GET", "/slow"),
            "timeout",
            "",
        ),
    ]
}

/// Bodies over the 2 MiB limit, each sent whole before the answer is read.
pub fn too_large() -> Vec<Bad> {
    let sized = |what, body| {
        bad(
            what,
            Request::new("POST", "/notes")
                .header("content-type", "application/json")
                .body(body),
            "payload_too_large",
            "",
        )
    };
    vec![
        sized("3 MiB, written whole before reading", Body::Filler(3 * MIB)),
        sized("8 MiB, written whole before reading", Body::Filler(8 * MIB)),
        sized(
            "16 MiB, written whole before reading",
            Body::Filler(16 * MIB),
        ),
        sized("3 MiB in chunks", Body::ChunkedFiller(3 * MIB)),
        sized("16 MiB in chunks", Body::ChunkedFiller(16 * MIB)),
    ]
}

/// `request` below `api`'s prefix.
pub fn at(api: Api, request: &Request) -> Request {
    let mut request = request.clone();
    request.target = if api == Api::Entrecode || request.target != "/" {
        format!("{}{}", api.prefix(), request.target)
    } else {
        // The nested API's root, with its trailing slash: `/oz/`.
        format!("{}/", api.prefix())
    };
    request
}

/// Text that would tell the client about the service's insides: Rust
/// types, serde's and the frameworks' messages, the panic's secret.
const INSIDES: &[&str] = &[
    "Failed to",
    "missing field",
    "invalid type",
    "invalid value:",
    "unknown field",
    "expected",
    "deserializ",
    "recursion",
    "Cannot parse",
    "u64",
    "u32",
    "NewNote",
    "Page",
    "0xDEADBEEF",
    "panicked",
    "Request Timeout",
    "timed out after",
];

/// `answer` is `expected` in `api`'s format, and says nothing else.
pub fn check(api: Api, what: &str, expected: &Wire, answer: &Answer) {
    let text = answer.text();
    assert_eq!(
        answer.status, expected.status,
        "{what} ({api:?}): status; body {text}"
    );
    for inside in INSIDES {
        assert!(
            !text.contains(inside),
            "{what} ({api:?}) says {inside:?}: {text}"
        );
    }
    let content_type = answer.header("content-type");
    match api {
        Api::Oz => {
            assert_eq!(
                content_type,
                Some("application/json"),
                "{what} (Oz): media type"
            );
            let body = OzBody::from_response(answer.status, content_type, &answer.body)
                .unwrap_or_else(|error| panic!("{what} (Oz): {error}: {text}"));
            assert_eq!(Some(body.error_code), expected.code, "{what} (Oz): code");
            assert_eq!(body.error_message, expected.title, "{what} (Oz): message");
            let details = expected
                .detail
                .as_deref()
                .map_or(serde_json::Value::Null, serde_json::Value::from);
            assert_eq!(body.details, details, "{what} (Oz): details");
        }
        Api::Entrecode => {
            assert_eq!(
                content_type,
                Some("application/problem+json"),
                "{what} (entrecode): media type"
            );
            let body = Problem::from_response(answer.status, content_type, &answer.body)
                .unwrap_or_else(|error| panic!("{what} (entrecode): {error}: {text}"));
            assert_eq!(
                body.status, answer.status,
                "{what} (entrecode): status member"
            );
            assert_eq!(Some(body.code), expected.code, "{what} (entrecode): code");
            assert_eq!(body.title, expected.title, "{what} (entrecode): title");
            assert_eq!(body.detail, expected.detail, "{what} (entrecode): detail");
            assert_eq!(
                body.type_url,
                format!("https://notes.example/errors/{}", body.code),
                "{what} (entrecode): type"
            );
        }
        Api::Std => {
            assert_eq!(
                content_type,
                Some("application/problem+json"),
                "{what} (rfc9457): media type"
            );
            let body = ProblemDetails::from_response(answer.status, content_type, &answer.body)
                .unwrap_or_else(|error| panic!("{what} (rfc9457): {error}: {text}"));
            assert_eq!(
                body.status,
                Some(answer.status),
                "{what} (rfc9457): status member"
            );
            assert_eq!(body.type_uri, expected.type_uri, "{what} (rfc9457): type");
            assert_eq!(
                body.title.as_deref(),
                Some(expected.title),
                "{what} (rfc9457): title"
            );
            assert_eq!(body.detail, expected.detail, "{what} (rfc9457): detail");
        }
    }
}
