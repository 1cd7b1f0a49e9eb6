use api_errors::ApiError;

// No `type`: an about:blank problem, whose title is the status's phrase.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 404, title = "Resource missing")]
    NotFound,
}

fn main() {}
