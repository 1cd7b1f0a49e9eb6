use api_errors::ApiError;

#[derive(ApiError)]
#[api(format = "oz")]
union Error {
    code: u32,
}

fn main() {}
