use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", system = 2)]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
