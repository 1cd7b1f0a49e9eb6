// A misspelt key.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    #[api(code = 10, tilte = "Capsule {0} not found")]
    NotFound(u64),
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
