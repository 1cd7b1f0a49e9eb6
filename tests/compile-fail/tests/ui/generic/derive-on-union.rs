use error_core::ApiError;

#[derive(ApiError)]
#[api(format = "oz")]
union Error {
    code: u32,
}

fn main() {}
