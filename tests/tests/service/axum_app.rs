//! The service on axum, written as the README's "Serving" recipe says: one
//! router per error type, each ending in its timeout and its
//! `FrameworkErrorsLayer`, the others nested with `nest_service`.

use std::time::Duration;

use api_errors::axum::{FrameworkErrorsLayer, Json, Path, Query};
use api_errors_tests::servers::AxumServer;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use tower_http::timeout::TimeoutLayer;

use super::errors::{NoteError, Notes, OzError, StdError};
use super::{BODY_LIMIT, NewNote, Page, TIMEOUT};

async fn note<E: Notes>(Path(id): Path<u64>) -> Result<String, E> {
    if id == 1 {
        Ok("note 1".to_owned())
    } else {
        Err(E::not_found(id))
    }
}

async fn create(Json(note): Json<NewNote>) -> (StatusCode, String) {
    (
        StatusCode::CREATED,
        format!("created {} ({} tags)", note.title, note.tags.len()),
    )
}

async fn list(Query(page): Query<Page>) -> String {
    format!("the first {} notes", page.limit)
}

async fn panics() -> String {
    panic!("{}", super::PLANNED_PANIC)
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(10)).await;
    "too late"
}

/// One router and its error type: the README's lines for one router.
fn router<E: Notes + IntoResponse>() -> Router {
    Router::new()
        .route("/notes", get(list).post(create))
        .route("/notes/{id}", get(note::<E>))
        .route("/panic", get(panics))
        .route("/slow", get(slow))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            TIMEOUT,
        ))
        .layer(FrameworkErrorsLayer::<E>::new())
}

/// The whole service: the root's router, the others nested.
pub fn app() -> Router {
    router::<NoteError>()
        .nest_service("/oz", router::<OzError>())
        .nest_service("/std", router::<StdError>())
        .route("/openapi.json", get(|| async { super::openapi::json() }))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// The service on an ephemeral port of 127.0.0.1; stopped on drop.
pub fn start() -> AxumServer {
    api_errors_tests::servers::quiet_planned_panics(super::PLANNED_PANIC);
    AxumServer::start(app())
}
