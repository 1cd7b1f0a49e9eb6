use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "problem+json")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
