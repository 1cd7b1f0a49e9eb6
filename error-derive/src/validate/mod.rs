//! Validate: the parsed input against every rule, into a [`Model`].
//!
//! Rules that hold for every format are in [`rules`], one function each;
//! the format's own rules are behind [`Format`] (each format's file in
//! `crate::format`). Every check runs and pushes its errors before
//! any result is combined, so one derive reports all of its mistakes at once.

mod framework;
pub mod framework_rows;
pub mod rules;

use crate::errors::Errors;

use crate::format::Format;
use crate::model::{Coded, Kind, Model, Plan, Variant};
use crate::parse::formats::FormatKind;
use crate::parse::framework_errors::Declaration;
use crate::parse::keys::Key;
use crate::parse::{self, Input};

/// The model of `input`, whose `framework` variant stands for `rows` (see
/// [`framework_rows`]), or `None` with every error pushed to `errors`.
pub fn validate<'a>(
    input: &'a Input<'a>,
    rows: &'a [parse::Variant],
    errors: &mut Errors,
) -> Option<Model<'a>> {
    let kind = rules::format(&input.container, errors);
    let format = kind.map(|kind| {
        let format = crate::format::build(kind, &input.container, errors);
        rules::foreign_keys(kind, format.as_ref(), &input.container.seen, errors);
        (kind, format)
    });
    let rows_hold = rows_hold(
        rows,
        format.as_ref().map(|(_, format)| format.as_ref()),
        errors,
    );
    // The `framework` variant (the first one: a second was refused) is
    // its rows.
    let mut written = Vec::with_capacity(input.variants.len() + rows.len());
    let mut rows = Some(rows);
    for variant in &input.variants {
        if variant.attrs.has(Key::Framework) {
            written.extend(rows.take().into_iter().flatten());
        } else {
            written.push(variant);
        }
    }
    let variants: Vec<Option<Variant<'a>>> = written
        .into_iter()
        .map(|variant| {
            if variant.row.is_some() && !rows_hold {
                // Refused as a whole, once.
                return None;
            }
            let format = format
                .as_ref()
                .map(|(kind, format)| (*kind, format.as_ref()));
            validate_variant(variant, format, errors)
        })
        .collect();
    let variants: Vec<Variant<'a>> = variants.into_iter().collect::<Option<_>>()?;
    let (_, format) = format?;
    // A format was built, so `format = "…"` parsed.
    let format_kind = input.container.format?;
    format.check_variants(&variants, errors);
    // A `framework` variant answers every case not named: it declares
    // `framework_errors` by itself.
    let implied = variants
        .iter()
        .find_map(|variant| variant.source.row.and(variant.source.attrs.framework))
        .map(|span| Declaration {
            span,
            mappings: Vec::new(),
        });
    let framework_errors = match input
        .container
        .framework_errors
        .as_ref()
        .or(implied.as_ref())
    {
        Some(declaration) => Some(framework::resolve(
            declaration,
            input.is_enum,
            &variants,
            format.as_ref(),
            errors,
        )?),
        None => None,
    };
    let krate = input.container.krate_path();
    Some(Model {
        ident: input.ident,
        generics: input.generics,
        krate,
        format_kind,
        embeds: format.embeds(),
        transparent_check: format.transparent_check(),
        variants,
        is_enum: input.is_enum,
        into_response: input.container.into_response.unwrap_or(true),
        framework_errors,
        request_id_member: format.request_id_member(),
    })
}

/// Whether the rows of a `framework` variant can be checked: the format
/// (when known) has the settings they need; else its message, once.
fn rows_hold(rows: &[parse::Variant], format: Option<&dyn Format>, errors: &mut Errors) -> bool {
    let Some(row) = rows.first() else {
        return true;
    };
    match format.map(<dyn Format>::framework_rows) {
        None | Some(Ok(())) => true,
        Some(Err(message)) => {
            if let (Some(message), Some(span)) = (message, row.attrs.framework) {
                errors.push(crate::errors::error(span, message));
            }
            false
        }
    }
}

fn validate_variant<'a>(
    variant: &'a parse::Variant,
    format: Option<(FormatKind, &(dyn Format + 'a))>,
    errors: &mut Errors,
) -> Option<Variant<'a>> {
    if variant.attrs.transparent.is_none() && variant.attrs.has(Key::Transparent) {
        // `transparent = …` was refused: whatever else the variant says, it
        // meant to delegate.
        return None;
    }
    if let Some(flag) = variant.attrs.transparent {
        let field = rules::transparent(variant, flag, errors)?;
        return Some(Variant {
            source: variant,
            kind: Kind::Transparent(field),
        });
    }
    // Run every check first; combine afterwards.
    let code = match format {
        Some((_, format)) if !format.code_required() => Some(()),
        Some((_, format)) => rules::code_present(variant, format, errors),
        // Whether a code is required depends on the format, which is missing
        // or unknown (and reported): a rule of a format the type may not
        // have would be a second error for one mistake.
        None => Some(()),
    };
    let status = rules::status_range(variant, errors);
    let title = rules::title(variant, errors);
    let detail = rules::detail(variant, errors);
    let headers = rules::headers(variant, errors);
    let title_has_fields = matches!(&title, Some(Some(text)) if text.has_fields());
    let resolved = format.and_then(|(kind, format)| {
        let keys = rules::foreign_keys(kind, format, &variant.attrs.seen, errors);
        let resolved = format.resolve(variant, title_has_fields, errors);
        keys.and(resolved)
    });
    let (resolved, (), (), title, detail, headers) =
        (resolved?, code?, status?, title?, detail?, headers?);
    let title = match title {
        Some(title) => title,
        None => rules::default_title(variant, resolved.default_title, errors)?,
    };
    let mut coded = Coded {
        code: resolved.code,
        status: resolved.status,
        title,
        detail,
        headers,
        plan: Plan::default(),
    };
    coded.plan = (resolved.plan)(&coded);
    Some(Variant {
        source: variant,
        kind: Kind::Coded(Box::new(coded)),
    })
}
