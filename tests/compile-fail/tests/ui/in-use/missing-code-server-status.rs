// A variant with no field is not offered `transparent`; with `status =
// 500` the advice lists the Oz codes of server errors.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    #[api(code = 10, title = "Capsule {0} not found")]
    NotFound(u64),
    #[api(status = 500)]
    Database,
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
