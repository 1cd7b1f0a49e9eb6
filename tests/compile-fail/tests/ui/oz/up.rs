use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", up(title = "Home", href = "https://example.com"))]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
