//! `framework_errors` and `framework_errors(case = Variant, …)`: which of the
//! type's variants answer the framework's own errors.

use crate::parse::nested::{self, Nested};
use proc_macro2::Span;
use syn::Result;
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
            return Err(crate::errors::error(
                &pair.value,
                format!(
                    "`framework_errors` is a flag or a list of cases, not a value: write `framework_errors` alone for the format's defaults, or `{EXAMPLE}`"
                ),
            ));
        }
        Meta::List(list) => list,
    };
    let items = nested::list(list.tokens.clone()).map_err(|error| {
        crate::errors::error(
            error.span(),
            format!("expected cases and the variants that answer them, like `{EXAMPLE}`"),
        )
    })?;
    let mut errors = crate::errors::Errors::default();
    let mut mappings: Vec<Mapping> = Vec::new();
    for item in items {
        let Nested::Meta(Meta::NameValue(pair)) = &item else {
            errors.push(crate::errors::error(
                &item,
                format!("expected a case and the variant that answers it, like `{EXAMPLE}`"),
            ));
            continue;
        };
        let name = pair
            .path
            .get_ident()
            .map_or_else(String::new, ToString::to_string);
        let Some(case) = framework_case(&name) else {
            errors.push(unknown_case(&name, &pair.path));
            continue;
        };
        let variant = match &pair.value {
            syn::Expr::Path(path) if path.qself.is_none() => path.path.get_ident().cloned(),
            _ => None,
        };
        let Some(variant) = variant else {
            errors.push(crate::errors::error(
                &pair.value,
                format!(
                    "`{name}` takes the name of a variant of this type, like `{name} = NotFound`"
                ),
            ));
            continue;
        };
        if mappings.iter().any(|mapping| mapping.case.key == case.key) {
            errors.push(
                crate::errors::error(&pair.path, format!(
                    "duplicate case `{name}` in `framework_errors`: one variant answers each case; remove this one"
                )),
            );
            continue;
        }
        mappings.push(Mapping { case, variant });
    }
    errors.finish_with(Declaration { span, mappings })
}

fn unknown_case(name: &str, at: &syn::Path) -> syn::Error {
    let keys: Vec<&str> = FRAMEWORK_CASES.iter().map(|case| case.key).collect();
    match nearest(name, &keys) {
        Some(near) => crate::errors::error(
            at,
            format!("unknown framework error `{name}`: did you mean `{near}`?"),
        ),
        None => crate::errors::error(
            at,
            format!(
                "unknown framework error `{name}`: the cases are {}",
                keys.join(", ")
            ),
        ),
    }
}
