use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", title = "Invalid structure")]
struct Invalid;

fn main() {}
