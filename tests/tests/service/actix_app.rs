//! The service on actix-web, written as the README's "Serving" recipe says:
//! one scope per error type, each wrapped in its `FrameworkErrors` (with
//! its timeout), inside the app's.

use std::time::Duration;

use actix_web::{App, HttpResponse, HttpServer, web};
use api_errors::actix::{BodyLimit, FrameworkErrors, HttpError, Json, Path, Query};
use api_errors_tests::servers::ActixServer;

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
pub fn start() -> ActixServer {
    api_errors_tests::servers::quiet_planned_panics(super::PLANNED_PANIC);
    ActixServer::start(|listener| Ok(HttpServer::new(app).workers(2).listen(listener)?.run()))
}
