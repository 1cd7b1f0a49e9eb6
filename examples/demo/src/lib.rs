//! The demo API: a small service that fails in both formats, for
//! `cargo run -p api-errors-demo --example server` and the end-to-end tests.
//! Its handlers take api-errors's extractors and each part of the API sits
//! behind `FrameworkErrorsLayer`, so the framework's own errors (bodies,
//! parameters, 404, 405, panics) are answered in the part's format too.
//!
//! | route | answer |
//! | --- | --- |
//! | `GET /oz/capsules/1` | 200 `capsule 1` |
//! | `GET /oz/capsules/{id}` | 404, Oz 10 "Capsule {id} not found" |
//! | `GET /oz/capsules/abc` | 400, Oz 5 with `details: "id"` (the framework's) |
//! | `GET /oz/capsules?limit=N` | 200; without `limit` 400, Oz 3; `limit=x` 400, Oz 5 |
//! | `POST /oz/capsules` with `{"name": …, "size": …}` | 201; a missing or mistyped property 400, Oz 3 or 4 with its path |
//! | `GET /oz/search` without `q` | 400, Oz 3 with `details: "q"` (the handler's) |
//! | `GET /oz/health` | 500, Oz 12: the cause is logged, never sent |
//! | `GET /oz/panic` | 500, Oz 0: the panic is logged, never sent |
//! | `GET /entrecode/entries?count=N` | 200; without `count` 400, 2202; `count=x` 400, 2212 (the framework's) |
//! | `GET /entrecode/lookup` without `name` | 400, entrecode 2202 with an embedded 2201 (the handler's) |
//! | `POST /entrecode/entries` with `{"title": …, "tags": […]}` | 201; a missing or mistyped property 400, 2201 or 2211 with its path |
//! | `GET /entrecode/entries/{id}` | 200 for 1, 404 2100 otherwise; `abc` 404 2100 with `detail: "id"` |
//! | `GET /entrecode/search?limit=N` | 200; without `limit` 400, 2202; `limit=x` 400, 2212 |
//! | `GET /entrecode/health` | 500, entrecode 2000: the cause chain is logged, never sent |
//! | `GET /entrecode/panic` | 500, entrecode 2000: the panic is logged, never sent |
//! | `DELETE` on a route above | 405 (`Allow` kept): Oz 1, entrecode 2110 |
//! | `GET /openapi.json` | 200, the OpenAPI 3.1 description (utoipa) |
//! | any other path | 404: Oz 10 "Resource not found" (entrecode 2100 under `/entrecode/`, its `/entrecode/` included) |
//!
//! Both error types answer the framework's errors with one `framework`
//! variant each; the entrecode API is nested with `nest_service`, so that
//! its own layer answers every path under `/entrecode`.

use std::error::Error;
use std::fmt;

use api_errors::ApiError;
use api_errors::axum::{FrameworkErrorsLayer, Json, Path, Query};
use api_errors::framework::Answer;
use api_errors::openapi::ErrorDocs;
use axum::Router;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::routing::get;
use serde::Deserialize;

/// The capsule API's errors, in the Oz format.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
pub enum CapsuleError {
    /// No capsule has this id.
    #[api(code = 10, title = "Capsule {0} not found")]
    NotFound(u64),
    /// A required query parameter is missing.
    #[api(code = 3, title = "Missing query parameter", detail = 0)]
    MissingQuery(&'static str),
    /// The database failed; the cause is for the logs only.
    #[api(code = 12)]
    Database(StorageError),
    /// What the framework answers: bodies, parameters, routes, panics.
    #[api(framework)]
    Framework(Answer),
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
    /// No entry has this id.
    #[api(code = 100, detail = 0)]
    NotFound(u64),
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
    /// What the framework answers: bodies, parameters, routes, panics.
    #[api(framework)]
    Framework(Answer),
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

/// `GET /entrecode/lookup?name=…`.
///
/// # Errors
///
/// `MissingQuery` for `name`, with the body's missing property embedded.
pub fn lookup(query: Option<&str>) -> Result<String, EntryError> {
    parameter(query, "name")
        .map(|name| format!("entry {name}"))
        .ok_or(EntryError::MissingQuery {
            name: "name",
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

/// A capsule to create.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewCapsule {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub size: u32,
}

/// How many capsules to list.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// At most this many.
    pub limit: u32,
}

/// Creates a capsule.
#[utoipa::path(post, path = "/oz/capsules", request_body = NewCapsule,
    responses((status = 201, description = "Created", body = String), CapsuleError))]
async fn create_capsule(Json(capsule): Json<NewCapsule>) -> (StatusCode, String) {
    (
        StatusCode::CREATED,
        format!("created {} ({} bytes)", capsule.name, capsule.size),
    )
}

/// Lists capsules.
#[utoipa::path(get, path = "/oz/capsules", params(Page),
    responses((status = 200, description = "The capsules", body = String), CapsuleError))]
