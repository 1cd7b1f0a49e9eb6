//! The notes service: handlers that take api-errors's extractors, a
//! panicking handler and service, a timeout and a rate-limiting middleware,
//! all behind `FrameworkErrorsLayer`.

use std::convert::Infallible;
use std::future::Ready;
use std::task::{Context, Poll};
use std::time::Duration;

use api_errors::axum::{Form, FrameworkErrorsLayer, Json, Path, Query};
use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::header::RETRY_AFTER;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use tower_http::timeout::TimeoutLayer;

use super::errors::NotesApi;

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

pub fn app<E: NotesApi>() -> Router {
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
