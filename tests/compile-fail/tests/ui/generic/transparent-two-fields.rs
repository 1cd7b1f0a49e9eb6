use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Inner {
    #[api(code = 3)]
    Invalid,
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(transparent)]
    Inner(Inner, Inner),
}

fn main() {}
