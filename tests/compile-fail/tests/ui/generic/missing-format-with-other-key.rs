use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(crate = "error_core")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
