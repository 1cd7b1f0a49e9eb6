use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors(invalid_path_parameter = BadId))]
enum Error {
    #[api(code = 3)]
    Unreadable,
    #[api(code = 3, detail = 0)]
    Missing(String),
    #[api(code = 4, detail = 0)]
    Invalid(String),
    #[api(code = 5, detail = 0)]
    BadParameter(String),
    #[api(code = 10)]
    NotFound,
    #[api(code = 1)]
    Method,
    #[api(code = 0)]
    Unknown,
    #[api(code = 5, detail = 0)]
    BadId(u64),
}

fn main() {}
