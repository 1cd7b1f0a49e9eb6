use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", request_id = "trace_id")]
enum Problem {
    #[api(code = 10)]
    NoNote,
}

fn main() {}
