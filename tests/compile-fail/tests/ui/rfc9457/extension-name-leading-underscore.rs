use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 429, extensions(_retry_after = seconds))]
    TooManyRequests { seconds: u32 },
}

fn main() {}
