use api_errors::ApiError;


#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Error {
    #[api(code = 6, headers(www_authenticate = "Bearer\r\nSet-Cookie: a=b"))]
    Unauthorized,
}

fn main() {}
