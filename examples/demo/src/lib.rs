//! The demo API: a small service that fails in both formats, for
//! `cargo run --example server` and the end-to-end tests.
//!
//! | route | answer |
//! | --- | --- |
//! | `GET /oz/capsules/1` | 200 `capsule 1` |
//! | `GET /oz/capsules/{id}` | 404, Oz 10 "Capsule {id} not found" |
//! | `GET /oz/search` without `q` | 400, Oz 3 with `details: "q"` |
//! | `GET /oz/health` | 500, Oz 12: the cause is logged, never sent |
//! | `GET /entrecode/entries?count=N` | 200 |
//! | `GET /entrecode/entries` | 400, entrecode 2202 with an embedded 2201 |
//! | `GET /entrecode/health` | 500, entrecode 2000: the cause chain is logged, never sent |
//! | `GET /openapi.json` | 200, the OpenAPI 3.1 description (utoipa) |
//! | any other path | 404: Oz 10 "Resource not found" (entrecode 2100 under `/entrecode/`) |

use std::error::Error;
use std::fmt;

use api_errors::ApiError;
use axum::Router;
use axum::extract::{Path, RawQuery};
use axum::routing::get;

/// The capsule API's errors, in the Oz format.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
pub enum CapsuleError {
    /// No capsule has this id.
    #[api(code = 10, title = "Capsule {0} not found")]
    NotFound(u64),
    /// The path does not exist.
    #[api(code = 10)]
    NoRoute,
    /// A required query parameter is missing.
    #[api(code = 3, title = "Missing query parameter", detail = 0)]
    MissingQuery(&'static str),
    /// The database failed; the cause is for the logs only.
    #[api(code = 12)]
    Database(StorageError),
}

/// The entry API's errors, in the entrecode format.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Demo API", href = "http://127.0.0.1")
)]
pub enum EntryError {
    /// The path does not exist.
    #[api(code = 100)]
    NoRoute,
    /// A required query parameter is missing.
    #[api(code = 202, detail = name, embed = cause)]
    MissingQuery {
        /// The missing parameter.
        name: &'static str,
        /// What else is wrong with the request.
        cause: Option<BodyError>,
    },
    /// Something failed inside; the cause chain is for the logs only.
    #[api(code = 0)]
    Internal(StorageError),
}

/// Errors of a request's body, embedded as sub-errors.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Demo API", href = "http://127.0.0.1")
)]
pub enum BodyError {
    /// A required property is missing from the JSON body.
    #[api(code = 201, detail = 0)]
    MissingProperty(&'static str),
}

/// A storage failure with a cause: what the logs see of an internal error.
#[derive(Debug)]
pub struct StorageError {
    source: std::io::Error,
}

impl StorageError {
    /// The failure the demo's health routes report.
    #[must_use]
    pub fn connection_refused() -> Self {
        StorageError {
            source: std::io::Error::other("connection to 10.0.0.7:5432 refused (password=hunter2)"),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the capsule store is unavailable")
    }
}

impl Error for StorageError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

// Display and Error on the API errors: what a logger (the `tracing`
// feature) shows of a 5xx. The wire never sees these.
impl fmt::Display for CapsuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title())
    }
}

impl Error for CapsuleError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            CapsuleError::Database(cause) => Some(cause),
            _ => None,
        }
    }
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title())
    }
}

impl Error for EntryError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            EntryError::Internal(cause) => Some(cause),
            _ => None,
        }
    }
}

/// `GET /oz/capsules/{id}`.
///
/// # Errors
///
/// `NotFound` for every id but 1.
pub fn capsule(id: u64) -> Result<String, CapsuleError> {
    if id == 1 {
        Ok("capsule 1".to_owned())
    } else {
        Err(CapsuleError::NotFound(id))
    }
}

/// `GET /oz/search?q=…`.
///
/// # Errors
///
/// `MissingQuery("q")` without `q`.
pub fn search(query: Option<&str>) -> Result<String, CapsuleError> {
    parameter(query, "q")
        .map(|q| format!("results for {q}"))
        .ok_or(CapsuleError::MissingQuery("q"))
}

/// `GET /oz/health`.
///
/// # Errors
///
/// Always: the database is down.
pub fn capsule_health() -> Result<String, CapsuleError> {
    Err(CapsuleError::Database(StorageError::connection_refused()))
}

