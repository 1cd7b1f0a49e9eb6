use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "ozz")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
