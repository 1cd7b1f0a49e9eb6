use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 10, status = 500)]
    NotFound,
}

fn main() {}
