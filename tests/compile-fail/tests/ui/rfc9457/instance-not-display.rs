use api_errors::ApiError;

#[derive(Debug)]
struct RequestId(u64);

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 404, instance = request)]
    NotFound { request: RequestId },
}

fn main() {}
