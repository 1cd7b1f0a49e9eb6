use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 4, embed = errors)]
    InvalidValue { errors: Vec<Error> },
}

fn main() {}
