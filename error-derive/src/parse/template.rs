//! Title (and text `detail`) templates: `"Missing {name} in {0}"`.
//!
//! `{field}` and `{0}` interpolate a field's `Display`; `{{` and `}}` are
//! literal braces. Format specs (`{name:?}`) are refused: `Debug` never
//! reaches the wire, and a width or precision has no place in an API title.

use syn::{Ident, LitStr};

/// A piece of a template.
#[derive(Clone, PartialEq, Eq)]
pub enum WrittenPiece {
    /// Literal text, braces unescaped.
    Lit(String),
    /// A field, by name or index, as `{…}` wrote it.
    Field(syn::Member),
}

// By hand: syn's `Debug` impls are behind a feature this crate leaves off.
impl std::fmt::Debug for WrittenPiece {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WrittenPiece::Lit(text) => f.debug_tuple("Lit").field(text).finish(),
            WrittenPiece::Field(member) => {
                let member = match member {
                    syn::Member::Named(ident) => ident.to_string(),
                    syn::Member::Unnamed(index) => index.index.to_string(),
                };
                f.debug_tuple("Field").field(&member).finish()
            }
        }
    }
}

/// The pieces of `lit`'s template, adjacent literals merged.
pub fn parse(lit: &LitStr) -> Result<Vec<WrittenPiece>, String> {
    let text = lit.value();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|(_, next)| *next) == Some('{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().map(|(_, next)| *next) == Some('}') => {
                chars.next();
                literal.push('}');
            }
            '}' => return Err("unmatched `}` in the text: write `}}` for a literal brace".into()),
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some((_, '}')) => break,
                        Some((_, '{')) | None => {
                            return Err(
                                "unclosed `{` in the text: close the placeholder like `{field}`, or write `{{` for a literal brace"
                                    .into(),
                            );
                        }
                        Some((_, c)) => inner.push(c),
                    }
                }
                let member = placeholder(inner.trim(), lit)?;
                if !literal.is_empty() {
                    pieces.push(WrittenPiece::Lit(std::mem::take(&mut literal)));
                }
                pieces.push(WrittenPiece::Field(member));
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(WrittenPiece::Lit(literal));
    }
    Ok(pieces)
}

fn placeholder(inner: &str, lit: &LitStr) -> Result<syn::Member, String> {
    if let Some((name, spec)) = inner.split_once(':') {
        return Err(format!(
            "`{{{inner}}}` has a format spec `:{spec}`: write `{{{name}}}`, which uses the field's Display (Debug never reaches the wire)"
        ));
    }
    if inner.is_empty() {
        return Err(
            "`{}` names no field: write the field's name or index, like `{name}` or `{0}`".into(),
        );
    }
    if let Ok(index) = inner.parse::<u32>() {
        return Ok(syn::Member::Unnamed(syn::Index {
            index,
            span: lit.span(),
        }));
    }
    match syn::parse_str::<Ident>(inner) {
        Ok(mut ident) => {
            ident.set_span(lit.span());
            Ok(syn::Member::Named(ident))
        }
        Err(_) => Err(format!(
            "`{{{inner}}}` is not a field: a placeholder is a field's name or index, like `{{name}}` or `{{0}}`"
        )),
    }
}
