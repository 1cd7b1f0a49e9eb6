use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 400, code = 70000)]
    BadRequest,
}

fn main() {}
