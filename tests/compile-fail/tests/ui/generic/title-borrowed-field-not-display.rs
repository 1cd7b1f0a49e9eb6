// A field type with the type's lifetime is checked as well.
use api_errors::ApiError;

#[derive(Debug)]
struct Name<'a>(&'a str);

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error<'a> {
    #[api(code = 4, title = "Invalid value for {0}")]
    InvalidValue(Name<'a>),
}

fn main() {}
