//! The service on actix-web, written as the README's "Serving" recipe says:
//! one scope per error type, each wrapped in its `FrameworkErrors` (with
//! its timeout), inside the app's.

use std::net::SocketAddr;
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpResponse, HttpServer, web};
use api_errors::actix::{BodyLimit, FrameworkErrors, HttpError, Json, Path, Query};

use super::errors::{NoteError, Notes, OzError, StdError};
use super::{BODY_LIMIT, NewNote, Page, TIMEOUT};

async fn note<E: Notes + api_errors::ApiError>(
    Path(id): Path<u64>,
) -> Result<String, HttpError<E>> {
    if id == 1 {
        Ok("note 1".to_owned())
    } else {
        Err(E::not_found(id).into())
    }
}

async fn create(Json(note): Json<NewNote>) -> HttpResponse {
    HttpResponse::Created().body(format!("created {} ({} tags)", note.title, note.tags.len()))
}

async fn list(Query(page): Query<Page>) -> String {
    format!("the first {} notes", page.limit)
}

async fn panics() -> HttpResponse {
    panic!("{}", super::PLANNED_PANIC)
}

async fn slow() -> &'static str {
    actix_web::rt::time::sleep(Duration::from_secs(10)).await;
    "too late"
}

/// One API's routes: the README's lines for one scope.
fn routes<E: Notes + api_errors::ApiError>(config: &mut web::ServiceConfig) {
    config
        .service(
            web::resource("/notes")
                .route(web::get().to(list))
                .route(web::post().to(create)),
        )
        .service(web::resource("/notes/{id}").route(web::get().to(note::<E>)))
        .route("/panic", web::get().to(panics))
        .route("/slow", web::get().to(slow));
}

/// The whole service: a scope per nested API, the root's routes, each
/// wrapped in its error type's middleware.
fn app() -> App<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(BodyLimit::new(BODY_LIMIT))
        .service(
            web::scope("/oz")
                .configure(routes::<OzError>)
                .wrap(FrameworkErrors::<OzError>::new().timeout(TIMEOUT)),
        )
        .service(
            web::scope("/std")
                .configure(routes::<StdError>)
                .wrap(FrameworkErrors::<StdError>::new().timeout(TIMEOUT)),
        )
        .configure(routes::<NoteError>)
        .route(
            "/openapi.json",
            web::get().to(|| async { super::openapi::json() }),
        )
        .wrap(FrameworkErrors::<NoteError>::new().timeout(TIMEOUT))
}

/// The service on an ephemeral port of 127.0.0.1; stopped on drop.
pub struct Server {
    pub addr: SocketAddr,
    handle: ServerHandle,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start() -> Self {
        super::quiet_planned_panics();
        let (ready, started) = mpsc::channel();
        let thread = thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(app)
                    .workers(2)
                    .bind(("127.0.0.1", 0))
                    .unwrap();
                let addr = server.addrs()[0];
                let server = server.run();
                ready.send((addr, server.handle())).unwrap();
                server.await.unwrap();
            });
        });
        let (addr, handle) = started
            .recv_timeout(Duration::from_secs(30))
            .expect("the actix server starts");
        Server {
            addr,
            handle,
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Stopping only sends a command; any executor can drive it.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(self.handle.stop(true));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
