use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Error {
    #[api(status = 403, type = "out-of-credit")]
    OutOfCredit,
}

fn main() {}
