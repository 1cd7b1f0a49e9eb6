use api_errors::ApiError;

// After a derive error, the type still implements ApiError (a stub), so code
// that uses it reports nothing beyond the one real mistake.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 15)]
    Other,
}

fn main() {
    let error = Error::Other;
    let _ = error.code();
    let _ = error.to_json();
    let _ = api_errors::docs::markdown::<Error>();
}
