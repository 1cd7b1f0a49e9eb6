// A missing format is reported alone: no "missing `code`" for the
// variant without one, which only a format could require.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
enum CapsuleError {
    #[api(code = 10, title = "Capsule {0} not found")]
    NotFound(u64),
    Unknown,
}

fn make() -> CapsuleError {
    CapsuleError::NotFound(1)
}

async fn handler() -> Result<String, CapsuleError> {
    Err(make())
}

fn main() {
    let _app: axum::Router = axum::Router::new().route("/", axum::routing::get(handler));
    let _body = make().to_json();
}
