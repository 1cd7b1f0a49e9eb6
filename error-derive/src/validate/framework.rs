//! `framework_errors`: every framework error resolved to one of the type's
//! own variants, the named ones as named, the others by the format's
//! default code.
//!
//! Rules (each an error at the declaration, all reported together):
//! - a named variant exists and has its own code (not `transparent`);
//! - a case that hands over a name (a property, a parameter) goes to a
//!   variant with exactly one field, which holds it; every other case to a
//!   variant without fields (nothing would build them);
//! - a case left to its default finds a variant with the format's code for
//!   it that fits (the first in declaration order), else the error says
//!   which variant to add;
//! - the declaration is on an enum.
//!
//! A `framework` variant's rows (see `parse::framework_rows`) answer the
//! cases the declaration does not name, each its own.
//!
//! The field's type (it must be buildable from a `&str`) is the compiler's
//! to check, through `api_errors::field::FrameworkName`.

use crate::errors::Errors;
use proc_macro2::Span;

use crate::common::framework_cases::{FRAMEWORK_CASES, FrameworkCase};
use crate::format::Format;
use crate::model::{FrameworkArm, FrameworkErrors, Kind, Variant};
use crate::parse::framework_errors::Declaration;
use crate::parse::value::{listed, nearest};

/// The resolved declaration, or `None` with its errors pushed.
pub fn resolve<'a>(
    declaration: &Declaration,
    is_enum: bool,
    variants: &[Variant<'a>],
    format: &dyn Format,
    errors: &mut Errors,
) -> Option<FrameworkErrors<'a>> {
    if !is_enum {
        errors.push(error(
            declaration.span,
            "`framework_errors` maps each framework error to a variant, so it needs an enum: declare it on an enum of your errors",
        ));
        return None;
    }
    let mut arms = Vec::new();
    let mut complete = true;
    // A format that cannot give defaults says why once, not per case.
    let mut no_defaults = None;
    // Cases whose default variant is missing, reported together: one
    // variant answers every case of its code and shape.
    let mut unanswered = Vec::new();
    for case in &FRAMEWORK_CASES {
        let named = declaration
            .mappings
            .iter()
            .find(|mapping| mapping.case.key == case.key);
        let row = variants.iter().find(|variant| {
            variant
                .source
                .row
                .is_some_and(|row| row.case.key == case.key)
        });
        let arm = match (named, row) {
            (Some(mapping), _) => named_arm(case, &mapping.variant, variants, errors),
            (None, Some(row)) => Some(arm(case, row)),
            (None, None) => match format.framework_default(case) {
                Ok(code) => match default_arm(case, code, variants) {
                    Ok(arm) => Some(arm),
                    Err(found) => {
                        unanswered.push(Unanswered {
                            case,
                            code,
                            attribute: format.code_attribute(code),
                            found,
                        });
                        None
                    }
                },
                Err(why) => {
                    no_defaults = Some(why);
                    None
                }
            },
        };
        match arm {
            Some(arm) => arms.push(arm),
            None => complete = false,
        }
    }
    if let Some(why) = no_defaults {
        errors.push(error(declaration.span, why));
    }
    report_unanswered(&unanswered, declaration.span, errors);
    if !complete {
        return None;
    }
    let answering = |key: &str| {
        arms.iter()
            .find(|arm| arm.case.key == key)
            .map(|arm| arm.variant)
    };
    let (other_client, other_server) = (answering("invalid_body")?, answering("panic")?);
    let mut by_status: Vec<(u16, &'a crate::parse::Variant)> = Vec::new();
    for variant in variants {
        if let Kind::Coded(own) = &variant.kind
            && variant.source.fields.is_empty()
            && !by_status.iter().any(|(status, _)| *status == own.status)
        {
            by_status.push((own.status, variant.source));
        }
    }
    Some(FrameworkErrors {
        arms,
        by_status,
        other_client,
        other_server,
    })
}

/// `case = Variant`, as written.
fn named_arm<'a>(
    case: &'static FrameworkCase,
    name: &syn::Ident,
    variants: &[Variant<'a>],
    errors: &mut Errors,
) -> Option<FrameworkArm<'a>> {
    let Some(variant) = variants
        .iter()
        .find(|variant| variant.source.ident == *name)
    else {
        let names: Vec<String> = variants
            .iter()
            .map(|variant| variant.source.ident.to_string())
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let hint = nearest(&name.to_string(), &names)
            .map_or_else(String::new, |near| format!(": did you mean `{near}`?"));
        errors.push(error(
            name.span(),
            format_args!(
                "`{}` names `{name}`, which is not a variant of this type{hint}",
                case.key
            ),
        ));
        return None;
    };
    if variant.source.row.is_some() {
        errors.push(error(
            name.span(),
            format_args!(
                "`{name}` is `framework`: it answers every case that no other variant is named for; remove `{} = {name}`",
                case.key
            ),
        ));
        return None;
    }
    if matches!(variant.kind, Kind::Transparent(_)) {
        errors.push(error(
            name.span(),
            format_args!(
                "`{name}` is `transparent`: its errors are its field's, so it cannot answer `{}`; name a variant with its own code",
                case.key
            ),
        ));
        return None;
    }
    if let Err(why) = fits(case, variant) {
        errors.push(error(name.span(), why));
        return None;
    }
    Some(arm(case, variant))
}

