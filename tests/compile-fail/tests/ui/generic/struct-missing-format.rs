use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code = 3)]
struct Invalid;

fn main() {}
