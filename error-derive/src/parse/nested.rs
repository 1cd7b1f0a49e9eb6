//! The items of a list inside `#[api(...)]` (and of the lists nested in
//! it, `up(...)`, `headers(...)`): `key`, `key = value`, `key(...)` or a
//! literal, comma-separated.
//!
//! `syn::Meta` alone would refuse `type = "…"` and `crate = "…"` (keys
//! that are Rust keywords) and a literal item, and would stop the whole
//! attribute at a value that is no expression; here those are items, so
//! that each gets a message of its own and the rest is still read.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::ext::IdentExt as _;
use syn::parse::discouraged::Speculative as _;
use syn::parse::{Parse, ParseStream, Parser as _};
use syn::punctuated::Punctuated;
use syn::token::{Brace, Bracket, Paren};
use syn::{
    Expr, ExprLit, Ident, Lit, MacroDelimiter, Meta, MetaList, MetaNameValue, Path, PathSegment,
    Token,
};

/// One item of a list.
#[allow(
    clippy::large_enum_variant,
    reason = "a handful per attribute, read once and matched at once"
)]
pub enum Nested {
    /// `key`, `key = value` or `key(...)`.
    Meta(Meta),
    /// A literal where a key was expected.
    Lit(Lit),
    /// `key =` followed by something that is no expression (or by
    /// nothing): the tokens up to the next comma.
    NotAnExpression {
        /// The key.
        path: Path,
        /// The `=`.
        eq_token: Token![=],
        /// What follows it, up to the next comma.
        value: TokenStream,
    },
}

/// The items of `tokens`, a comma-separated list.
pub fn list(tokens: TokenStream) -> syn::Result<Vec<Nested>> {
    Punctuated::<Nested, Token![,]>::parse_terminated
        .parse2(tokens)
        .map(|items| items.into_iter().collect())
}

impl Parse for Nested {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        // `true = …` is a key, not a literal.
        if input.peek(Lit) && !(input.peek(syn::LitBool) && input.peek2(Token![=])) {
            return input.parse().map(Nested::Lit);
        }
        if input.peek(Ident::peek_any) || (input.peek(Token![::]) && input.peek3(Ident::peek_any)) {
            let path = key(input)?;
            return after_key(path, input);
        }
        Err(input.error("expected identifier or literal"))
    }
}

/// A key: a path whose segments may be keywords (`type`, `crate`).
fn key(input: ParseStream<'_>) -> syn::Result<Path> {
    let leading_colon = input.parse()?;
    let mut segments = Punctuated::new();
    while input.peek(Ident::peek_any) {
        segments.push_value(PathSegment::from(Ident::parse_any(input)?));
        if !input.peek(Token![::]) {
            break;
        }
        segments.push_punct(input.parse()?);
    }
    if segments.is_empty() {
        return Err(input
            .parse::<Ident>()
            .err()
            .unwrap_or_else(|| input.error("expected identifier")));
    }
    if segments.trailing_punct() {
        return Err(input.error("expected path segment after `::`"));
    }
    Ok(Path {
        leading_colon,
        segments,
    })
}

fn after_key(path: Path, input: ParseStream<'_>) -> syn::Result<Nested> {
    if input.peek(Paren) || input.peek(Bracket) || input.peek(Brace) {
        return list_after_key(path, input).map(|list| Nested::Meta(Meta::List(list)));
    }
    if !input.peek(Token![=]) {
        return Ok(Nested::Meta(Meta::Path(path)));
    }
    let eq_token: Token![=] = input.parse()?;
    // A literal that ends the item is taken as one (`code = -1` reads as
    // the literal -1), without parsing an expression: most values are
    // literals, and an expression costs the derive's every run more.
    let ahead = input.fork();
    let lit = ahead.parse::<Option<Lit>>()?;
    if let (Some(lit), true) = (lit, ahead.is_empty() || ahead.peek(Token![,])) {
        input.advance_to(&ahead);
        let value = Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit,
        });
        return Ok(Nested::Meta(Meta::NameValue(MetaNameValue {
            path,
            eq_token,
            value,
        })));
    }
    if input.peek(Token![#]) && input.peek2(Bracket) {
        return Err(input.error("unexpected attribute inside of attribute"));
    }
    let ahead = input.fork();
    if let Ok(value) = ahead.parse::<Expr>() {
        input.advance_to(&ahead);
        return Ok(Nested::Meta(Meta::NameValue(MetaNameValue {
            path,
            eq_token,
            value,
        })));
    }
    let value = input.step(|cursor| {
        let mut rest = *cursor;
        let mut value = TokenStream::new();
        while let Some((token, next)) = rest.token_tree() {
            if matches!(&token, TokenTree::Punct(punct) if punct.as_char() == ',') {
                break;
            }
            value.extend([token]);
            rest = next;
        }
        Ok((value, rest))
    })?;
    Ok(Nested::NotAnExpression {
        path,
        eq_token,
        value,
    })
}

fn list_after_key(path: Path, input: ParseStream<'_>) -> syn::Result<MetaList> {
    let (delimiter, tokens) = input.step(|cursor| match cursor.token_tree() {
        Some((TokenTree::Group(group), rest)) => {
            let span = group.delim_span();
            let delimiter = match group.delimiter() {
                Delimiter::Parenthesis => MacroDelimiter::Paren(Paren(span)),
                Delimiter::Brace => MacroDelimiter::Brace(Brace(span)),
                Delimiter::Bracket => MacroDelimiter::Bracket(Bracket(span)),
                Delimiter::None => return Err(cursor.error("expected delimiter")),
            };
            Ok(((delimiter, group.stream()), rest))
        }
        _ => Err(cursor.error("expected delimiter")),
    })?;
    Ok(MetaList {
        path,
        delimiter,
        tokens,
    })
}

impl quote::ToTokens for Nested {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Nested::Meta(meta) => meta.to_tokens(tokens),
            Nested::Lit(lit) => lit.to_tokens(tokens),
            Nested::NotAnExpression {
                path,
                eq_token,
                value,
            } => {
                path.to_tokens(tokens);
                eq_token.to_tokens(tokens);
                value.to_tokens(tokens);
            }
        }
    }
}
