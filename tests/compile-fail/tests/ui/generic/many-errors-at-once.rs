use api_errors::ApiError;

// Every mistake in one derive is reported, not only the first.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 15)]
    OutOfRange,
    #[api(status = 404)]
    NoCode,
    #[api(code = 3, detail = missing)]
    NoSuchField { present: String },
}

fn main() {}
