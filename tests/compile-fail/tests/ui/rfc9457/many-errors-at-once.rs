use api_errors::ApiError;

// Every mistake of one derive, reported together.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(title = "Gone")]
    Gone,
    #[api(status = 404, title = "Missing")]
    NotFound,
    #[api(status = 403, type = "out-of-credit", extensions(id, type = kind))]
    OutOfCredit { id: u64, kind: String },
}

fn main() {}
