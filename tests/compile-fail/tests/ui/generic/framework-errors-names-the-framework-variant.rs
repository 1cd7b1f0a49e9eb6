use api_errors::ApiError;
use api_errors::framework::Answer;

#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors(not_found = Framework))]
enum Error {
    #[api(framework)]
    Framework(Answer),
}

fn main() {}
