use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 3)]
    Invalid,
    NotFound,
}

fn main() {}
