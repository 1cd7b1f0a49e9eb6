use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = example)]
enum Error {
    #[api(status = 403, type = "out-of-credit", title = "You do not have enough credit.")]
    OutOfCredit,
}

fn main() {}
