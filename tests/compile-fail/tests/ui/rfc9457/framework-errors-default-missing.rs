use api_errors::ApiError;

// A case left to its default is answered by the about:blank problem of
// the case's status (a variant of that status without `code`): 400, 413,
// 415 and 503 have none here.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", framework_errors)]
enum Error {
    #[api(status = 404)]
    NotFound,
    #[api(status = 405)]
    MethodNotAllowed,
    #[api(status = 500)]
    Internal,
}

fn main() {}
