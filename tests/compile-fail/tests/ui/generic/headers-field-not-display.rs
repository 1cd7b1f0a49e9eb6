use api_errors::ApiError;

#[derive(Debug)]
struct Seconds;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 6, headers(retry_after = 0))]
    Unauthorized(Seconds),
}

fn main() {}
