use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(formt = "oz")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
