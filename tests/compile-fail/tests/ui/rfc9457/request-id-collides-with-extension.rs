use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", request_id = "trace_id")]
enum Problem {
    #[api(status = 404, title = "Not Found", extensions(trace_id = 0))]
    NoNote(String),
}

fn main() {}
