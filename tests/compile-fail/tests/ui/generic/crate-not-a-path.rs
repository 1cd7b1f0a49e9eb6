use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz", crate = "not a path!")]
enum Error {
    #[api(code = 3)]
    Invalid,
}

fn main() {}
