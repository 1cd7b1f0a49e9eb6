//! The `tracing` feature: a 5xx response logs its error (with the source
//! chain when the type is an `std::error::Error`); the body never carries it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use api_errors::ApiError;
use api_errors_demo::{CapsuleError, EntryError, StorageError};

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What building the axum response for `error` logs, and the response body.
fn respond<E: ApiError>(error: &E) -> (String, Vec<u8>) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let response =
        tracing::subscriber::with_default(subscriber, || api_errors::axum::response(error));
    let body = futures_body(response);
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    (log, body)
}

/// The bytes of an axum response body (a full body: no runtime needed).
fn futures_body(response: axum::response::Response) -> Vec<u8> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec()
    })
}

#[test]
fn test_a_server_error_logs_its_cause_chain_and_the_body_does_not() {
    let (log, body) = respond(&EntryError::Internal(StorageError::connection_refused()));
    assert!(log.contains("ERROR"), "{log}");
    assert!(log.contains("code=2000"), "{log}");
    assert!(
        log.contains("the capsule store is unavailable: connection to 10.0.0.7:5432 refused"),
        "{log}"
    );
    let body = String::from_utf8(body).unwrap();
    assert!(
        !body.contains("10.0.0.7") && !body.contains("capsule store"),
        "{body}"
    );
}

#[test]
fn test_a_client_error_logs_nothing() {
    let (log, body) = respond(&CapsuleError::NotFound(3));
    assert_eq!(log, "");
    assert_eq!(body, CapsuleError::NotFound(3).to_json().as_bytes());
}

/// An error type that is not an `std::error::Error`.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Plain {
    #[api(code = 0)]
    Unknown,
}

#[test]
fn test_a_server_error_that_is_not_an_error_type_logs_code_and_title() {
    let (log, _) = respond(&Plain::Unknown);
    assert!(
        log.contains("code=0") && log.contains("Unknown server side error occurred"),
        "{log}"
    );
    assert!(!log.contains("error="), "{log}");
}
