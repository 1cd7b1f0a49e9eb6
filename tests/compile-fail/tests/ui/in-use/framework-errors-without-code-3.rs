// Without a code-3 variant, framework_errors needs two: one with a field
// for the cases that hand over a name, one without for the others. One
// error each, naming every case it answers.
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors)]
enum CapsuleError {
    #[api(code = 4, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 5, detail = parameter)]
    InvalidParameter { parameter: String },
    #[api(code = 10)]
    NotFound,
    #[api(code = 1)]
    MethodNotAllowed,
    #[api(code = 0)]
    Internal,
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
