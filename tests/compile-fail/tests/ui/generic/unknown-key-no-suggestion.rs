use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 3, severity = 2)]
    Invalid,
}

fn main() {}
