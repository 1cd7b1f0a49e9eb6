//! The `tracing` feature: a 5xx response logs its error (with the source
//! chain when the type is an `std::error::Error`); the body never carries it.

use api_errors::ApiError;
use api_errors_demo::{CapsuleError, EntryError, StorageError};
use api_errors_tests::{logs, servers};

/// What building the axum response for `error` logs, and the response body.
fn respond<E: ApiError>(error: &E) -> (String, Vec<u8>) {
    let (response, log) = logs::capture(|| api_errors::axum::response(error));
    (log, servers::axum_body(response))
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

/// A cause whose wrappers already print it, as thiserror's
/// `#[error("… {0}")]` and `#[error(transparent)]` do.
#[derive(Debug)]
struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection refused (os error 111)")
    }
}

impl std::error::Error for Refused {}

/// `query failed: {source}`.
#[derive(Debug)]
struct QueryFailed(Refused);

impl std::fmt::Display for QueryFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "query failed: {}", self.0)
    }
}

impl std::error::Error for QueryFailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// A 5xx whose `Display` prints its source, which prints its own.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Wrapped {
    #[api(code = 12)]
    Database(QueryFailed),
}

impl std::fmt::Display for Wrapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Wrapped::Database(cause) = self;
        write!(f, "loading the capsule: {cause}")
    }
}

impl std::error::Error for Wrapped {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        let Wrapped::Database(cause) = self;
        Some(cause)
    }
}

#[test]
fn test_each_cause_is_logged_once_under_the_crates_target() {
    let (log, _) = respond(&Wrapped::Database(QueryFailed(Refused)));
    assert_eq!(
        log.matches("connection refused (os error 111)").count(),
        1,
        "{log}"
    );
    assert!(
        log.contains("error=loading the capsule: query failed: connection refused (os error 111)"),
        "{log}"
    );
    // The target a filter names: `RUST_LOG=api_errors=error`.
    assert!(
        log.contains(&format!(" {}: server error", api_errors::LOG_TARGET)),
        "{log}"
    );
    assert_eq!(api_errors::LOG_TARGET, "api_errors");
    // A chain whose wrappers do not print their sources is written whole.
    let (log, _) = respond(&EntryError::Internal(StorageError::connection_refused()));
    assert!(
        log.contains("the capsule store is unavailable: connection to 10.0.0.7:5432 refused"),
        "{log}"
    );
}
