use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 4)]
    InvalidValue {
        #[api(detail)]
        property: String,
    },
}

fn main() {}
