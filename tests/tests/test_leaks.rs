//! Nothing leaks, in any format: an error's `source()` chain, its `Debug`
//! and `Display` output, and every field that no attribute names stay out
//! of everything a client or a reader of the docs can see: the body on
//! every path, the title, the catalog, both docs renderings, the OpenAPI
//! responses and examples (utoipa), and the responses built by the axum and
//! actix-web integrations. Only the fields named by `detail`, `verbose`,
//! `instance`, `extensions(...)` and the title's placeholders are written,
//! with their `Display` or `Serialize`, never their `Debug`.
//!
//! Each secret is a marker that the tests first find where it does live
//! (the error's own `Debug`, `Display` and source chain), so that a check for
//! its absence elsewhere cannot pass by accident.

#![allow(
    dead_code,
    reason = "the fields holding secrets are never read: that is the point"
)]

use std::error::Error;
use std::fmt;
use std::fmt::Write as _;

use api_errors::{ApiError, ErrorInfo};
use serde::Serialize;

/// Every marker; none may reach a client.
const SECRETS: &[&str] = &[
    "SECRET-SOURCE",
    "SECRET-CHAIN",
    "SECRET-DEBUG",
    "SECRET-DISPLAY",
    "SECRET-FIELD",
    "SECRET-VERBOSE",
    "SECRET-DOC",
    "SECRET-SKIPPED",
];

/// A database error: its message holds a password, its `Debug` another, and
/// it has a source of its own.
struct DbError {
    password: &'static str,
    cause: Io,
}

impl fmt::Debug for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "DbError {{ dsn: \"SECRET-DEBUG\", password: {:?} }}",
            self.password
        )
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "connecting to postgres://admin:{}@db failed",
            self.password
        )
    }
}

impl Error for DbError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.cause)
    }
}

/// The end of the chain.
#[derive(Debug)]
struct Io;

impl fmt::Display for Io {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("reading /etc/SECRET-CHAIN failed")
    }
}

impl Error for Io {}

fn db_error() -> DbError {
    DbError {
        password: "SECRET-SOURCE",
        cause: Io,
    }
}

/// A name: its `Display` and `Serialize` are public, its `Debug` is not.
struct Name(&'static str);

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Name({:?}, owner: SECRET-DEBUG)", self.0)
    }
}

/// Serialised into `details` or an extension: what serde writes, nothing
/// else.
#[derive(Serialize)]
struct Shown {
    line: u32,
    #[serde(skip)]
    token: &'static str,
}

impl fmt::Debug for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Shown {{ line: {}, token: {:?} }}",
            self.line, self.token
        )
    }
}

/// Oz errors with secrets in every place but the named fields.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzLeak {
    /// The database is down.
    #[api(code = 0)]
    Internal(DbError),
    #[api(code = 12, title = "Table {table} unavailable", detail = table)]
    Database {
        /// The table that could not be read.
        table: Name,
        /// SECRET-DOC: the connection string.
        cause: DbError,
        query: &'static str,
    },
    #[api(code = 3, detail = shown)]
    Shown { shown: Shown, hidden: &'static str },
    #[api(transparent)]
    Wrapped(OzInner),
}

#[derive(Debug, ApiError)]
#[api(format = "oz", code = 14, title = "Invalid signature")]
struct OzInner {
    key: &'static str,
}

/// The user's own `Display` and `Error` impls, full of secrets: the derive
/// must not use them.
impl fmt::Display for OzLeak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OzLeak::Internal(cause) => write!(f, "internal (SECRET-DISPLAY): {cause}"),
            _ => f.write_str("SECRET-DISPLAY"),
        }
    }
}

impl Error for OzLeak {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            OzLeak::Internal(cause) | OzLeak::Database { cause, .. } => Some(cause),
            _ => None,
        }
    }
}

fn oz_errors() -> Vec<OzLeak> {
    vec![
        OzLeak::Internal(db_error()),
        OzLeak::Database {
            table: Name("users"),
            cause: db_error(),
            query: "SELECT 'SECRET-FIELD'",
        },
        OzLeak::Shown {
            shown: Shown {
                line: 3,
                token: "SECRET-FIELD",
            },
            hidden: "SECRET-FIELD",
        },
        OzLeak::Wrapped(OzInner {
            key: "SECRET-FIELD",
        }),
    ]
}

