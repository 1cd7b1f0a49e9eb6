//! `cargo bench -p api-errors-benches --bench extract`: the JSON extractor of
//! `api_errors::axum` against axum's own `Json`, in the same run, on a valid
//! body and on a rejected one (a property missing, two levels down).
//!
//! Both read the same request (built in each iteration, the same way for
//! both); a body in memory makes every future ready at its first poll, so a
//! no-op waker drives them without a runtime.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::body::Body;
use axum::extract::FromRequest;
use axum::http::{Request, header};
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;

#[derive(Deserialize)]
#[allow(dead_code, reason = "only deserialised")]
struct Note {
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

const VALID: &str = r#"{"title":"Groceries","body":"Milk, eggs, flour and a loaf of bread for the weekend.","tags":["home","weekly","shopping"],"pinned":true,"profile":{"color":"yellow","font_size":14}}"#;
const MISSING: &str = r#"{"title":"Groceries","body":"Milk, eggs, flour and a loaf of bread for the weekend.","tags":["home","weekly","shopping"],"pinned":true,"profile":{"font_size":14}}"#;

fn request(body: &'static str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri("/notes")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap_or_default()
}

/// The future's output, polled once: every future here is ready at once.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

fn extract(c: &mut Criterion) {
    for (name, body) in [("valid", VALID), ("missing_property", MISSING)] {
        let mut group = c.benchmark_group(format!("extract_{name}"));
        group.bench_function("axum::Json", |b| {
            b.iter(|| {
                let extracted = ready(axum::Json::<Note>::from_request(request(body), &()));
                black_box(extracted.is_ok())
            });
        });
        group.bench_function("api_errors::axum::Json", |b| {
            b.iter(|| {
                let extracted = ready(api_errors::axum::Json::<Note>::from_request(
                    request(body),
                    &(),
                ));
                black_box(extracted.is_ok())
            });
        });
        group.finish();
    }
}

criterion_group!(benches, extract);
criterion_main!(benches);
