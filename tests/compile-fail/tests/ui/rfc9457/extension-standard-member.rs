use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 400, extensions(detail, status = code))]
    BadRequest { detail: String, code: u16 },
}

fn main() {}
