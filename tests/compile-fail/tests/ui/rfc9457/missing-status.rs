use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(title = "Not Found")]
    NotFound,
}

fn main() {}
