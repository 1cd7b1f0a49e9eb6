use error_core::ApiError;

#[derive(Debug, ApiError)]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
