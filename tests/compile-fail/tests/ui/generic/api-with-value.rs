use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api = "code"]
    Invalid,
}

fn main() {}
