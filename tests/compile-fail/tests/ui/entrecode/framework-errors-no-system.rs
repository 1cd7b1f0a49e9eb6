use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "entrecode", type_url = "https://example.com/errors/{code}",
      up(title = "Home", href = "https://example.com"), framework_errors)]
enum Error {
    #[api(code = 2100)]
    NotFound,
    #[api(code = 2000)]
    Internal,
}

fn main() {}
