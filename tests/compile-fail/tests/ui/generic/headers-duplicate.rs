use api_errors::ApiError;


#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 6, headers(retry_after = "10", Retry_After = "20"))]
    Unauthorized,
}

fn main() {}
