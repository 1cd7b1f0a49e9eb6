use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 100000000000000000000)]
    Invalid,
}

fn main() {}
