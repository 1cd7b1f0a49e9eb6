use api_errors::ApiError;

// `code = 2202` writes the `code` member already.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 400, code = 2202, extensions(code = reason))]
    MissingQueryProperty { reason: String },
}

fn main() {}