async fn list_capsules(Query(page): Query<Page>) -> String {
    format!("the first {} capsules", page.limit)
}

/// Always panics: the framework answers.
#[utoipa::path(get, path = "/oz/panic", responses((status = 200, description = "Never", body = String), CapsuleError))]
async fn capsule_panic() -> String {
    panic!("the capsule handler failed (a bug)")
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

/// How many entries to count.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Count {
    /// How many.
    pub count: u32,
}

/// Counts entries.
#[utoipa::path(get, path = "/entrecode/entries", params(Count),
    responses((status = 200, description = "The entries", body = String), EntryError))]
async fn get_entries(Query(count): Query<Count>) -> String {
    format!("{} entries", count.count)
}

/// Looks an entry up by name (the query is read by hand: a missing `name`
/// is the handler's own error).
#[utoipa::path(get, path = "/entrecode/lookup",
    responses((status = 200, description = "The entry", body = String), EntryError))]
async fn get_lookup(RawQuery(query): RawQuery) -> Result<String, EntryError> {
    lookup(query.as_deref())
}

/// An entry to create.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewEntry {
    /// Its title.
    pub title: String,
    /// Its tags.
    pub tags: Vec<String>,
}

/// Creates an entry.
#[utoipa::path(post, path = "/entrecode/entries", request_body = NewEntry,
    responses((status = 201, description = "Created", body = String), EntryError))]
async fn create_entry(Json(entry): Json<NewEntry>) -> (StatusCode, String) {
    (
        StatusCode::CREATED,
        format!("created {} ({} tags)", entry.title, entry.tags.len()),
    )
}

/// An entry by id.
#[utoipa::path(get, path = "/entrecode/entries/{id}", params(("id" = u64, Path, description = "The entry's id")),
    responses((status = 200, description = "The entry", body = String), EntryError))]
async fn get_entry(Path(id): Path<u64>) -> Result<String, EntryError> {
    if id == 1 {
        Ok("entry 1".to_owned())
    } else {
        Err(EntryError::NotFound(id))
    }
}

/// Searches entries.
#[utoipa::path(get, path = "/entrecode/search", params(Page),
    responses((status = 200, description = "The entries", body = String), EntryError))]
async fn search_entries(Query(page): Query<Page>) -> String {
    format!("the first {} entries", page.limit)
}

/// Always panics: the framework answers.
#[utoipa::path(get, path = "/entrecode/panic", responses((status = 200, description = "Never", body = String), EntryError))]
async fn entry_panic() -> String {
    panic!("the entry handler failed (a bug)")
}

/// The entry store's health.
#[utoipa::path(get, path = "/entrecode/health", responses((status = 200, description = "Healthy", body = String), EntryError))]
async fn get_entry_health() -> Result<String, EntryError> {
    entry_health()
}

// The body schemas that `responses(CapsuleError)` and `responses(EntryError)`
// refer to, registered once in `components`, and the framework's own
// answers on the operations of each part that can produce them: the root
// (and `/oz`) in Oz, `/entrecode` in entrecode, nested as the routers are.
const ERROR_DOCS: ErrorDocs<CapsuleError> =
    ErrorDocs::new().nest(&[&ErrorDocs::<EntryError>::new().under("/entrecode")]);

/// The demo API's OpenAPI description.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "api-errors demo API",
        description = "An API that fails in both formats."
    ),
    paths(
        get_capsule,
        create_capsule,
        list_capsules,
        get_search,
        get_capsule_health,
        capsule_panic,
        get_entries,
        get_lookup,
        create_entry,
        get_entry,
        search_entries,
        get_entry_health,
        entry_panic
    ),
    modifiers(&ERROR_DOCS)
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
    // The root and `/oz` answer in Oz; `/entrecode`, nested as a service
    // so that its layer answers every path under it, in entrecode.
    let entrecode = Router::new()
        .route("/entries", get(get_entries).post(create_entry))
        .route("/entries/{id}", get(get_entry))
        .route("/lookup", get(get_lookup))
        .route("/search", get(search_entries))
        .route("/health", get(get_entry_health))
        .route("/panic", get(entry_panic))
        .layer(FrameworkErrorsLayer::<EntryError>::new());
    Router::new()
        .route("/oz/capsules", get(list_capsules).post(create_capsule))
        .route("/oz/capsules/{id}", get(get_capsule))
        .route("/oz/search", get(get_search))
        .route("/oz/health", get(get_capsule_health))
        .route("/oz/panic", get(capsule_panic))
        .route(
            "/openapi.json",
            get(|| async {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    openapi_json(),
                )
            }),
        )
        .layer(FrameworkErrorsLayer::<CapsuleError>::new())
        .nest_service("/entrecode", entrecode)
}
