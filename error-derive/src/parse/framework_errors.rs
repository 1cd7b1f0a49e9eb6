//! `framework_errors` and `framework_errors(case = Variant, …)`: which of the
//! type's variants answer the framework's own errors.

use darling::Result;
use darling::ast::NestedMeta;
use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Ident, Meta};

use super::value::nearest;
use crate::common::framework_cases::{FRAMEWORK_CASES, FrameworkCase, framework_case};

/// The declaration as written.
pub struct Declaration {
    /// The `framework_errors` key: where an error about a case left to its
    /// default points.
    pub span: Span,
    /// The cases mapped by name, in order.
    pub mappings: Vec<Mapping>,
}

/// `case = Variant`.
pub struct Mapping {
    /// The case.
    pub case: &'static FrameworkCase,
    /// The variant named for it.
    pub variant: Ident,
}

const EXAMPLE: &str = "framework_errors(not_found = NoSuchNote)";

/// Reads `framework_errors` (every case to its default) or
/// `framework_errors(case = Variant, …)`.
pub fn declaration(meta: &Meta) -> Result<Declaration> {
    let span = meta.path().span();
    let list = match meta {
        Meta::Path(_) => {
            return Ok(Declaration {
                span,
                mappings: Vec::new(),
            });
        }
        Meta::NameValue(pair) => {
            return Err(darling::Error::custom(format!(
                "`framework_errors` is a flag or a list of cases, not a value: write `framework_errors` alone for the format's defaults, or `{EXAMPLE}`"
            ))
            .with_span(&pair.value));
        }
        Meta::List(list) => list,
    };
    // Read before the accumulator exists: darling's accumulator must not be
    // dropped unfinished, as an early `?` would.
    let items = NestedMeta::parse_meta_list(list.tokens.clone()).map_err(|error| {
        darling::Error::custom(format!(
            "expected cases and the variants that answer them, like `{EXAMPLE}`"
        ))
        .with_span(&error.span())
    })?;
    let mut errors = darling::Error::accumulator();
    let mut mappings: Vec<Mapping> = Vec::new();
    for item in items {
        let NestedMeta::Meta(Meta::NameValue(pair)) = &item else {
            errors.push(
                darling::Error::custom(format!(
                    "expected a case and the variant that answers it, like `{EXAMPLE}`"
                ))
                .with_span(&item),
            );
            continue;
        };
        let name = pair
            .path
            .get_ident()
            .map_or_else(String::new, ToString::to_string);
        let Some(case) = framework_case(&name) else {
            errors.push(unknown_case(&name).with_span(&pair.path));
            continue;
        };
        let variant = match &pair.value {
            syn::Expr::Path(path) if path.qself.is_none() => path.path.get_ident().cloned(),
            _ => None,
        };
        let Some(variant) = variant else {
            errors.push(
                darling::Error::custom(format!(
                    "`{name}` takes the name of a variant of this type, like `{name} = NotFound`"
                ))
                .with_span(&pair.value),
            );
            continue;
        };
        if mappings.iter().any(|mapping| mapping.case.key == case.key) {
            errors.push(
                darling::Error::custom(format!(
                    "duplicate case `{name}` in `framework_errors`: one variant answers each case; remove this one"
                ))
                .with_span(&pair.path),
            );
            continue;
        }
        mappings.push(Mapping { case, variant });
    }
    errors.finish_with(Declaration { span, mappings })
}

fn unknown_case(name: &str) -> darling::Error {
    let keys: Vec<&str> = FRAMEWORK_CASES.iter().map(|case| case.key).collect();
    match nearest(name, &keys) {
        Some(near) => darling::Error::custom(format!(
            "unknown framework error `{name}`: did you mean `{near}`?"
        )),
        None => darling::Error::custom(format!(
            "unknown framework error `{name}`: the cases are {}",
            keys.join(", ")
        )),
    }
}
