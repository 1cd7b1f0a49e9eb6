use api_errors::ApiError;

#[derive(Debug)]
struct Account;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 404, instance = "/accounts/{account}")]
    NotFound { account: Account },
}

fn main() {}
