use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "entrecode", system = 2, type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Inner {
    #[api(code = 202)]
    MissingQueryProperty,
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(transparent)]
    Inner(Inner),
}

fn main() {}