/// `GET /entrecode/entries?count=N`.
///
/// # Errors
///
/// `MissingQuery` for `count`, with the body's missing property embedded.
pub fn entries(query: Option<&str>) -> Result<String, EntryError> {
    parameter(query, "count")
        .map(|count| format!("{count} entries"))
        .ok_or(EntryError::MissingQuery {
            name: "count",
            cause: Some(BodyError::MissingProperty("property")),
        })
}

/// `GET /entrecode/health`.
///
/// # Errors
///
/// Always: the store is down.
pub fn entry_health() -> Result<String, EntryError> {
    Err(EntryError::Internal(StorageError::connection_refused()))
}

/// The value of `name` in a raw query string.
fn parameter<'q>(query: Option<&'q str>, name: &str) -> Option<&'q str> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

// The axum handlers, documented for OpenAPI: `responses(CapsuleError)` lists
// every variant of the error type under its status.

/// A capsule by id.
#[utoipa::path(get, path = "/oz/capsules/{id}", params(("id" = u64, Path, description = "The capsule's id")),
    responses((status = 200, description = "The capsule", body = String), CapsuleError))]
async fn get_capsule(Path(id): Path<u64>) -> Result<String, CapsuleError> {
    capsule(id)
}

/// Searches capsules.
#[utoipa::path(get, path = "/oz/search", params(("q" = String, Query, description = "What to search for")),
    responses((status = 200, description = "The results", body = String), CapsuleError))]
async fn get_search(RawQuery(query): RawQuery) -> Result<String, CapsuleError> {
    search(query.as_deref())
}

/// The capsule store's health.
#[utoipa::path(get, path = "/oz/health", responses((status = 200, description = "Healthy", body = String), CapsuleError))]
async fn get_capsule_health() -> Result<String, CapsuleError> {
    capsule_health()
}

/// Counts entries.
#[utoipa::path(get, path = "/entrecode/entries", params(("count" = u32, Query, description = "How many")),
    responses((status = 200, description = "The entries", body = String), EntryError))]
async fn get_entries(RawQuery(query): RawQuery) -> Result<String, EntryError> {
    entries(query.as_deref())
}

/// The entry store's health.
#[utoipa::path(get, path = "/entrecode/health", responses((status = 200, description = "Healthy", body = String), EntryError))]
async fn get_entry_health() -> Result<String, EntryError> {
    entry_health()
}

// The body schemas that `responses(CapsuleError)` and `responses(EntryError)`
// refer to, registered once in `components`.
const OZ_SCHEMAS: api_errors::openapi::ErrorSchemas<CapsuleError> =
    api_errors::openapi::ErrorSchemas::new();
const ENTRECODE_SCHEMAS: api_errors::openapi::ErrorSchemas<EntryError> =
    api_errors::openapi::ErrorSchemas::new();

/// The demo API's OpenAPI description.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "api-errors demo API",
        description = "An API that fails in both formats."
    ),
    paths(
        get_capsule,
        get_search,
        get_capsule_health,
        get_entries,
        get_entry_health
    ),
    modifiers(&OZ_SCHEMAS, &ENTRECODE_SCHEMAS)
)]
pub struct ApiDoc;

/// The OpenAPI document as JSON (OpenAPI 3.1).
#[must_use]
pub fn openapi_json() -> String {
    <ApiDoc as utoipa::OpenApi>::openapi()
        .to_pretty_json()
        .unwrap_or_default()
}

/// The demo API as an axum router, with its description at `/openapi.json`.
pub fn router() -> Router {
    let oz = Router::new()
        .route("/capsules/{id}", get(get_capsule))
        .route("/search", get(get_search))
        .route("/health", get(get_capsule_health))
        .fallback(|| async { CapsuleError::NoRoute });
    let entrecode = Router::new()
        .route("/entries", get(get_entries))
        .route("/health", get(get_entry_health))
        .fallback(|| async { EntryError::NoRoute });
    Router::new()
        .route(
            "/openapi.json",
            get(|| async {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    openapi_json(),
                )
            }),
        )
        .nest("/oz", oz)
        .nest("/entrecode", entrecode)
        .fallback(|| async { CapsuleError::NoRoute })
}
