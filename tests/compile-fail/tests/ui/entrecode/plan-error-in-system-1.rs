use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "entrecode", type_url = "https://entrecode.de/doc/errors/{code}", up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de"))]
enum Error {
    #[api(code = 1500)]
    MissingPlan,
}

fn main() {}
