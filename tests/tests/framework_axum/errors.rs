//! The notes API's two error types, one per format; `framework_errors`
//! derives their `FromFrameworkError` (the format's defaults, and the
//! variants named where a default would pick another one).

use api_errors::ApiError;
use api_errors::framework::FromFrameworkError;
use axum::response::IntoResponse;

/// The notes API's errors, in the Oz format.
#[derive(Debug, ApiError)]
#[api(format = "oz", framework_errors(missing_query_parameter = MissingQuery))]
pub enum NoteError {
    #[api(code = 3, title = "Missing property", detail = property)]
    MissingProperty { property: String },
    #[api(code = 4, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 3, title = "Unreadable body")]
    Unreadable,
    #[api(code = 3, title = "Missing query parameter", detail = parameter)]
    MissingQuery { parameter: String },
    #[api(code = 5, detail = parameter)]
    InvalidParameter { parameter: String },
    #[api(code = 10)]
    NotFound,
    #[api(code = 1)]
    Method,
    #[api(code = 0)]
    Internal,
    #[api(code = 3, status = 429, title = "Too many requests")]
    TooMany,
    /// The handler's own error: answered as it is, never converted.
    #[api(code = 10, title = "Note {0} not found")]
    NoNote(u64),
}

/// The same API's errors, in the entrecode format.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://notes.example/errors/{code}",
    up(title = "Notes API", href = "http://127.0.0.1"),
    framework_errors
)]
pub enum NoteProblem {
    #[api(code = 201, detail = property)]
    MissingProperty { property: String },
    #[api(code = 211, detail = property)]
    InvalidProperty { property: String },
    #[api(code = 200)]
    BodyNotRead,
    #[api(code = 202, detail = parameter)]
    MissingQuery { parameter: String },
    #[api(code = 212, detail = parameter)]
    InvalidQuery { parameter: String },
    #[api(code = 100)]
    NotFound,
    #[api(code = 100, detail = parameter)]
    NoSuchPath { parameter: String },
    #[api(code = 110)]
    Method,
    #[api(code = 0)]
    Internal,
    #[api(code = 291, status = 429, title = "Too many requests")]
    TooMany,
    /// The handler's own error: answered as it is, never converted.
    #[api(code = 100, detail = 0)]
    NoNote(u64),
}

/// What the handlers need of the error type they are served with.
pub trait NotesApi: FromFrameworkError + IntoResponse + Send + Sync + 'static {
    fn no_note(id: u64) -> Self;
}

impl NotesApi for NoteError {
    fn no_note(id: u64) -> Self {
        NoteError::NoNote(id)
    }
}

impl NotesApi for NoteProblem {
    fn no_note(id: u64) -> Self {
        NoteProblem::NoNote(id)
    }
}
