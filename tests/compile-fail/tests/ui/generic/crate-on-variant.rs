use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(crate = "api_errors", code = 3)]
    Invalid,
}

fn main() {}
