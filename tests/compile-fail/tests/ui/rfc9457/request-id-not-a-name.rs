use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", request_id = "trace-id")]
enum Problem {
    #[api(status = 404, title = "Not Found")]
    NoNote,
}

fn main() {}
