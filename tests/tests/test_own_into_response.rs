//! `#[api(into_response = false)]`: the derive leaves axum's `IntoResponse`
//! to the user (who would otherwise get a conflicting-implementations error)
//! and still implements everything else, `utoipa::IntoResponses` included.

use api_errors::ApiError;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// An Oz error with a hand-written response: a `retry-after` header, and
/// 429 instead of 503 for one variant.
#[derive(Debug, ApiError)]
#[api(format = "oz", into_response = false)]
enum UploadError {
    #[api(code = 11, status = 503, title = "Storage unavailable")]
    StorageDown,
    #[api(code = 4, title = "Invalid size {0}")]
    InvalidSize(u64),
}

impl IntoResponse for UploadError {
    fn into_response(self) -> Response {
        let mut response = api_errors::axum::response(&self);
        if matches!(self, UploadError::StorageDown) {
            *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from_static("120"));
        }
        response
    }
}

fn body_of(response: Response) -> String {
    String::from_utf8(api_errors_tests::servers::axum_body(response)).unwrap()
}

#[test]
fn test_the_hand_written_impl_is_the_one_axum_uses() {
    let response = UploadError::StorageDown.into_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "120");
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        body_of(response),
        r#"{"error_code":11,"error_message":"Storage unavailable","details":null}"#
    );
}

#[test]
fn test_the_response_helper_is_what_the_derived_impl_returns() {
    let response = UploadError::InvalidSize(7).into_response();
    assert_eq!(response.status(), 400);
    assert!(response.headers().get("retry-after").is_none());
    assert_eq!(
        body_of(response),
        r#"{"error_code":4,"error_message":"Invalid size 7","details":null}"#
    );
}

#[test]
fn test_the_other_impls_are_still_derived() {
    assert_eq!(UploadError::StorageDown.status(), 503);
    let responses = <UploadError as utoipa::IntoResponses>::responses();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(statuses, ["400", "503"]);
}
