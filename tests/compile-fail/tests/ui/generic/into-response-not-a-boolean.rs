use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", into_response = "false")]
enum Error {
    #[api(code = 4)]
    InvalidValue,
}

fn main() {}
