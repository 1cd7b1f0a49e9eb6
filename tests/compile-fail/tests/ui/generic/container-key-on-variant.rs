use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(format = "oz", code = 3)]
    Invalid,
}

fn main() {}
