//! `headers(name = "value", name = field, …)`: response headers a variant
//! declares. A name is written as an identifier with `_` for `-`
//! (`retry_after` is `retry-after`; header names are case-insensitive and
//! written lowercase); a value is a constant string, or a field (name or
//! tuple index) written with its `Display`.

use crate::parse::nested::{self, Nested};
use proc_macro2::Span;
use syn::Result;
use syn::spanned::Spanned as _;
use syn::{Expr, ExprLit, Lit, LitStr, Meta};

use super::Spanned;
use super::value::{describe, member_of};

/// One declared header, as written (validation resolves it into a
/// [`crate::model::Header`]).
pub struct WrittenHeader {
    /// The header's name on the wire, lowercase (`retry-after`).
    pub name: String,
    /// Where it was written.
    pub span: Span,
    /// Its value.
    pub value: WrittenHeaderValue,
}

/// What a header's value is.
pub enum WrittenHeaderValue {
    /// A constant.
    Text(LitStr),
    /// A field's `Display`.
    Field(Spanned<syn::Member>),
}

const EXAMPLE: &str = "headers(retry_after = seconds, www_authenticate = \"Bearer\")";

/// Reads `headers(…)`.
pub fn headers(meta: &Meta) -> Result<Vec<WrittenHeader>> {
    let Meta::List(list) = meta else {
        return Err(crate::errors::error(
            meta,
            format!("`headers` is a list of names and values: write `{EXAMPLE}`"),
        ));
    };
    let items = nested::list(list.tokens.clone()).map_err(|error| {
        crate::errors::error(
            error.span(),
            format!("expected header names and their values, like `{EXAMPLE}`"),
        )
    })?;
    let mut errors = crate::errors::Errors::default();
    let mut headers: Vec<WrittenHeader> = Vec::new();
    for item in items {
        let Nested::Meta(Meta::NameValue(pair)) = &item else {
            errors.push(crate::errors::error(
                &item,
                format!("expected a header's name and its value, like `{EXAMPLE}`"),
            ));
            continue;
        };
        let Some(ident) = pair.path.get_ident() else {
            errors.push(crate::errors::error(
                &pair.path,
                "a header's name is one identifier, with `_` for `-`, like `retry_after`",
            ));
            continue;
        };
        let name = syn::ext::IdentExt::unraw(ident)
            .to_string()
            .replace('_', "-")
            .to_ascii_lowercase();
        let value = match &pair.value {
            Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) => WrittenHeaderValue::Text(text.clone()),
            expr => match member_of(expr) {
                Some(member) => WrittenHeaderValue::Field(member),
                None => {
                    errors.push(
                        crate::errors::error(expr, format!(
                            "a header's value is a string or a field (its name or index), like `{EXAMPLE}`, not {}",
                            describe(expr)
                        )),
                    );
                    continue;
                }
            },
        };
        headers.push(WrittenHeader {
            name,
            span: pair.path.span(),
            value,
        });
    }
    errors.finish_with(headers)
}
