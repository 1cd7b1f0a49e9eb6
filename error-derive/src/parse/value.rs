//! The values of `#[api(...)]` keys, each parsed by a function that says, on
//! failure, what the key takes and shows an example.

use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Expr, ExprLit, Lit, LitStr, Meta};

use super::Spanned;
use super::formats::FormatKind;

/// `detail = …` as written: a field, or a text that may interpolate fields
/// (validation resolves it into a [`crate::model::Detail`]).
pub enum WrittenDetail {
    /// `detail = field` or `detail = 0`.
    Field(Spanned<syn::Member>),
    /// `detail = "missing {name}"`.
    Text(LitStr),
}

pub type Result<T> = syn::Result<T>;

/// Items for a message: `a`, `a and b`, `a, b and c` (`last` is the word
/// before the last one).
pub fn listed(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// The nearest of `candidates` to a misspelt `name`, if one is close.
pub fn nearest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), *candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The value of `key = value`, or an error at the key when there is none.
fn value_of<'m>(key: &str, meta: &'m Meta, example: &str) -> Result<&'m Expr> {
    match meta {
        Meta::NameValue(pair) => Ok(strip_groups(&pair.value)),
        _ => Err(crate::errors::error(
            meta,
            format!("`{key}` needs a value: write `{example}`"),
        )),
    }
}

/// Values passed through `macro_rules!` arrive wrapped in invisible groups.
fn strip_groups(mut expr: &Expr) -> &Expr {
    while let Expr::Group(group) = expr {
        expr = &group.expr;
    }
    expr
}

/// What a value that has the wrong kind is, for the message.
pub(super) fn describe(expr: &Expr) -> &'static str {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(_), ..
        }) => "a string",
        Expr::Lit(ExprLit {
            lit: Lit::Int(_), ..
        }) => "an integer",
        Expr::Lit(ExprLit {
            lit: Lit::Float(_), ..
        }) => "a float",
        Expr::Lit(ExprLit {
            lit: Lit::Bool(_), ..
        }) => "a boolean",
        Expr::Lit(_) => "a literal of another kind",
        Expr::Path(_) => "a name",
        Expr::Unary(_) => "a negative number or another expression",
        _ => "an expression",
    }
}

fn wrong_kind(key: &str, takes: &str, example: &str, expr: &Expr) -> syn::Error {
    crate::errors::error(
        expr,
        format!(
            "`{key}` takes {takes}, like `{example}`, not {}",
            describe(expr)
        ),
    )
}

/// `key = 123`: an unsuffixed or integer-suffixed literal, never a string
/// (`"123"` is refused, as a code is a number on the wire). `example` is
/// the value messages show (a code of the type's format).
pub fn int(key: &str, meta: &Meta, example: u64) -> Result<Spanned<u64>> {
    let example = format!("{key} = {example}");
    let expr = value_of(key, meta, &example)?;
    let Expr::Lit(ExprLit {
        lit: Lit::Int(lit), ..
    }) = expr
    else {
        if let Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) = expr
            && let Ok(number) = text.value().trim().parse::<u64>()
        {
            // The number was meant: the fix is the same digits.
            return Err(crate::errors::error(
                expr,
                format!(
                    "`{key}` takes an integer literal, not a string: write `{key} = {number}`, without the quotes"
                ),
            ));
        }
        return Err(wrong_kind(key, "an integer literal", &example, expr));
    };
    if lit.base10_digits().starts_with('-') {
        return Err(crate::errors::error(
            expr,
            format!(
                "`{key}` takes a non-negative integer literal, like `{example}`, not a negative number"
            ),
        ));
    }
    let value = lit.base10_parse::<u64>().map_err(|_| {
        crate::errors::error(
            lit,
            format!("`{key}` is far too large: write a value like `{example}`"),
        )
    })?;
    Ok(Spanned {
        value,
        span: lit.span(),
    })
}

