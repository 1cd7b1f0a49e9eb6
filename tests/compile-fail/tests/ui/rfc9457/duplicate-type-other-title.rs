use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Error {
    #[api(status = 403, type = "out-of-credit", title = "You do not have enough credit.")]
    OutOfCredit,
    #[api(status = 403, type = "https://example.com/probs/out-of-credit", title = "Top up first.")]
    StillOutOfCredit,
}

fn main() {}
