// An Oz client code with a server status.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    #[api(code = 10, status = 500)]
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
