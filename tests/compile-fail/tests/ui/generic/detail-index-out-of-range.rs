use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 4, detail = 3)]
    InvalidValue(String),
}

fn main() {}
