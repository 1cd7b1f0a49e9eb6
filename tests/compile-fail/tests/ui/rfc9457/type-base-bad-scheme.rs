use api_errors::ApiError;

// A scheme starts with a letter (RFC 3986 §3.1).
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "1http://example.com/probs/")]
enum Error {
    #[api(status = 403, type = "out-of-credit", title = "You do not have enough credit.")]
    OutOfCredit,
}

fn main() {}
