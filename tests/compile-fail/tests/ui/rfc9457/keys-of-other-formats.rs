use api_errors::ApiError;

// Every key of entrecode, each refused with what rfc9457 writes instead.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", system = 2, type_url = "https://example.com/{code}", up(title = "Home", href = "https://example.com"))]
enum Error {
    #[api(status = 400, verbose = reason, embed = inner)]
    BadRequest { reason: String, inner: Vec<String> },
}

fn main() {}
