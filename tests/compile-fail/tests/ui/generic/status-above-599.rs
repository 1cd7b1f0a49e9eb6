use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 0, status = 600)]
    Unknown,
}

fn main() {}
