use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzError {
    #[api(code = 10)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(transparent)]
    Oz(OzError),
}

fn main() {}
