use api_errors::ApiError;

#[derive(Debug, ApiError)]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
