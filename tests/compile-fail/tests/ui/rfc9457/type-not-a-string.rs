use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 403, type = 403, title = "You do not have enough credit.")]
    OutOfCredit,
}

fn main() {}
