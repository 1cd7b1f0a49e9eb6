use api_errors::ApiError;

#[derive(Debug)]
struct FieldProblem;

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.net/")]
enum Error {
    #[api(status = 422, type = "validation-error", title = "Your request is not valid.", extensions(errors = problems))]
    Invalid { problems: Vec<FieldProblem> },
}

fn main() {}
