use api_errors::ApiError;

#[derive(Debug)]
struct Board;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Problem {
    #[api(status = 404, title = "Not Found", extensions(error = "no note on {board}"))]
    NoNote { board: Board },
}

fn main() {}
