use api_errors::ApiError;

// Every default needs a variant: this type has only two of them.
#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors)]
enum Error {
    #[api(code = 10)]
    NotFound,
    #[api(code = 0)]
    Unknown,
}

fn main() {}
