//! `headers(...)`: the response headers a variant declares reach the
//! response, as written or from the field, through the derived axum
//! `IntoResponse`, `api_errors::axum::response`, the framework layer and
//! actix-web's `HttpError`.

use std::fmt;

use actix_web::ResponseError as _;
use api_errors::ApiError;
use axum::response::IntoResponse;

/// A `Display` that would inject a header if it reached the wire.
#[derive(Debug)]
struct Injected;

impl fmt::Display for Injected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("1\r\nSet-Cookie: session=stolen")
    }
}

#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors(not_found = Gone, method_not_allowed = Gone,
      missing_property = Missing, invalid_property = Missing, invalid_body = Unauthorized,
      missing_body = Unauthorized, unsupported_media_type = Unauthorized,
      payload_too_large = Unauthorized, invalid_path_parameter = Missing,
      missing_query_parameter = Missing, invalid_query_parameter = Missing,
      panic = Unknown, timeout = Unknown))]
enum Limits {
    #[api(code = 6, headers(www_authenticate = "Bearer realm=\"notes\""))]
    Unauthorized,
    #[api(code = 4, status = 429, title = "Slow down", headers(retry_after = seconds, x_limit = "100"))]
    TooMany { seconds: u64 },
    #[api(code = 4, status = 429, title = "Slow down", headers(retry_after = 0))]
    Maybe(Option<u32>),
    #[api(
        code = 4,
        status = 429,
        title = "Slow down",
        headers(retry_after = 0, x_limit = "5")
    )]
    Hostile(Injected),
    #[api(
        code = 4,
        status = 429,
        title = "Slow down",
        headers(retry_after = "60")
    )]
    RateLimited,
    #[api(code = 3, detail = 0)]
    Missing(String),
    #[api(code = 10)]
    Gone,
    #[api(code = 0)]
    Unknown,
    #[api(transparent)]
    Wrapped(Inner),
}

#[derive(Debug, ApiError)]
#[api(
    format = "oz",
    code = 8,
    headers(www_authenticate = "Bearer error=\"invalid_token\"")
)]
struct Inner;

/// The response's headers, as `name: value` lines in order, without
/// `content-type`.
fn headers(response: &axum::response::Response) -> Vec<String> {
    response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "content-type")
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap()))
        .collect()
}

#[test]
fn a_constant_header_and_a_field_header() {
    let response = Limits::Unauthorized.into_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        headers(&response),
        ["www-authenticate: Bearer realm=\"notes\""]
    );
    let response = Limits::TooMany { seconds: 30 }.into_response();
    assert_eq!(response.status(), 429);
    assert_eq!(headers(&response), ["retry-after: 30", "x-limit: 100"]);
    // `api_errors::axum::response` is what the derived impl returns.
    let by_hand = api_errors::axum::response(&Limits::TooMany { seconds: 30 });
    assert_eq!(headers(&by_hand), ["retry-after: 30", "x-limit: 100"]);
}

#[test]
fn an_option_field_sends_its_header_only_when_some() {
    assert_eq!(
        headers(&Limits::Maybe(Some(5)).into_response()),
        ["retry-after: 5"]
    );
    assert!(headers(&Limits::Maybe(None).into_response()).is_empty());
}

#[test]
fn a_display_that_is_no_header_value_sends_no_header() {
    // The line break would have split the header: the value is refused,
    // the other header stays, and nothing of it is in the body either.
    let response = Limits::Hostile(Injected).into_response();
    assert_eq!(headers(&response), ["x-limit: 5"]);
}

#[test]
fn a_transparent_variant_sends_its_inner_types_headers() {
    let response = Limits::Wrapped(Inner).into_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        headers(&response),
        ["www-authenticate: Bearer error=\"invalid_token\""]
    );
}

#[test]
fn actix_web_responses_carry_them_too() {
    let error = api_errors::actix::HttpError(Limits::TooMany { seconds: 12 });
    let response = error.error_response();
    assert_eq!(response.status().as_u16(), 429);
    let mut found: Vec<String> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "content-type")
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap()))
        .collect();
    found.sort();
    assert_eq!(found, ["retry-after: 12", "x-limit: 100"]);
}

#[test]
fn the_framework_layer_answers_with_the_variants_headers() {
    use api_errors::axum::FrameworkErrorsLayer;
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use tower_service::Service as _;

    // A middleware's 429 with its own Retry-After: the variant that has
    // status 429 and no fields answers, and its declared header wins.
    async fn limited() -> impl IntoResponse {
        (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", "7"), ("x-request", "r1")],
            "slow down",
        )
    }
    let mut app = Router::new()
        .route("/limited", get(limited))
        .layer(FrameworkErrorsLayer::<Limits>::new());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let response = runtime
        .block_on(app.call(Request::get("/limited").body(Body::empty()).unwrap()))
        .unwrap();
    assert_eq!(response.status(), 429);
    let mut found = headers(&response);
    found.sort();
    let body = r#"{"error_code":4,"error_message":"Slow down","details":null}"#;
    // The length is the new body's, not the replaced "slow down"'s.
    let length = format!("content-length: {}", body.len());
    assert_eq!(found, [length.as_str(), "retry-after: 60", "x-request: r1"]);
    let bytes = runtime
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap();
    assert_eq!(bytes, body.as_bytes());
}
