//! Nothing leaks from an rfc9457 error, as `test_leaks.rs` checks for the
//! other formats: its `source()` chain, its `Debug` and `Display`, and every
//! field that no key names stay out of the body on every path, the title,
//! the catalog, both docs renderings, the OpenAPI examples and the axum
//! and actix-web responses. Only the fields named by `detail`, `instance`,
//! `extensions(...)` and the title's placeholders are written, with their
//! `Display` or `Serialize`, never their `Debug`.
//!
//! Each secret is first found where it does live, so that a check for its
//! absence cannot pass by accident.

#![allow(
    dead_code,
    reason = "the fields holding secrets are never read: that is the point"
)]

use std::error::Error;
use std::fmt;
use std::fmt::Write as _;

use api_errors::ApiError;
use serde::Serialize;

const SECRETS: &[&str] = &[
    "SECRET-SOURCE",
    "SECRET-DEBUG",
    "SECRET-DISPLAY",
    "SECRET-FIELD",
    "SECRET-SKIPPED",
    "SECRET-DOC",
];

/// A database error: its message holds a password and its `Debug` another.
struct DbError(&'static str);

impl fmt::Debug for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "DbError {{ dsn: \"SECRET-DEBUG\", password: {:?} }}",
            self.0
        )
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connecting to postgres://admin:{}@db failed", self.0)
    }
}

impl Error for DbError {}

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

/// An extension: what serde writes, nothing else.
#[derive(Debug, Serialize)]
struct Shown {
    line: u32,
    #[serde(skip)]
    token: &'static str,
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Leak {
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
    Wrapped(Inner),
}

#[derive(Debug, ApiError)]
#[api(
    format = "rfc9457",
    status = 401,
    type = "urn:example:auth",
    title = "Not signed in"
)]
struct Inner {
    token: &'static str,
}

impl fmt::Display for Leak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SECRET-DISPLAY")
    }
}

impl Error for Leak {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Leak::Internal(cause) | Leak::Database { cause, .. } => Some(cause),
            Leak::Wrapped(_) => None,
        }
    }
}

fn errors() -> Vec<Leak> {
    vec![
        Leak::Internal(DbError("SECRET-SOURCE")),
        Leak::Database {
            table: Name("users"),
            request: Name("/requests/7"),
            shown: Shown {
                line: 3,
                token: "SECRET-SKIPPED",
            },
            cause: DbError("SECRET-SOURCE"),
            query: "SELECT 'SECRET-FIELD'",
        },
        Leak::Wrapped(Inner {
            token: "SECRET-FIELD",
        }),
    ]
}

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} leaks into {what}: {text}");
    }
}

#[test]
fn test_the_secrets_are_really_there() {
    let mut private = String::new();
    for error in errors() {
        let _ = write!(private, "{error:?} {error}");
        if let Some(cause) = error.source() {
            let _ = write!(private, " {cause}");
        }
    }
    let sources = include_str!("test_rfc9457_leaks.rs");
    for secret in SECRETS {
        assert!(
            private.contains(secret) || sources.contains(&format!("/// {secret}")),
            "{secret} is in no error"
        );
    }
}

#[test]
fn test_only_the_named_fields_reach_the_body() {
    let bodies: Vec<String> = errors().iter().map(ApiError::to_json).collect();
    assert_eq!(
        bodies,
        [
            r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#,
            r#"{"type":"https://example.com/probs/table-unavailable","title":"Table users unavailable","status":503,"detail":"users","instance":"/requests/7","shown":{"line":3}}"#,
            r#"{"type":"urn:example:auth","title":"Not signed in","status":401}"#,
        ]
    );
    for error in errors() {
        let mut buffer = Vec::new();
        error.write_json(&mut buffer);
        for (what, text) in [
            ("to_json", error.to_json()),
            ("write_json", String::from_utf8(buffer).unwrap()),
            ("body()", serde_json::to_string(&error.body()).unwrap()),
            ("title()", error.title().into_owned()),
        ] {
            assert_clean(what, &text);
        }
    }
}

#[test]
fn test_no_secret_reaches_the_docs_or_the_openapi_examples() {
    let catalog: Vec<String> = Leak::catalog()
        .iter()
        .map(|row| {
            format!(
                "{} {} {} {} {} {} {}",
                row.name,
                row.title,
                row.description,
                row.detail,
                row.verbose,
                row.type_uri,
                row.code
            )
        })
        .collect();
    let openapi = serde_json::to_string(&<Leak as utoipa::IntoResponses>::responses()).unwrap();
    assert!(openapi.contains("\"examples\""), "{openapi}");
    for (what, text) in [
        ("docs::markdown", api_errors::docs::markdown::<Leak>()),
        ("docs::json", api_errors::docs::json::<Leak>()),
        ("catalog()", catalog.join("\n")),
        ("OpenAPI", openapi),
    ] {
        assert_clean(what, &text);
    }
    let markdown = api_errors::docs::markdown::<Leak>();
    assert!(markdown.contains("The database is down."), "{markdown}");
    assert_eq!(
        Leak::catalog()[1].detail,
        "The table that could not be read."
    );
}

#[test]
fn test_no_secret_reaches_a_framework_response() {
    use actix_web::ResponseError as _;
    use actix_web::body::MessageBody as _;

    for error in errors() {
        let json = error.to_json();
        let response = axum::response::IntoResponse::into_response(error);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let headers = format!("{:?}", response.headers());
        let body = runtime
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        assert_eq!(body, json.as_bytes());
        assert_clean("an axum response", &headers);
    }
    for error in errors() {
        let error = api_errors::actix::HttpError(error);
        let response = error.error_response();
        let headers = format!("{:?}", response.headers());
        let Ok(body) = response.into_body().try_into_bytes() else {
            panic!("the body is bytes");
        };
        assert_clean(
            "actix-web",
            &format!(
                "{headers} {} {error} {error:?}",
                String::from_utf8_lossy(&body)
            ),
        );
    }
}
