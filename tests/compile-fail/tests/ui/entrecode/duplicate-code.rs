use api_errors::ApiError;

// Two errors under one code: another title and another status.
#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 950, title = "Quota exceeded", status = 429)]
    Quota,
    #[api(code = 2950, title = "Upstream unavailable", status = 503)]
    Upstream,
}

fn main() {}
