use api_errors::ApiError;
use api_errors::framework::Answer;

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Error {
    #[api(code = 2100, detail = 0)]
    NotFound(u64),
    #[api(framework)]
    Framework(Answer),
}

fn main() {}
