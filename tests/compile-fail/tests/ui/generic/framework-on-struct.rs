use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", framework)]
struct Error(api_errors::framework::Answer);

fn main() {}
