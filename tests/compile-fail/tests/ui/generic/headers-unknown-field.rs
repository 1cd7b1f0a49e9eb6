use api_errors::ApiError;


#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 6, headers(retry_after = seconds))]
    Unauthorized { secs: u64 },
}

fn main() {}
