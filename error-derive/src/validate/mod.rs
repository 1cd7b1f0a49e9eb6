//! Validate: the parsed input against every rule, into a [`Model`].
//!
//! Rules that hold for every format are in [`rules`], one function each;
//! the format's own rules are behind [`Format`] (`crate::format::oz`,
//! `crate::format::entrecode`). Every check runs and pushes its errors before
//! any result is combined, so one derive reports all of its mistakes at once.

mod framework;
mod rules;

use darling::error::Accumulator;

use crate::format::Format;
use crate::model::{Coded, Kind, Model, Piece, Plan, Variant};
use crate::parse::keys::Key;
use crate::parse::{self, Input};

/// The model of `input`, or `None` with every error pushed to `errors`.
pub fn validate<'a>(input: &'a Input<'a>, errors: &mut Accumulator) -> Option<Model<'a>> {
    let format =
        rules::format(&input.container, errors).map(|kind| kind.build(&input.container, errors));
    let variants: Vec<Option<Variant<'a>>> = input
        .variants
        .iter()
        .map(|variant| validate_variant(variant, format.as_deref(), errors))
        .collect();
    let variants: Vec<Variant<'a>> = variants.into_iter().collect::<Option<_>>()?;
    let format = format?;
    // A format was built, so `format = "…"` parsed.
    let format_kind = input.container.format?;
    format.check_variants(&variants, errors);
    let framework_errors = match &input.container.framework_errors {
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
        format,
        format_kind,
        variants,
        is_enum: input.is_enum,
        into_response: input.container.into_response.unwrap_or(true),
        framework_errors,
    })
}

fn validate_variant<'a>(
    variant: &'a parse::Variant,
    format: Option<&(dyn Format + 'a)>,
    errors: &mut Accumulator,
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
    let code = rules::code_present(variant, errors);
    let status = rules::status_range(variant, errors);
    let title = rules::title(variant, errors);
    let detail = rules::detail(variant, errors);
    let verbose = rules::field_ref(variant, variant.attrs.verbose.as_ref(), "verbose", errors);
    let embed = rules::field_ref(variant, variant.attrs.embed.as_ref(), "embed", errors);
    let headers = rules::headers(variant, errors);
    let title_has_fields = matches!(&title, Some(Some((text, _))) if text.iter().any(|piece| matches!(piece, Piece::Field(_))));
    let resolved = format.and_then(|format| format.resolve(variant, title_has_fields, errors));
    let (resolved, (), (), title, detail, _, _, headers) = (
        resolved?, code?, status?, title?, detail?, verbose?, embed?, headers?,
    );
    let (title, title_template) = match title {
        Some(title) => title,
        None => rules::default_title(variant, resolved.default_title, errors)?,
    };
    let mut coded = Coded {
        code: resolved.code,
        status: resolved.status,
        title,
        title_template,
        detail,
        headers,
        plan: Plan::default(),
    };
    // `format` is `Some`: `resolve` gave a result.
    if let Some(format) = format {
        coded.plan = format.plan(variant, &coded);
    }
    Some(Variant {
        source: variant,
        kind: Kind::Coded(Box::new(coded)),
    })
}
