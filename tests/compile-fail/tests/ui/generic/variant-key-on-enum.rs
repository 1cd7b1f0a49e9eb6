use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", code = 3)]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
