//! The service on axum, written as the README's "Serving" recipe says: one
//! router per error type, each ending in its timeout and its
//! `FrameworkErrorsLayer`, the others nested with `nest_service`.

use std::net::SocketAddr;
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use api_errors::axum::{FrameworkErrorsLayer, Json, Path, Query};
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
pub struct Server {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start() -> Self {
        super::quiet_planned_panics();
        let (ready, started) = mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                ready.send(listener.local_addr().unwrap()).unwrap();
                axum::serve(listener, app())
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = started
            .recv_timeout(Duration::from_secs(30))
            .expect("the axum server starts");
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
