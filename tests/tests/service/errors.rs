//! The service's three error types, as the README declares them: one per
//! router, each with its own variants and the framework's answers in one
//! `framework` variant.

use api_errors::ApiError;
use api_errors::framework::{Answer, FromFrameworkError};

/// The notes API (the root router): entrecode.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://notes.example/errors/{code}",
    up(title = "Notes API", href = "https://notes.example")
)]
pub enum NoteError {
    /// No note has this id.
    #[api(code = 100, detail = 0)]
    NotFound(u64),
    /// What the framework answers: bodies, parameters, routes, panics.
    #[api(framework)]
    Framework(Answer),
}

/// The same API under `/oz`, for Oz clients.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
pub enum OzError {
    /// No note has this id.
    #[api(code = 10, title = "Note {0} not found")]
    NotFound(u64),
    #[api(framework)]
    Framework(Answer),
}

/// The same API under `/std`, in RFC 9457 problem details.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://notes.example/probs/")]
pub enum StdError {
    /// No note has this id.
    #[api(
        status = 404,
        type = "no-such-note",
        title = "No such note",
        detail = "No note has the id {0}."
    )]
    NotFound(u64),
    #[api(framework)]
    Framework(Answer),
}

/// What the handlers need of a router's error type.
pub trait Notes: FromFrameworkError + Send + 'static {
    /// The prefix its router is nested at (`""` for the root).
    const PREFIX: &'static str;

    /// No note has `id`.
    fn not_found(id: u64) -> Self;
}

impl Notes for NoteError {
    const PREFIX: &'static str = "";

    fn not_found(id: u64) -> Self {
        NoteError::NotFound(id)
    }
}

impl Notes for OzError {
    const PREFIX: &'static str = "/oz";

    fn not_found(id: u64) -> Self {
        OzError::NotFound(id)
    }
}

impl Notes for StdError {
    const PREFIX: &'static str = "/std";

    fn not_found(id: u64) -> Self {
        StdError::NotFound(id)
    }
}