/// entrecode errors: an internal error with a source chain, unnamed fields,
/// and a sub-error whose own `verbose` must not be embedded.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://entrecode.de")
)]
enum EntrecodeLeak {
    #[api(code = 2000)]
    Internal { cause: DbError },
    #[api(code = 202, detail = name, embed = causes)]
    Missing {
        name: Name,
        /// SECRET-DOC: the session token.
        token: &'static str,
        causes: Vec<EntrecodeSub>,
    },
    #[api(transparent)]
    Wrapped(EntrecodeSub),
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://entrecode.de")
)]
enum EntrecodeSub {
    #[api(code = 201, detail = 0, verbose = 1)]
    Property(&'static str, &'static str),
}

impl fmt::Display for EntrecodeLeak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SECRET-DISPLAY")
    }
}

impl Error for EntrecodeLeak {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            EntrecodeLeak::Internal { cause } => Some(cause),
            _ => None,
        }
    }
}

fn entrecode_errors() -> Vec<EntrecodeLeak> {
    vec![
        EntrecodeLeak::Internal { cause: db_error() },
        EntrecodeLeak::Missing {
            name: Name("count"),
            token: "SECRET-FIELD",
            causes: vec![EntrecodeSub::Property("property", "SECRET-VERBOSE")],
        },
        EntrecodeLeak::Wrapped(EntrecodeSub::Property("property", "named")),
    ]
}

/// rfc9457 errors: an internal error with a source chain, a problem with
/// every member a field can fill (and fields that fill none), and a
/// transparent struct.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Rfc9457Leak {
    /// The database is down.
    #[api(status = 500)]
    Internal(DbError),
    #[api(
        status = 503,
        type = "table-unavailable",
        title = "Table {table} unavailable",
        detail = table,
        instance = request,
        extensions(shown)
    )]
    Database {
        /// The table that could not be read.
        table: Name,
        request: Name,
        shown: Shown,
        /// SECRET-DOC: the connection string.
        cause: DbError,
        query: &'static str,
    },
    #[api(transparent)]
    Wrapped(Rfc9457Inner),
}

#[derive(Debug, ApiError)]
#[api(
    format = "rfc9457",
    status = 401,
    type = "urn:example:auth",
    title = "Not signed in"
)]
struct Rfc9457Inner {
    token: &'static str,
}

impl fmt::Display for Rfc9457Leak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SECRET-DISPLAY")
    }
}

impl Error for Rfc9457Leak {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Rfc9457Leak::Internal(cause) | Rfc9457Leak::Database { cause, .. } => Some(cause),
            Rfc9457Leak::Wrapped(_) => None,
        }
    }
}

fn rfc9457_errors() -> Vec<Rfc9457Leak> {
    vec![
        Rfc9457Leak::Internal(db_error()),
        Rfc9457Leak::Database {
            table: Name("users"),
            request: Name("/requests/7"),
            shown: Shown {
                line: 3,
                token: "SECRET-SKIPPED",
            },
            cause: db_error(),
            query: "SELECT 'SECRET-FIELD'",
        },
        Rfc9457Leak::Wrapped(Rfc9457Inner {
            token: "SECRET-FIELD",
        }),
    ]
}

/// `text` holds none of the secrets.
fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} leaks into {what}: {text}");
    }
}

/// Everything that reaches a client or the docs, as text.
fn public_texts<E: ApiError>(error: &E) -> Vec<(&'static str, String)> {
    let mut buffer = Vec::new();
    error.write_json(&mut buffer);
    vec![
        ("to_json", error.to_json()),
        ("write_json", String::from_utf8(buffer).unwrap()),
        ("body()", serde_json::to_string(&error.body()).unwrap()),
        ("title()", error.title().into_owned()),
        ("content_type()", error.content_type().to_owned()),
    ]
}

/// What `error` does not show a client: its `Debug`, its `Display` and
/// its source chain.
fn private_text<E: ApiError + Error>(error: &E) -> String {
    let mut private = format!("{error:?} {error}");
    let mut source = error.source();
    while let Some(cause) = source {
        let _ = write!(private, " {cause}");
        source = cause.source();
    }
    private
}

