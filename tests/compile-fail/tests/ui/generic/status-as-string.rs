use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 3, status = "400")]
    Invalid,
}

fn main() {}
