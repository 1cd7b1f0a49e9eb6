use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 400, extensions(errors, errors = warnings))]
    BadRequest { errors: Vec<String>, warnings: Vec<String> },
}

fn main() {}
