use api_errors::ApiError;

// Titles compare as templates: `{0}` and `{id}` are other titles.
#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 100, title = "Capsule {0} not found")]
    NotFound(u64),
    #[api(code = 100, title = "Capsule {id} not found")]
    Gone { id: u64 },
}

fn main() {}
