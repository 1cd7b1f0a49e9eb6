// An unknown format is reported alone: its variants are not checked as
// another format's.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc-9457", type_base = "https://example.com/probs/")]
enum CapsuleError {
    #[api(status = 403, type = "out-of-credit", title = "You do not have enough credit.")]
    OutOfCredit,
    #[api(status = 404, title = "Not Found")]
    NotFound,
}

fn make() -> CapsuleError {
    CapsuleError::NotFound
}

async fn handler() -> Result<String, CapsuleError> {
    Err(make())
}

fn main() {
    let _app: axum::Router = axum::Router::new().route("/", axum::routing::get(handler));
    let _body = make().to_json();
}
