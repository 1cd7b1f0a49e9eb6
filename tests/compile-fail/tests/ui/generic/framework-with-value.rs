use api_errors::ApiError;
use api_errors::framework::Answer;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(framework = true)]
    Framework(Answer),
}

fn main() {}
