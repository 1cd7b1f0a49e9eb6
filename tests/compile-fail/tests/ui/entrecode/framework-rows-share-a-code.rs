use api_errors::ApiError;
use api_errors::framework::Answer;

// Two rows answer with code 2100 (a path that no route matches, and a path
// parameter that does not parse): one error says it.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Error {
    #[api(code = 100, title = "Gone")]
    Gone,
    #[api(framework)]
    Framework(Answer),
}

fn main() {}
