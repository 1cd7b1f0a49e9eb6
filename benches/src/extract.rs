//! The JSON extractor of `api_errors::axum` and axum's own `Json`, reading
//! the same requests: a valid note, and one whose property two levels down
//! is missing. Shared by the criterion bench (`benches/extract.rs`) and the
//! instruction counts (`src/bin/instructions.rs`).
//!
//! Both extractors read a request built the same way in each call; a body
//! in memory makes every future ready at its first poll, so a no-op waker
//! drives them without a runtime.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::body::Body;
use axum::extract::FromRequest;
use axum::http::{Request, header};
use serde::Deserialize;

/// What the handler reads.
#[derive(Deserialize)]
#[allow(dead_code, reason = "only deserialised")]
pub struct Note {
    title: String,
    body: String,
    tags: Vec<String>,
    pinned: bool,
    profile: Profile,
}

#[derive(Deserialize)]
#[allow(dead_code, reason = "only deserialised")]
struct Profile {
    color: String,
    font_size: u8,
}

/// A note both extractors accept.
pub const VALID: &str = r#"{"title":"Groceries","body":"Milk, eggs, flour and a loaf of bread for the weekend.","tags":["home","weekly","shopping"],"pinned":true,"profile":{"color":"yellow","font_size":14}}"#;

/// The same note without `profile.color`: both refuse it.
pub const MISSING: &str = r#"{"title":"Groceries","body":"Milk, eggs, flour and a loaf of bread for the weekend.","tags":["home","weekly","shopping"],"pinned":true,"profile":{"font_size":14}}"#;

fn request(body: &'static str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri("/notes")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap_or_default()
}

/// The future's output: every future here is ready at once.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// axum's `Json` on `body`: whether it accepted it.
#[must_use]
pub fn axum_json(body: &'static str) -> bool {
    ready(axum::Json::<Note>::from_request(request(body), &())).is_ok()
}

/// `api_errors::axum::Json` on `body`: whether it accepted it.
#[must_use]
pub fn api_errors_json(body: &'static str) -> bool {
    ready(api_errors::axum::Json::<Note>::from_request(
        request(body),
        &(),
    ))
    .is_ok()
}

/// The handler of the router benches: the crate's extractor, an answer.
async fn create(api_errors::axum::Json(note): api_errors::axum::Json<Note>) -> &'static str {
    std::hint::black_box(&note);
    "created"
}

/// The error type of the layered router: every framework error in Oz.
#[derive(Debug, api_errors::ApiError)]
#[api(format = "oz")]
pub enum RouterError {
    /// The framework's answers.
    #[api(framework)]
    Framework(api_errors::framework::Answer),
}

/// `POST /notes` with the crate's `Json`, with or without
/// `FrameworkErrorsLayer` (built once).
fn router(layered: bool) -> &'static axum::Router {
    use std::sync::OnceLock;
    static BARE: OnceLock<axum::Router> = OnceLock::new();
    static LAYERED: OnceLock<axum::Router> = OnceLock::new();
    let build = || axum::Router::new().route("/notes", axum::routing::post(create));
    if layered {
        LAYERED.get_or_init(|| {
            build().layer(api_errors::axum::FrameworkErrorsLayer::<RouterError>::new())
        })
    } else {
        BARE.get_or_init(build)
    }
}

/// `body` sent to the router (`layered`: behind `FrameworkErrorsLayer`):
/// the answer's status.
#[must_use]
pub fn through_router(body: &'static str, layered: bool) -> u16 {
    use tower_service::Service as _;
    let answer = ready(router(layered).clone().call(request(body)));
    answer.map_or(0, |response| response.status().as_u16())
}

/// [`through_router`] behind the layer, the request with an
/// `x-request-id`: the answer's status and whether it carries the id.
#[must_use]
pub fn through_layer_with_id(body: &'static str) -> (u16, bool) {
    use tower_service::Service as _;
    let mut request = request(body);
    request.headers_mut().insert(
        "x-request-id",
        http::HeaderValue::from_static("4bf92f3577b34da6a3ce929d0e0e4736"),
    );
    let answer = ready(router(true).clone().call(request));
    answer.map_or((0, false), |response| {
        (
            response.status().as_u16(),
            response.headers().contains_key("x-request-id"),
        )
    })
}
