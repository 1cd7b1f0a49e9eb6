use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = pub(crate))]
    Invalid,
}

fn main() {}
