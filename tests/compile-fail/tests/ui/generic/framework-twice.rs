use api_errors::ApiError;
use api_errors::framework::Answer;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(framework)]
    Framework(Answer),
    #[api(framework)]
    Again(Answer),
}

fn main() {}
