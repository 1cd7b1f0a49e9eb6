use api_errors::ApiError;

// The documented title, then another one for the same code.
#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 100)]
    NotFound,
    #[api(code = 2100, title = "Capsule gone")]
    Gone,
}

fn main() {}
