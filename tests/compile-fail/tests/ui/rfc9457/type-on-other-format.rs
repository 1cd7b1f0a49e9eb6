use api_errors::ApiError;

// rfc9457's keys are refused by the other formats.
#[derive(Debug, ApiError)]
#[api(format = "oz", type_base = "https://example.com/probs/")]
enum Error {
    #[api(code = 3, type = "out-of-credit", instance = id, extensions(id))]
    Invalid { id: u64 },
}

fn main() {}
