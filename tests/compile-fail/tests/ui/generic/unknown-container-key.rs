use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(formt = "oz")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
