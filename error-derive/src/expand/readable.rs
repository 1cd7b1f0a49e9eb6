//! Titles and text details as the docs show them to an API's consumers
//! (`ErrorInfo::readable_title`, `readable_detail`): a reader outside Rust
//! knows no tuple index, so every placeholder becomes `{name}`. A named
//! field is its name (`{property}`); a tuple field is its doc comment's
//! first paragraph (`/// capsule id` gives `{capsule id}`), or `{value}`
//! when the variant has one field and no doc says more, `{value 2}` for the
//! second of several. Literal braces are written once (`{{` is `{`): the
//! readable text is for reading, not for parsing back.

use syn::ext::IdentExt as _;

use crate::parse::Field;
use crate::plan::Part;

/// `text` with each placeholder named for a reader; `fields` are the
/// variant's, which number the tuple fields without docs.
pub fn readable(text: &[Part<'_>], fields: &[Field]) -> String {
    let mut out = String::new();
    for piece in text {
        match piece {
            Part::Lit(literal) => out.push_str(literal),
            Part::Field(field) => {
                out.push('{');
                out.push_str(&name(field, fields.len()));
                out.push('}');
            }
        }
    }
    out
}

/// What a reader calls `field`, one of `count` fields.
fn name(field: &Field, count: usize) -> String {
    let index = match &field.name {
        syn::Member::Named(ident) => return ident.unraw().to_string(),
        syn::Member::Unnamed(index) => index.index,
    };
    // The first paragraph, without what would read as markup or as the
    // marker's own braces; a closing full stop is the sentence's, not the
    // name's.
    let doc: String = field
        .docs
        .split('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !matches!(c, '`' | '{' | '}'))
        .collect();
    let doc = doc.trim().trim_end_matches('.').trim_end();
    match (doc, count) {
        ("", 1) => "value".to_owned(),
        ("", _) => format!("value {}", u64::from(index) + 1),
        (doc, _) => doc.to_owned(),
    }
}
