use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 4, title = "Invalid value for {a b}")]
    InvalidValue { property: String },
}

fn main() {}
