use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", code = 0, framework_errors)]
struct Error;

fn main() {}
