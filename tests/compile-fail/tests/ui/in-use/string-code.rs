// A code written as a string: the fix is the same digits without quotes.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Capsule API", href = "https://example.com")
)]
enum CapsuleError {
    #[api(code = "2202", detail = name)]
    MissingQuery { name: String },
}

fn make() -> CapsuleError {
    CapsuleError::MissingQuery { name: "id".into() }
}

async fn handler() -> Result<String, CapsuleError> {
    Err(make())
}

fn main() {
    let _app: axum::Router = axum::Router::new().route("/", axum::routing::get(handler));
    let _body = make().to_json();
}
