//! Serving rfc9457 problems: the derived axum `IntoResponse` and actix-web's
//! `HttpError` answer with the variant's status, `application/problem+json`
//! and the body; and with `framework_errors` left to the format's defaults
//! (the status's variant: 400, 404, 405, 413, 415, 500, 503), the
//! framework's own errors (no route, a method not allowed, a body that is
//! not JSON, a missing property) are answered in rfc9457 by
//! `FrameworkErrorsLayer` (axum) and `FrameworkErrors` (actix-web), in
//! memory. Each answer is compared with a body written out by hand and read
//! back with `ProblemDetails::from_response`.

use actix_web::ResponseError as _;
use actix_web::dev::Service as _;
use api_errors::ApiError;
use api_errors::framework::{FrameworkError, FromFrameworkError};
use api_errors::rfc9457::ProblemDetails;
use axum::body::Body;
use axum::http::Request;
use serde::Deserialize;
use tower::ServiceExt as _;

#[derive(Debug, ApiError)]
#[api(
    format = "rfc9457",
    type_base = "https://example.com/probs/",
    framework_errors
)]
enum ShopError {
    #[api(
        status = 403,
        type = "out-of-credit",
        title = "You do not have enough credit.",
        detail = "Your current balance is {balance}, but that costs {cost}.",
        extensions(balance)
    )]
    OutOfCredit { balance: u64, cost: u64 },
    /// A property of the request is missing or has the wrong type.
    #[api(status = 400, detail = 0)]
    BadProperty(String),
    #[api(status = 400)]
    BadRequest,
    #[api(status = 404)]
    NotFound,
    #[api(status = 405)]
    MethodNotAllowed,
    #[api(status = 413)]
    TooLarge,
    #[api(status = 415)]
    UnsupportedMediaType,
    #[api(status = 500)]
    Internal,
    #[api(status = 503)]
    Unavailable,
}

const OUT_OF_CREDIT: &str = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","balance":30}"#;

fn blank(status: u16, title: &str) -> String {
    format!(r#"{{"type":"about:blank","title":"{title}","status":{status}}}"#)
}

fn bad_property(name: &str) -> String {
    format!(r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"{name}"}}"#)
}

/// An answer: its status, media type and body, read back as a problem.
#[track_caller]
fn assert_answer(status: u16, content_type: Option<&str>, body: &[u8], expected: (u16, &str)) {
    assert_eq!(
        (status, std::str::from_utf8(body).unwrap()),
        expected,
        "the answer"
    );
    assert_eq!(content_type, Some("application/problem+json"));
    let problem = ProblemDetails::from_response(status, content_type, body)
        .expect("the answer reads back as a problem");
    assert_eq!(problem.status, Some(status));
}

#[test]
fn test_the_defaults_answer_every_framework_error() {
    let cases = [
        (
            FrameworkError::MissingProperty {
                property: "profile.color",
            },
            bad_property("profile.color"),
        ),
        (
            FrameworkError::InvalidProperty {
                property: "tags[1]",
            },
            bad_property("tags[1]"),
        ),
        (FrameworkError::InvalidBody, blank(400, "Bad Request")),
        (FrameworkError::MissingBody, blank(400, "Bad Request")),
        (
            FrameworkError::UnsupportedMediaType,
            blank(415, "Unsupported Media Type"),
        ),
        (
            FrameworkError::PayloadTooLarge,
            blank(413, "Content Too Large"),
        ),
        (
            FrameworkError::InvalidPathParameter { parameter: "id" },
            bad_property("id"),
        ),
        (
            FrameworkError::MissingQueryParameter { parameter: "limit" },
            bad_property("limit"),
        ),
        (
            FrameworkError::InvalidQueryParameter { parameter: "limit" },
            bad_property("limit"),
        ),
        (FrameworkError::NotFound, blank(404, "Not Found")),
        (
            FrameworkError::MethodNotAllowed,
            blank(405, "Method Not Allowed"),
        ),
        (FrameworkError::Panic, blank(500, "Internal Server Error")),
        (FrameworkError::Timeout, blank(503, "Service Unavailable")),
        // Another status: its own variant, else one of its class.
        (
            FrameworkError::Status(503),
            blank(503, "Service Unavailable"),
        ),
        (FrameworkError::Status(429), blank(400, "Bad Request")),
        (
            FrameworkError::Status(502),
            blank(500, "Internal Server Error"),
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(
            ShopError::from_framework_error(error).to_json(),
            expected,
            "{error:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// axum.

#[derive(Debug, Deserialize)]
struct Order {
    #[allow(dead_code, reason = "read to be checked, never used")]
    item: String,
}

async fn buy(
    api_errors::axum::Json(_order): api_errors::axum::Json<Order>,
) -> Result<&'static str, ShopError> {
    Err(ShopError::OutOfCredit {
        balance: 30,
        cost: 50,
    })
}

fn axum_app() -> axum::Router {
    axum::Router::new()
        .route("/buy", axum::routing::post(buy))
        .layer(api_errors::axum::FrameworkErrorsLayer::<ShopError>::new())
}

/// `request` answered by the axum app: status, media type, `Allow`, body.
fn axum_call(request: Request<Body>) -> (u16, Option<String>, Option<String>, Vec<u8>) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let response = axum_app().oneshot(request).await.unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|value| value.to_str().unwrap().to_owned())
        };
        let (status, content_type, allow) = (
            response.status().as_u16(),
            header("content-type"),
            header("allow"),
        );
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, content_type, allow, body.to_vec())
    })
}

