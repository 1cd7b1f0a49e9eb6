use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 422, type = "about:blank", title = "Unprocessable Entity")]
    Invalid,
}

fn main() {}
