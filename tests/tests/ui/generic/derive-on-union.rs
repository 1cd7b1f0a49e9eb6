use error_core::ApiError;

#[derive(ApiError)]
#[api(format = "oz", code = 3)]
union Error {
    code: u32,
}

fn main() {}
