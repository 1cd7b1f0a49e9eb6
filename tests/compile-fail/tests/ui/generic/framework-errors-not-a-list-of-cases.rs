use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors(not_found NotFound))]
enum Error {
    #[api(code = 10)]
    NotFound,
}

fn main() {}
