use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 4, title = "Invalid value for {property")]
    InvalidValue { property: String },
}

fn main() {}
