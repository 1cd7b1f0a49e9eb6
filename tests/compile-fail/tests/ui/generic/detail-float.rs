use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 3, detail = 1.5)]
    Invalid(String),
}

fn main() {}