/// A case left to the format: the first variant with the default code
/// that fits; else what was found instead, as the error will say it.
fn default_arm<'a>(
    case: &'static FrameworkCase,
    code: u16,
    variants: &[Variant<'a>],
) -> Result<FrameworkArm<'a>, String> {
    let with_code: Vec<&Variant<'a>> = variants
        .iter()
        .filter(|variant| matches!(&variant.kind, Kind::Coded(coded) if coded.code == code))
        .collect();
    if let Some(variant) = with_code.iter().find(|variant| fits(case, variant).is_ok()) {
        return Ok(arm(case, variant));
    }
    if with_code.is_empty() {
        return Err(format!("no variant has code {code}"));
    }
    let names: Vec<String> = with_code
        .iter()
        .map(|variant| format!("`{}`", variant.source.ident))
        .collect();
    Err(format!(
        "no variant with code {code} ({}) is {}",
        names.join(", "),
        fits_how(case)
    ))
}

/// A case left to the format that no variant answers.
struct Unanswered {
    case: &'static FrameworkCase,
    code: u16,
    /// How the code is written (`code = 3`, `status = 404`).
    attribute: String,
    /// What the variants have instead ("no variant has code 3").
    found: String,
}

/// One error per variant to add: the cases with the same code and the same
/// shape (a field for the name, or none) are answered by one variant.
fn report_unanswered(unanswered: &[Unanswered], span: Span, errors: &mut Errors) {
    let mut reported: Vec<(u16, bool)> = Vec::new();
    for first in unanswered {
        let shape = (first.code, first.case.name.is_some());
        if reported.contains(&shape) {
            continue;
        }
        reported.push(shape);
        let group: Vec<&Unanswered> = unanswered
            .iter()
            .filter(|other| (other.code, other.case.name.is_some()) == shape)
            .collect();
        let (code, attribute, case) = (first.code, &first.attribute, first.case);
        let example = match case.name {
            Some(name) => format!(
                "#[api({attribute}, detail = {name})] {} {{ {name}: String }}",
                case.variant
            ),
            None => format!("#[api({attribute})] {}", case.variant),
        };
        let answered: Vec<String> = group
            .iter()
            .map(|missing| format!("{} (`{}`)", missing.case.what, missing.case.key))
            .collect();
        let named: Vec<String> = group
            .iter()
            .map(|missing| format!("{} = YourVariant", missing.case.key))
            .collect();
        // One variant holds a property's name or a parameter's alike.
        let shape_needed = if group.iter().all(|missing| missing.case.name == case.name) {
            fits_how(case)
        } else {
            "a variant with one field to hold the name".to_string()
        };
        let (one_variant, each) = if group.len() == 1 {
            ("", "it")
        } else {
            (" (one answers them all)", "each")
        };
        errors.push(error(
            span,
            format_args!(
                "`framework_errors` answers {} with code {code}, and {}: add {}{one_variant}, like `{example}`, or name the variant that answers {each}: `framework_errors({})`",
                listed(&answered, "and"),
                first.found,
                shape_needed,
                named.join(", "),
            ),
        ));
    }
}

/// The shape of a variant a case can build.
fn fits_how(case: &FrameworkCase) -> String {
    match case.name {
        Some(name) => format!("a variant with one field to hold the {name}"),
        None => "a variant without fields".to_string(),
    }
}

/// Whether `variant` can be built for `case`: one field for a case that
/// hands over a name, none for the others.
fn fits(case: &FrameworkCase, variant: &Variant<'_>) -> Result<(), String> {
    let name = &variant.source.ident;
    let fields = variant.source.fields.len();
    match case.name {
        Some(_) if fields == 1 => Ok(()),
        Some(what) => Err(format!(
            "`{}` hands over the {what}'s name, and `{name}` has {fields} fields: give it exactly one field to hold the name (like `{name} {{ {what}: String }}`), or name another variant",
            case.key
        )),
        None if fields == 0 => Ok(()),
        None => Err(format!(
            "`{}` hands over nothing to build `{name}`'s fields from: name a variant without fields",
            case.key
        )),
    }
}

fn arm<'a>(case: &'static FrameworkCase, variant: &Variant<'a>) -> FrameworkArm<'a> {
    FrameworkArm {
        case,
        variant: variant.source,
        field: case.name.and(variant.source.fields.first()),
    }
}

fn error(span: Span, message: impl std::fmt::Display) -> syn::Error {
    crate::errors::error(span, message)
}
