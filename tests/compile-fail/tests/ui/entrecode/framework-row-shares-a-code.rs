use api_errors::ApiError;
use api_errors::framework::Answer;

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Error {
    #[api(code = 100, title = "Note {0} not found")]
    NotFound(u64),
    #[api(framework)]
    Framework(Answer),
}

fn main() {}
