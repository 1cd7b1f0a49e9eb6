use api_errors::ApiError;

#[derive(Debug)]
struct Balance;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Error {
    #[api(status = 403, type = "out-of-credit", title = "You do not have enough credit.", detail = "Your balance is {balance}.")]
    OutOfCredit { balance: Balance },
}

fn main() {}
