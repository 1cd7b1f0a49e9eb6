use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 0, title = "Internal error: {cause}")]
    Internal { cause: String },
}

fn main() {}
