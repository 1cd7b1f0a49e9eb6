use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(crate = "api_errors")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
