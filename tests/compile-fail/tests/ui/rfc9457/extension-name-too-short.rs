use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 404, extensions(id))]
    NotFound { id: u64 },
}

fn main() {}
