use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 3)]
    #[api(status = 400, code = 4)]
    Invalid,
}

fn main() {}
