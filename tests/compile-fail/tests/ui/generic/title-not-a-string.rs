use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 3, title = 5)]
    Invalid,
}

fn main() {}
