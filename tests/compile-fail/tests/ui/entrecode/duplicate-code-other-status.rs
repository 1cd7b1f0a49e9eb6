use api_errors::ApiError;

// One title, two statuses for the same code.
#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 950, title = "Upstream unavailable", status = 503)]
    Upstream,
    #[api(code = 950, title = "Upstream unavailable", status = 502)]
    BadUpstream,
}

fn main() {}
