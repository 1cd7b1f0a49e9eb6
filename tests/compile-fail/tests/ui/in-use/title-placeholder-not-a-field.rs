// A derive error leaves stand-ins for everything the derive implements:
// the handler and the call below report nothing more.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    #[api(code = 10, title = "Capsule {id} not found")]
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