fn json_post(uri: &str, body: &'static str) -> Request<Body> {
    Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap()
}

#[test]
fn test_axum_answers_a_derived_error_with_its_status_media_type_and_body() {
    let response = axum::response::IntoResponse::into_response(ShopError::OutOfCredit {
        balance: 30,
        cost: 50,
    });
    assert_eq!(response.status(), 403);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let (status, content_type, _, body) = axum_call(json_post("/buy", r#"{"item":"book"}"#));
    assert_answer(status, content_type.as_deref(), &body, (403, OUT_OF_CREDIT));
}

#[test]
fn test_axum_answers_the_frameworks_errors_in_rfc9457() {
    let not_found = blank(404, "Not Found");
    let (status, content_type, _, body) =
        axum_call(Request::get("/nowhere").body(Body::empty()).unwrap());
    assert_answer(status, content_type.as_deref(), &body, (404, &not_found));

    let method = blank(405, "Method Not Allowed");
    let (status, content_type, allow, body) =
        axum_call(Request::get("/buy").body(Body::empty()).unwrap());
    assert_answer(status, content_type.as_deref(), &body, (405, &method));
    assert_eq!(allow.as_deref(), Some("POST"), "the Allow header is kept");

    let invalid = blank(400, "Bad Request");
    let (status, content_type, _, body) = axum_call(json_post("/buy", "{not json"));
    assert_answer(status, content_type.as_deref(), &body, (400, &invalid));

    let missing = bad_property("item");
    let (status, content_type, _, body) = axum_call(json_post("/buy", "{}"));
    assert_answer(status, content_type.as_deref(), &body, (400, &missing));
}

// ---------------------------------------------------------------------------
// actix-web.

async fn actix_buy(
    api_errors::actix::Json(_order): api_errors::actix::Json<Order>,
) -> Result<&'static str, api_errors::actix::HttpError<ShopError>> {
    Err(ShopError::OutOfCredit {
        balance: 30,
        cost: 50,
    })?
}

/// `request` answered by the actix-web app: status, media type, `Allow`,
/// body.
fn actix_call(
    request: actix_web::test::TestRequest,
) -> (u16, Option<String>, Option<String>, Vec<u8>) {
    actix_web::rt::System::new().block_on(async {
        let app = actix_web::test::init_service(
            actix_web::App::new()
                // A resource answers a method it has no route for with 405.
                .service(
                    actix_web::web::resource("/buy").route(actix_web::web::post().to(actix_buy)),
                )
                .wrap(api_errors::actix::FrameworkErrors::<ShopError>::new()),
        )
        .await;
        let response = match app.call(request.to_request()).await {
            Ok(response) => response.into_parts().1.map_into_boxed_body(),
            Err(error) => error.error_response(),
        };
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|value| value.to_str().unwrap().to_owned())
        };
        let (status, content_type, allow) = (
            response.status().as_u16(),
            header("content-type"),
            header("allow"),
        );
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap();
        (status, content_type, allow, body.to_vec())
    })
}

fn actix_json_post(body: &'static str) -> actix_web::test::TestRequest {
    actix_web::test::TestRequest::post()
        .uri("/buy")
        .insert_header(("content-type", "application/json"))
        .set_payload(body)
}

#[test]
fn test_actix_web_answers_a_derived_error_with_its_status_media_type_and_body() {
    let response = api_errors::actix::HttpError(ShopError::OutOfCredit {
        balance: 30,
        cost: 50,
    })
    .error_response();
    assert_eq!(response.status(), 403);
    let (status, content_type, _, body) = actix_call(actix_json_post(r#"{"item":"book"}"#));
    assert_answer(status, content_type.as_deref(), &body, (403, OUT_OF_CREDIT));
}

#[test]
fn test_actix_web_answers_the_frameworks_errors_in_rfc9457() {
    let not_found = blank(404, "Not Found");
    let (status, content_type, _, body) =
        actix_call(actix_web::test::TestRequest::get().uri("/nowhere"));
    assert_answer(status, content_type.as_deref(), &body, (404, &not_found));

    let method = blank(405, "Method Not Allowed");
    let (status, content_type, _, body) =
        actix_call(actix_web::test::TestRequest::get().uri("/buy"));
    assert_answer(status, content_type.as_deref(), &body, (405, &method));

    let invalid = blank(400, "Bad Request");
    let (status, content_type, _, body) = actix_call(actix_json_post("{not json"));
    assert_answer(status, content_type.as_deref(), &body, (400, &invalid));

    let missing = bad_property("item");
    let (status, content_type, _, body) = actix_call(actix_json_post("{}"));
    assert_answer(status, content_type.as_deref(), &body, (400, &missing));
}
