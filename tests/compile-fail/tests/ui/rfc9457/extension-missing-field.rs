use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 422, extensions(errors = problems))]
    Invalid { errors: Vec<String> },
}

fn main() {}
