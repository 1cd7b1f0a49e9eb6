use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(code = 3)]
struct Invalid;

fn main() {}
