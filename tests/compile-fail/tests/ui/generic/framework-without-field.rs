use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(framework)]
    Framework,
}

fn main() {}
