// A field type the compiler checks: its error comes first, at the field.
// Each use of the type also reports the unmet bound (not yet one error).
use api_errors::ApiError;

#[derive(Debug)]
struct Context;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    #[api(code = 4, title = "Invalid value", detail = context)]
    Invalid { context: Context },
}

fn make() -> CapsuleError {
    CapsuleError::Invalid { context: Context }
}

async fn handler() -> Result<String, CapsuleError> {
    Err(make())
}

fn main() {
    let _app: axum::Router = axum::Router::new().route("/", axum::routing::get(handler));
    let _body = make().to_json();
}
