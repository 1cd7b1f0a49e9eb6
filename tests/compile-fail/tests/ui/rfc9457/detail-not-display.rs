use api_errors::ApiError;

#[derive(Debug)]
struct Balance(u64);

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 402, detail = balance)]
    PaymentRequired { balance: Balance },
}

fn main() {}
