use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 413, extensions(größe = size))]
    TooLarge { size: u64 },
}

fn main() {}
