//! The requests, good and bad, and what each must be answered with in
//! each format, written out by hand.

/// One request.
#[derive(Clone)]
pub struct Call {
    pub method: &'static str,
    pub path: &'static str,
    pub content_type: Option<&'static str>,
    pub body: Option<Vec<u8>>,
}

pub fn call_get(path: &'static str) -> Call {
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
pub struct Wire {
    pub status: u16,
    pub code: u16,
    pub title: &'static str,
    pub detail: Option<&'static str>,
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
pub enum Expected {
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
pub struct Case {
    pub name: &'static str,
    pub call: Call,
    pub expected: Expected,
    /// The `Allow` or `Retry-After` header the answer must keep.
    pub kept: Option<(&'static str, &'static str)>,
}

fn ok(
    name: &'static str,
    call: Call,
    status: u16,
    content_type: &'static str,
    body: &'static str,
) -> Case {
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

pub fn good_requests() -> Vec<Case> {
    vec![
        ok(
            "a valid note",
            post_json(VALID),
            201,
            "application/json",
            CREATED,
        ),
        ok(
            "a valid note, charset given",
            post("/notes", Some("application/json; charset=utf-8"), VALID),
            201,
            "application/json",
            CREATED,
        ),
        ok(
            "a valid note, a +json type",
            post("/notes", Some("application/vnd.notes+json"), VALID),
            201,
            "application/json",
            CREATED,
        ),
        ok(
            "a page",
            call_get("/notes?limit=5"),
            200,
            TEXT,
            "5 notes after the start",
        ),
        ok(
            "a page after a cursor",
            call_get("/notes?limit=5&cursor=x%20y"),
            200,
            TEXT,
            "5 notes after x y",
        ),
        ok("a note", call_get("/notes/1"), 200, TEXT, "note 1"),
        ok(
            "a revision",
            call_get("/notes/1/revisions/3"),
            200,
            TEXT,
            "note 1, revision 3",
        ),
        ok(
            "a board's note",
            call_get("/boards/b/notes/3"),
            200,
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
            200,
            TEXT,
            "welcome ann (true)",
        ),
        ok(
            "a login in the query",
            call_get("/login?user=ann&remember=false"),
            200,
            TEXT,
            "welcome ann (false)",
        ),
    ]
}

#[allow(
    clippy::too_many_lines,
    reason = "one row per request, read as a table"
)]
pub fn bad_requests() -> Vec<Case> {
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
            // Whatever status the timeout layer gave, a timeout is
            // answered as one: Oz keeps the case's 503 (a server error,
            // like the variant's 500), which the OpenAPI document lists.
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
pub fn too_large() -> Case {
    let mut body = br#"{"title":""#.to_vec();
    body.resize(3 * 1024 * 1024, b'a');
    body.extend_from_slice(br#"","tags":[],"profile":{"color":"red","fontSize":1}}"#);
    let mut case = unreadable("a 3 MiB body", post_json(""), 413);
    case.call.body = Some(body);
    case
}
