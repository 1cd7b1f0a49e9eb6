use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Problem {
    #[api(status = 404, title = "Not Found", extensions(retries = true))]
    NoNote,
}

fn main() {}
