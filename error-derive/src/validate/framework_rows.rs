//! `#[api(framework)]`: one variant that stands for the format's answers
//! to the framework's errors, read as the rows it stands for.
//!
//! Each row is a variant of its own from here on, with the keys the
//! format's [`FrameworkRow`] gives it, written as if the user had written
//! them at the `framework` key: the rules, the catalog, the docs and the
//! bodies treat it as any other variant, and only `expand` knows that the
//! rows share one Rust variant (one arm, which picks the row its
//! `api_errors::framework::Answer` holds). A case that
//! `framework_errors(case = Variant)` gives to another variant has no row.
//! The rows are made before the variants are validated and kept by the
//! caller, so that the model can borrow them as it borrows the input.

use crate::errors::Errors;
use proc_macro2::Span;
use syn::LitStr;

use crate::common::framework_cases::{FRAMEWORK_CASES, FrameworkCase};
use crate::format::{FrameworkRow, RowDetail, framework_rows};
use crate::parse::keys::{Key, VariantAttrs};
use crate::parse::value::WrittenDetail;
use crate::parse::{Input, Row, Spanned, Variant};

/// The rows of `input`'s `framework` variant, after the rules of the key:
/// on an enum, once, alone, on a variant of one field. None when the key
/// was refused, or the format is not known (reported elsewhere).
pub fn rows(input: &Input<'_>, errors: &mut Errors) -> Vec<Variant> {
    let (container, is_enum) = (&input.container, input.is_enum);
    let mut out = Vec::new();
    let mut first: Option<Span> = None;
    for variant in &input.variants {
        let Some(key) = variant.attrs.framework else {
            continue;
        };
        let mut ok = true;
        if !is_enum {
            errors.push(error(
                key,
                "`framework` makes a variant stand for the framework's answers beside your own errors, so it needs an enum: declare the struct's error as a variant of an enum",
            ));
            ok = false;
        }
        if first.is_some() {
            errors.push(error(
                key,
                "only one variant can be `framework`: it stands for every framework error already; remove this one",
            ));
            ok = false;
        }
        first.get_or_insert(key);
        for other in variant
            .attrs
            .seen
            .iter()
            .filter(|seen| seen.value != Key::Framework)
        {
            errors.push(error(
                other.span,
                format_args!(
                    "`{}` cannot be combined with `framework`: the format gives each of the variant's rows its keys; remove `{}`",
                    other.value.name(),
                    other.value.name()
                ),
            ));
            ok = false;
        }
        if variant.fields.len() != 1 {
            errors.push(error(
                key,
                format_args!(
                    "`framework` needs exactly one field, and `{}` has {}: write `{}(api_errors::framework::Answer)`",
                    variant.ident,
                    variant.fields.len(),
                    variant.ident
                ),
            ));
            ok = false;
        }
        let Some(format) = container.format.filter(|_| ok) else {
            // An unknown format was reported; so was each mistake above.
            continue;
        };
        let rows = framework_rows(format.value);
        for (index, case) in FRAMEWORK_CASES.iter().enumerate() {
            // Every format has a row for every case (a unit test holds it).
            let Some(row) = rows.iter().find(|row| row.case == case.key) else {
                continue;
            };
            let named = container
                .framework_errors
                .as_ref()
                .is_some_and(|declaration| {
                    declaration
                        .mappings
                        .iter()
                        .any(|mapping| mapping.case.key == case.key)
                });
            if !named {
                out.push(row_variant(variant, key, case, index, row));
            }
        }
    }
    out
}

/// The variant of one row: the `framework` variant's name and field, the
/// row's keys, spanned on `key`.
fn row_variant(
    variant: &Variant,
    key: Span,
    case: &'static FrameworkCase,
    index: usize,
    row: &FrameworkRow,
) -> Variant {
    let spanned = |value: u16| Spanned {
        value: u64::from(value),
        span: key,
    };
    let written = |key_name: Key| Spanned {
        value: key_name,
        span: key,
    };
    // `fields` has exactly one field (checked above).
    let member = variant.fields.first().map_or(
        syn::Member::Unnamed(syn::Index {
            index: 0,
            span: key,
        }),
        |field| field.name.clone(),
    );
    let placeholder = match &member {
        syn::Member::Named(ident) => format!("{{{ident}}}"),
        syn::Member::Unnamed(index) => format!("{{{}}}", index.index),
    };
    let detail = match row.detail {
        RowDetail::None => None,
        RowDetail::Name => Some(WrittenDetail::Field(Spanned {
            value: member,
            span: key,
        })),
        RowDetail::Text(text) => Some(WrittenDetail::Text(LitStr::new(
            &text.replace("{0}", &placeholder),
            key,
        ))),
    };
    let mut seen = Vec::from([written(Key::Framework)]);
    seen.extend(row.code.map(|_| written(Key::Code)));
    seen.extend(row.status.map(|_| written(Key::Status)));
    seen.extend(row.title.map(|_| written(Key::Title)));
    seen.extend(detail.as_ref().map(|_| written(Key::Detail)));
    let attrs = VariantAttrs {
        code: row.code.map(spanned),
        status: row.status.map(spanned),
        title: row.title.map(|title| LitStr::new(title, key)),
        detail,
        framework: Some(key),
        seen,
        ..VariantAttrs::default()
    };
    // The docs of each row are its case's: the variant's own doc comment
    // is the Rust item's, and would repeat in every row.
    let text_detail = matches!(row.detail, RowDetail::Text(_));
    Variant {
        ident: variant.ident.clone(),
        fields: variant
            .fields
            .iter()
            .map(|field| crate::parse::Field {
                name: field.name.clone(),
                ty: field.ty.clone(),
                // What a text's placeholder shows in the docs tables
                // (`{property}`); a `detail` that is the name itself keeps
                // the format's own column text.
                docs: match case.name {
                    Some(name) if text_detail => name.to_owned(),
                    _ => String::new(),
                },
            })
            .collect(),
        attrs,
        docs: format!("{}.", capitalised(case.what)),
        row: Some(Row {
            case,
            // 13 cases.
            index: u8::try_from(index).unwrap_or(u8::MAX),
        }),
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn error(span: Span, message: impl std::fmt::Display) -> syn::Error {
    crate::errors::error(span, message)
}
