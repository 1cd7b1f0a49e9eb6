//! The notes API's two error types, one per format, each with a
//! hand-written `FromFrameworkError` that follows the `framework_errors`
//! defaults.

use api_errors::ApiError;
use api_errors::framework::{FrameworkError, FromFrameworkError};
use axum::response::IntoResponse;

/// The notes API's errors, in the Oz format.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
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

impl FromFrameworkError for NoteError {
    fn from_framework_error(error: FrameworkError<'_>) -> Self {
        match error {
            FrameworkError::MissingProperty { property } => NoteError::MissingProperty {
                property: property.into(),
            },
            FrameworkError::InvalidProperty { property } => NoteError::InvalidProperty {
                property: property.into(),
            },
            FrameworkError::MissingQueryParameter { parameter } => NoteError::MissingQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidQueryParameter { parameter }
            | FrameworkError::InvalidPathParameter { parameter } => NoteError::InvalidParameter {
                parameter: parameter.into(),
            },
            FrameworkError::NotFound => NoteError::NotFound,
            FrameworkError::MethodNotAllowed => NoteError::Method,
            FrameworkError::Status(429) => NoteError::TooMany,
            FrameworkError::Status(status) if status < 500 => NoteError::Unreadable,
            FrameworkError::InvalidBody
            | FrameworkError::MissingBody
            | FrameworkError::UnsupportedMediaType
            | FrameworkError::PayloadTooLarge => NoteError::Unreadable,
            _ => NoteError::Internal,
        }
    }
}

/// The same API's errors, in the entrecode format.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://notes.example/errors/{code}",
    up(title = "Notes API", href = "http://127.0.0.1")
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

impl FromFrameworkError for NoteProblem {
    fn from_framework_error(error: FrameworkError<'_>) -> Self {
        match error {
            FrameworkError::MissingProperty { property } => NoteProblem::MissingProperty {
                property: property.into(),
            },
            FrameworkError::InvalidProperty { property } => NoteProblem::InvalidProperty {
                property: property.into(),
            },
            FrameworkError::MissingQueryParameter { parameter } => NoteProblem::MissingQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidQueryParameter { parameter } => NoteProblem::InvalidQuery {
                parameter: parameter.into(),
            },
            FrameworkError::InvalidPathParameter { parameter } => NoteProblem::NoSuchPath {
                parameter: parameter.into(),
            },
            FrameworkError::NotFound => NoteProblem::NotFound,
            FrameworkError::MethodNotAllowed => NoteProblem::Method,
            FrameworkError::Status(429) => NoteProblem::TooMany,
            FrameworkError::Status(status) if status < 500 => NoteProblem::BodyNotRead,
            FrameworkError::InvalidBody
            | FrameworkError::MissingBody
            | FrameworkError::UnsupportedMediaType
            | FrameworkError::PayloadTooLarge => NoteProblem::BodyNotRead,
            _ => NoteProblem::Internal,
        }
    }
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
