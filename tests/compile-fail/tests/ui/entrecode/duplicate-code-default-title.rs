use api_errors::ApiError;

// A written title, then the code's documented one (no `title`).
#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 202, title = "Missing {0}", detail = 0)]
    MissingNamed(String),
    #[api(code = 202)]
    Missing,
}

fn main() {}
