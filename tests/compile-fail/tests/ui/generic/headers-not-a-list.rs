use api_errors::ApiError;


#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 6, headers = "Bearer")]
    Unauthorized,
}

fn main() {}
