//! Example bodies for the OpenAPI description: a plan rendered at compile
//! time, with a placeholder where a value only exists at run time.
//!
//! A text keeps its template (`"Capsule {0} not found"`); a field's value is
//! the string `"{field}"`, whatever its type (the derive cannot know the
//! shape of a serde value); sub-errors are filled in at run time from the
//! embedded type's own example (`Embed::__example`).

use crate::parse::Field;
use crate::plan::{Const, Object, Source};

/// An object's example JSON (without sub-errors) and the field whose
/// sub-errors go under `_embedded`, if any.
pub fn example<'a>(object: &Object<'a>) -> (String, Option<&'a Field>) {
    let mut members = Vec::with_capacity(object.members.len());
    let mut embedded = None;
    for member in &object.members {
        let value = match &member.value {
            Source::Const(value) => value.clone(),
            Source::Text(text, _) => Const::Str(text.canonical()),
            Source::Display(field, _) | Source::Serde(field, ..) => {
                Const::Str(format!("{{{}}}", name(&field.name)))
            }
            Source::SubErrors { field, .. } => {
                embedded = Some(*field);
                continue;
            }
        };
        members.push((member.key.clone(), value));
    }
    let mut json = Vec::new();
    Const::Object(members).write_json(&mut json);
    (String::from_utf8_lossy(&json).into_owned(), embedded)
}

/// A text as its template, braces escaped back.
fn name(field: &syn::Member) -> String {
    match field {
        syn::Member::Named(ident) => ident.to_string().trim_start_matches("r#").to_owned(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}
