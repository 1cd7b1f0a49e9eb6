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
