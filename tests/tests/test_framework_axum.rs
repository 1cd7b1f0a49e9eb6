//! End to end: an axum service whose handlers take api-errors's extractors
//! (`Json`, `Query`, `Path`, `Form`), behind `FrameworkErrorsLayer`, served
//! on 127.0.0.1 (an ephemeral port) in both formats and called with a real
//! HTTP client. Every bad request must be answered in the format: an error
//! status, the format's media type, a body the format's client type parses
//! (entrecode: its `status` equal to the response's), the code, title and
//! detail written out in `framework_axum/cases.rs`, and no framework text.
//! A bounded load test mixes good and bad requests.
//!
//! The error types (`framework_axum/errors.rs`) derive
//! `FromFrameworkError` with `framework_errors` (the defaults: Oz
//! 3, 4, 5, 10, 1, 0; entrecode x201, x211, x200, x202, x212, x100, x110,
//! x000).

mod framework_axum;

use std::thread::{self, JoinHandle};
use std::time::Instant;

use api_errors_tests::logs;
use axum::body::Body;
use axum::extract::Request;

use framework_axum::cases::{Expected, bad_requests, call_get, good_requests, too_large};
use framework_axum::client::{Format, check, client, send, serve};
use framework_axum::errors::NoteError;
use framework_axum::service::app;

fn answers_every_request(format: Format) {
    let server = serve(format);
    let agent = client();
    let bad = bad_requests();
    assert!(bad.len() >= 25, "{} bad requests", bad.len());
    for case in good_requests().iter().chain(&bad) {
        check(format, case, &send(&agent, server.addr, &case.call));
    }
}

#[test]
fn test_oz_answers_every_bad_request_in_its_format() {
    answers_every_request(Format::Oz);
}

#[test]
fn test_entrecode_answers_every_bad_request_in_its_format() {
    answers_every_request(Format::Entrecode);
}

#[test]
fn test_a_body_over_the_limit_is_answered_in_the_format() {
    for format in [Format::Oz, Format::Entrecode] {
        let server = serve(format);
        let case = too_large();
        check(format, &case, &send(&client(), server.addr, &case.call));
    }
}

#[test]
fn test_the_handlers_own_errors_pass_through() {
    let server = serve(Format::Oz);
    let answer = send(&client(), server.addr, &call_get("/notes/7"));
    assert_eq!(answer.status, 404);
    assert_eq!(
        String::from_utf8(answer.body).unwrap(),
        r#"{"error_code":10,"error_message":"Note 7 not found","details":null}"#
    );
    let server = serve(Format::Entrecode);
    let answer = send(&client(), server.addr, &call_get("/notes/7"));
    assert_eq!(answer.status, 404);
    assert_eq!(
        String::from_utf8(answer.body).unwrap(),
        concat!(
            r#"{"status":404,"code":2100,"title":"Resource not found","type":"https://notes.example/errors/2100","detail":"7","#,
            r#""_links":{"up":{"title":"Notes API","href":"http://127.0.0.1"},"#,
            r#""describedby":{"title":"Error Description","href":"https://notes.example/errors/2100"}}}"#
        )
    );
}

/// 1,000 requests, 50 in flight (50 clients of 20 requests each, over every
/// good and bad request): every answer must be whole and the one its request
/// asked for.
fn load(format: Format) {
    const CLIENTS: usize = 50;
    const REQUESTS_PER_CLIENT: usize = 20;
    let server = serve(format);
    let addr = server.addr;
    let started = Instant::now();
    let clients: Vec<JoinHandle<(usize, usize)>> = (0..CLIENTS)
        .map(|client_index| {
            thread::spawn(move || {
                let agent = client();
                let mut cases = good_requests();
                // Good and bad interleaved, so that every client sends both.
                for (index, case) in bad_requests().into_iter().enumerate() {
                    cases.insert((2 * index).min(cases.len()), case);
                }
                let mut bad = 0;
                for request in 0..REQUESTS_PER_CLIENT {
                    let case = &cases[(client_index * 7 + request) % cases.len()];
                    check(format, case, &send(&agent, addr, &case.call));
                    bad += usize::from(matches!(case.expected, Expected::Error { .. }));
                }
                (REQUESTS_PER_CLIENT, bad)
            })
        })
        .collect();
    let (answered, bad) = clients
        .into_iter()
        .map(|client| client.join().expect("a client failed a check"))
        .fold((0, 0), |(all, bad), (one, its_bad)| {
            (all + one, bad + its_bad)
        });
    let elapsed = started.elapsed();
    assert_eq!(answered, CLIENTS * REQUESTS_PER_CLIENT);
    assert!(
        bad > answered / 4 && bad < answered,
        "{bad} bad of {answered}"
    );
    #[allow(clippy::cast_precision_loss, reason = "a figure for the log")]
    let rate = answered as f64 / elapsed.as_secs_f64();
    eprintln!(
        "load ({format:?}): {answered} requests ({bad} bad), {CLIENTS} in flight, all correct, in {elapsed:.2?} ({rate:.0} requests/s)"
    );
}

#[test]
fn test_oz_under_load() {
    load(Format::Oz);
}

#[test]
fn test_entrecode_under_load() {
    load(Format::Entrecode);
}

#[test]
fn test_a_panic_is_logged_with_its_message_and_answered_without_it() {
    // One thread: the capture holds what this thread logs.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let call = || {
        runtime.block_on(async {
            let request = Request::get("/panic").body(Body::empty()).unwrap();
            let response = tower_service::Service::call(&mut app::<NoteError>(), request)
                .await
                .unwrap();
            let status = response.status().as_u16();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            (status, String::from_utf8(body.to_vec()).unwrap())
        })
    };
    // Once outside the capture, as the other tests of this binary call the
    // same route on other threads: what this thread logs next is still
    // captured.
    call();
    let ((status, body), log) = logs::capture(call);
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
    );
    let line = log
        .lines()
        .find(|line| line.contains("a handler panicked"))
        .unwrap_or_else(|| panic!("the panic is logged: {log}"));
    assert!(line.contains("ERROR"), "{line}");
    assert!(line.contains("the database password is hunter2"), "{line}");
}
