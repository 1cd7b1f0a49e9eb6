use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", title = "Invalid structure")]
struct Invalid;

fn main() {}