/// Nothing `errors` show a client holds a secret.
fn assert_public_texts_clean<E: ApiError>(errors: &[E]) {
    for error in errors {
        for (what, text) in public_texts(error) {
            assert_clean(what, &text);
        }
    }
}

/// Everything the docs say about `E`.
fn docs_texts<E: ApiError>() -> Vec<(&'static str, String)> {
    let catalog: Vec<String> = E::catalog().iter().map(row_text).collect();
    vec![
        ("docs::markdown", api_errors::docs::markdown::<E>()),
        ("docs::json", api_errors::docs::json::<E>()),
        ("catalog()", catalog.join("\n")),
    ]
}

fn row_text(row: &ErrorInfo) -> String {
    format!(
        "{} {} {} {} {} {} {} {}",
        row.name,
        row.code,
        row.status,
        row.title,
        row.description,
        row.detail,
        row.verbose,
        row.type_uri
    )
}

/// The secrets do live in the errors: their `Debug`, `Display` and source
/// chains hold every marker the checks below look for.
#[test]
fn test_the_secrets_are_really_there() {
    let mut oz_and_entrecode: String = oz_errors().iter().map(private_text).collect();
    for error in entrecode_errors() {
        let _ = write!(oz_and_entrecode, "{error:?} {error}");
    }
    let rfc9457: String = rfc9457_errors().iter().map(private_text).collect();
    let sources = include_str!("test_leaks.rs");
    let documented = |secret: &str| sources.contains(&format!("/// {secret}"));
    for secret in SECRETS {
        assert!(
            oz_and_entrecode.contains(secret) || rfc9457.contains(secret) || documented(secret),
            "{secret} is in no error"
        );
    }
    // The rfc9457 errors hold, by themselves, every secret but a verbose's
    // (the format has none): the checks of their bodies read real secrets.
    for secret in [
        "SECRET-SOURCE",
        "SECRET-DEBUG",
        "SECRET-DISPLAY",
        "SECRET-FIELD",
        "SECRET-SKIPPED",
        "SECRET-DOC",
    ] {
        assert!(
            rfc9457.contains(secret) || documented(secret),
            "{secret} is in no rfc9457 error"
        );
    }
    // And a body does hold what is named, so that the checks read real bodies.
    let body = oz_errors()[1].to_json();
    assert_eq!(
        body,
        r#"{"error_code":12,"error_message":"Table users unavailable","details":"users"}"#
    );
}

#[test]
fn test_no_secret_reaches_an_oz_body_or_title() {
    assert_public_texts_clean(&oz_errors());
    // What the Oz bodies do say: the named fields and the table's texts.
    let bodies: Vec<String> = oz_errors().iter().map(ApiError::to_json).collect();
    assert_eq!(
        bodies,
        [
            r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#,
            r#"{"error_code":12,"error_message":"Table users unavailable","details":"users"}"#,
            r#"{"error_code":3,"error_message":"Invalid structure","details":{"line":3}}"#,
            r#"{"error_code":14,"error_message":"Invalid signature","details":null}"#,
        ]
    );
}

