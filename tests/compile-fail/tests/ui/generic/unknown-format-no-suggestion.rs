use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "problem+json")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
