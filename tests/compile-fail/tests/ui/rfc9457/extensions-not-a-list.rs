use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 422, extensions = problems)]
    Invalid { problems: Vec<String> },
}

fn main() {}
