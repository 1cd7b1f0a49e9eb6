use api_errors::ApiError;

#[derive(Debug)]
struct Property;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 4, detail = "no such property: {property}")]
    InvalidValue { property: Property },
}

fn main() {}
