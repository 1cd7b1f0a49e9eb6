use api_errors::ApiError;

// 499 is not in the IANA registry: about:blank has no title for it.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Error {
    #[api(status = 499)]
    ClientClosedRequest,
}

fn main() {}