#[test]
fn test_no_secret_reaches_an_entrecode_body_or_title() {
    assert_public_texts_clean(&entrecode_errors());
    // The internal error says its title and nothing else.
    assert_eq!(
        entrecode_errors()[0].to_json(),
        concat!(
            r#"{"status":500,"code":2000,"title":"Internal Error","#,
            r#""type":"https://entrecode.de/doc/errors/2000","#,
            r#""_links":{"up":{"title":"Home","href":"https://entrecode.de"},"#,
            r#""describedby":{"title":"Error Description","href":"https://entrecode.de/doc/errors/2000"}}}"#,
        )
    );
    // A sub-error's own verbose stays out of the error that embeds it...
    let embedding = entrecode_errors()[1].to_json();
    assert!(embedding.contains(r#""detail":"property""#), "{embedding}");
    // ...though it is in the sub-error's own body, where it was named.
    let own = EntrecodeSub::Property("property", "SECRET-VERBOSE").to_json();
    assert!(own.contains(r#""verbose":"SECRET-VERBOSE""#), "{own}");
}

#[test]
fn test_no_secret_reaches_an_rfc9457_body_or_title() {
    assert_public_texts_clean(&rfc9457_errors());
    // What the rfc9457 bodies do say: the named fields and the type's texts.
    let bodies: Vec<String> = rfc9457_errors().iter().map(ApiError::to_json).collect();
    assert_eq!(
        bodies,
        [
            r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#,
            r#"{"type":"https://example.com/probs/table-unavailable","title":"Table users unavailable","status":503,"detail":"users","instance":"/requests/7","shown":{"line":3}}"#,
            r#"{"type":"urn:example:auth","title":"Not signed in","status":401}"#,
        ]
    );
}

#[test]
fn test_no_secret_reaches_the_docs() {
    for (what, text) in docs_texts::<OzLeak>()
        .into_iter()
        .chain(docs_texts::<EntrecodeLeak>())
        .chain(docs_texts::<Rfc9457Leak>())
    {
        assert_clean(what, &text);
    }
    // The docs do carry the doc comments of the variant and of the field
    // named by `detail`.
    let markdown = api_errors::docs::markdown::<OzLeak>();
    assert!(markdown.contains("The database is down."), "{markdown}");
    let catalog = OzLeak::catalog();
    assert_eq!(catalog[1].detail, "The table that could not be read.");
    let markdown = api_errors::docs::markdown::<Rfc9457Leak>();
    assert!(markdown.contains("The database is down."), "{markdown}");
    let catalog = Rfc9457Leak::catalog();
    assert_eq!(catalog[1].detail, "The table that could not be read.");
}

/// The body of an axum response, and its headers.
fn axum_body(response: axum::response::Response) -> (String, Vec<String>) {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {value:?}"))
        .collect();
    let body = api_errors_tests::servers::axum_body(response);
    (String::from_utf8(body).unwrap(), headers)
}

/// The axum responses of `errors` are their bodies, and hold no secret.
fn assert_axum_responses_clean<E: ApiError + axum::response::IntoResponse>(errors: Vec<E>) {
    for error in errors {
        let json = error.to_json();
        let (body, headers) = axum_body(error.into_response());
        assert_eq!(body, json);
        assert_clean("an axum response", &format!("{headers:?} {body}"));
    }
}

#[test]
fn test_no_secret_reaches_an_axum_response() {
    assert_axum_responses_clean(oz_errors());
    assert_axum_responses_clean(entrecode_errors());
    assert_axum_responses_clean(rfc9457_errors());
}

/// What actix-web shows of an error: the response, and the `Display` and
/// `Debug` it logs.
fn actix_texts<E: ApiError>(error: E) -> String {
    use actix_web::ResponseError as _;
    use actix_web::body::MessageBody as _;

    let error = api_errors::actix::HttpError(error);
    let response = error.error_response();
    let headers: Vec<String> = response
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {value:?}"))
        .collect();
    let Ok(body) = response.into_body().try_into_bytes() else {
        panic!("the body is bytes");
    };
    format!(
        "{headers:?} {} {error} {error:?}",
        String::from_utf8_lossy(&body)
    )
}

#[test]
fn test_no_secret_reaches_an_actix_web_response_or_log() {
    for error in oz_errors() {
        assert_clean("actix-web", &actix_texts(error));
    }
    for error in entrecode_errors() {
        assert_clean("actix-web", &actix_texts(error));
    }
    for error in rfc9457_errors() {
        assert_clean("actix-web", &actix_texts(error));
    }
}

/// The OpenAPI responses of `E`, with an example per variant, as JSON.
fn openapi<E: utoipa::IntoResponses>() -> String {
    serde_json::to_string(&E::responses()).unwrap()
}

#[test]
fn test_no_secret_reaches_the_openapi_examples() {
    for (what, document) in [
        ("OzLeak", openapi::<OzLeak>()),
        ("EntrecodeLeak", openapi::<EntrecodeLeak>()),
        ("Rfc9457Leak", openapi::<Rfc9457Leak>()),
    ] {
        assert_clean(what, &document);
        // The examples are there, so the check read them.
        assert!(document.contains("\"examples\""), "{document}");
    }
}
