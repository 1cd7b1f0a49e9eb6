use api_errors::ApiError;
use api_errors::framework::Answer;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(framework, code = 3, title = "Framework error")]
    Framework(Answer),
}

fn main() {}
