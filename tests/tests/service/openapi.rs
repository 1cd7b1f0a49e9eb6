//! The service's OpenAPI document, written as the README's "Documenting"
//! recipe says: each operation lists its error type's responses, and one
//! `ErrorDocs`, nested as the routers are, adds the framework's answers.

use api_errors::openapi::ErrorDocs;
use utoipa::OpenApi;

use super::errors::{NoteError, OzError, StdError};
use super::{NewNote, Page};

/// A note by id.
#[utoipa::path(get, path = "/notes/{id}", params(("id" = u64, Path, description = "The note's id")),
    responses((status = 200, description = "The note", body = String), NoteError))]
fn note() {}

/// Creates a note.
#[utoipa::path(post, path = "/notes", request_body = NewNote,
    responses((status = 201, description = "Created", body = String), NoteError))]
fn create() {}

/// Lists notes.
#[utoipa::path(get, path = "/notes", params(Page),
    responses((status = 200, description = "The notes", body = String), NoteError))]
fn list() {}

/// A note by id (Oz).
#[utoipa::path(get, path = "/oz/notes/{id}", params(("id" = u64, Path, description = "The note's id")),
    responses((status = 200, description = "The note", body = String), OzError))]
fn oz_note() {}

/// Creates a note (Oz).
#[utoipa::path(post, path = "/oz/notes", request_body = NewNote,
    responses((status = 201, description = "Created", body = String), OzError))]
fn oz_create() {}

/// Lists notes (Oz).
#[utoipa::path(get, path = "/oz/notes", params(Page),
    responses((status = 200, description = "The notes", body = String), OzError))]
fn oz_list() {}

/// A note by id (RFC 9457).
#[utoipa::path(get, path = "/std/notes/{id}", params(("id" = u64, Path, description = "The note's id")),
    responses((status = 200, description = "The note", body = String), StdError))]
fn std_note() {}

/// Creates a note (RFC 9457).
#[utoipa::path(post, path = "/std/notes", request_body = NewNote,
    responses((status = 201, description = "Created", body = String), StdError))]
fn std_create() {}

/// Lists notes (RFC 9457).
#[utoipa::path(get, path = "/std/notes", params(Page),
    responses((status = 200, description = "The notes", body = String), StdError))]
fn std_list() {}

/// The framework's answers, nested as the routers are.
const ERROR_DOCS: ErrorDocs<NoteError> = ErrorDocs::new().nest(&[
    &ErrorDocs::<OzError>::new().under("/oz"),
    &ErrorDocs::<StdError>::new().under("/std"),
]);

#[derive(OpenApi)]
#[openapi(
    info(title = "Notes", description = "Notes, in three formats."),
    paths(note, create, list, oz_note, oz_create, oz_list, std_note, std_create, std_list),
    modifiers(&ERROR_DOCS)
)]
pub struct Document;

/// The document as JSON.
pub fn json() -> String {
    Document::openapi().to_json().unwrap_or_default()
}
