use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 404, instance = request)]
    NotFound { request_id: String },
}

fn main() {}
