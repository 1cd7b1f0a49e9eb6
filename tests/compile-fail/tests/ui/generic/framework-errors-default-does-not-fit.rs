use api_errors::ApiError;

// Code 10 is there, but with a field that nothing could build.
#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors(method_not_allowed = Unknown,
      missing_property = Missing, invalid_property = Missing, invalid_body = Unknown,
      missing_body = Unknown, unsupported_media_type = Unknown, payload_too_large = Unknown,
      invalid_path_parameter = Missing, missing_query_parameter = Missing,
      invalid_query_parameter = Missing, timeout = Unknown))]
enum Error {
    #[api(code = 3, detail = 0)]
    Missing(String),
    #[api(code = 10, title = "No note {0}")]
    NoNote(u64),
    #[api(code = 0)]
    Unknown,
}

fn main() {}
