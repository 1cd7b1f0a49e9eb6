use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", type_url = "https://example.com/errors/{code}")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