/// `key = "text"`.
pub fn string(key: &str, meta: &Meta) -> Result<LitStr> {
    let example = format!("{key} = \"…\"");
    let expr = value_of(key, meta, &example)?;
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(lit.clone()),
        _ => Err(wrong_kind(key, "a string literal", &example, expr)),
    }
}

/// `format = "…"`: one of the formats of the registry.
pub fn format(meta: &Meta) -> Result<Spanned<FormatKind>> {
    let lit = string("format", meta)?;
    let name = lit.value();
    FormatKind::from_name(&name)
        .map(|kind| Spanned {
            value: kind,
            span: lit.span(),
        })
        .ok_or_else(|| {
            let names: Vec<&str> = FormatKind::names().collect();
            let hint = nearest(&name, &names)
                .map_or_else(String::new, |near| format!("did you mean \"{near}\"? "));
            crate::errors::error(
                &lit,
                format!(
                    "unknown format \"{name}\": {hint}the formats are {}",
                    listed(
                        &names
                            .iter()
                            .map(|name| format!("\"{name}\""))
                            .collect::<Vec<_>>(),
                        "and"
                    )
                ),
            )
        })
}

/// `key = field` (a named field) or `key = 0` (a tuple field).
pub fn member(key: &str, meta: &Meta) -> Result<Spanned<syn::Member>> {
    let example = format!("{key} = field_name` or `{key} = 0");
    let expr = value_of(key, meta, &example)?;
    member_of(expr).ok_or_else(|| wrong_kind(key, "a field name or a tuple index", &example, expr))
}

pub(super) fn member_of(expr: &Expr) -> Option<Spanned<syn::Member>> {
    match expr {
        Expr::Path(path) if path.qself.is_none() => {
            let ident = path.path.get_ident()?;
            Some(Spanned {
                value: syn::Member::Named(ident.clone()),
                span: ident.span(),
            })
        }
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) if lit.suffix().is_empty() => {
            let index = lit.base10_parse::<u32>().ok()?;
            Some(Spanned {
                value: syn::Member::Unnamed(syn::Index {
                    index,
                    span: lit.span(),
                }),
                span: lit.span(),
            })
        }
        _ => None,
    }
}

/// `detail = field`, `detail = 0` or `detail = "text {field}"`.
pub fn detail(meta: &Meta) -> Result<WrittenDetail> {
    let example = "detail = field_name`, `detail = 0` or `detail = \"text\"";
    let expr = value_of("detail", meta, example)?;
    if let Expr::Lit(ExprLit {
        lit: Lit::Str(lit), ..
    }) = expr
    {
        return Ok(WrittenDetail::Text(lit.clone()));
    }
    member_of(expr).map(WrittenDetail::Field).ok_or_else(|| {
        wrong_kind(
            "detail",
            "a field name, a tuple index or a string",
            example,
            expr,
        )
    })
}

/// `key = false` or `key = true`.
pub fn boolean(key: &str, meta: &Meta) -> Result<bool> {
    let example = format!("{key} = false");
    let expr = value_of(key, meta, &example)?;
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Bool(lit),
            ..
        }) => Ok(lit.value),
        _ => Err(wrong_kind(key, "`true` or `false`", &example, expr)),
    }
}

/// `transparent`, a flag with no value.
pub fn flag(key: &str, meta: &Meta) -> Result<Span> {
    match meta {
        Meta::Path(path) => Ok(path.span()),
        _ => Err(crate::errors::error(
            meta,
            format!("`{key}` is a flag and takes no value: write `{key}` alone"),
        )),
    }
}

/// `crate = "path::to::api_errors"`.
pub fn crate_path(meta: &Meta) -> Result<syn::Path> {
    let lit = string("crate", meta)?;
    lit.parse::<syn::Path>().map_err(|_| {
        crate::errors::error(&lit, format!(
            "`crate` takes the path of api_errors as a string, like `crate = \"my_api::api_errors\"`, not \"{}\"",
            lit.value()
        ))
    })
}
