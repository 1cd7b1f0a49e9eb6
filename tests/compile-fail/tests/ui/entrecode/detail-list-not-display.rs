use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 211, detail = properties)]
    InvalidProperties { properties: Vec<String> },
}

fn main() {}
