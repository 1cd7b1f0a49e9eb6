//! The wire formats' behaviour: the [`Format`] trait, which each format's
//! file implements (its rules, its code table, its body plan, its
//! framework rows), and [`build`], which makes one from the container's
//! settings. Which formats exist, and the keys each takes, is what parse
//! reads: `parse::formats`. The generic parts of the derive
//! (`validate::rules`, `expand`) never ask which format they serve.

mod entrecode;
mod oz;
mod rfc9457;

use crate::errors::Errors;
use proc_macro2::Span;

use crate::common::framework_cases::FrameworkCase;
use crate::model::{Coded, Detail, Plan, Variant};
use crate::parse;
use crate::parse::formats::{FormatKey, FormatKind};
use crate::parse::keys::ContainerAttrs;
use crate::plan::{Check, Const, Source};

/// The format `kind` with the container's settings, after the format's
/// container rules. A container mistake is reported and the format is
/// still built (with stand-ins), so that every variant is checked too.
pub fn build<'a>(
    kind: FormatKind,
    container: &ContainerAttrs,
    errors: &mut Errors,
) -> Box<dyn Format + 'a> {
    match kind {
        FormatKind::Oz => Box::new(oz::Oz),
        FormatKind::Entrecode => Box::new(entrecode::Entrecode::build(container, errors)),
        FormatKind::Rfc9457 => Box::new(rfc9457::Rfc9457::build(container, errors)),
    }
}

/// The rows a `framework` variant stands for in the format `kind`: how the
/// format answers each framework error, in the order of
/// `common::framework_cases`.
pub fn framework_rows(kind: FormatKind) -> &'static [FrameworkRow; 13] {
    match kind {
        FormatKind::Oz => &oz::FRAMEWORK_ROWS,
        FormatKind::Entrecode => &entrecode::FRAMEWORK_ROWS,
        FormatKind::Rfc9457 => &rfc9457::FRAMEWORK_ROWS,
    }
}

/// How a format answers one framework error in the rows of a `framework`
/// variant: the keys a variant of its own would write for it.
pub struct FrameworkRow {
    /// The case (a key of `common::framework_cases`).
    pub case: &'static str,
    /// `code = …` as written (entrecode: the local code, in the type's
    /// system).
    pub code: Option<u16>,
    /// `status = …`, where the code's documentation does not fix it.
    pub status: Option<u16>,
    /// `title = "…"`, where the code's documented one does not fit.
    pub title: Option<&'static str>,
    /// What `detail` says.
    pub detail: RowDetail,
}

/// The `detail` of a [`FrameworkRow`].
pub enum RowDetail {
    /// None.
    None,
    /// The name the case hands over (a property's path, a parameter's
    /// name): `detail = 0`.
    Name,
    /// A text about it: `detail = "…{0}…"`.
    Text(&'static str),
}

/// A row, in a `const`.
const fn row(
    case: &'static str,
    code: Option<u16>,
    status: Option<u16>,
    title: Option<&'static str>,
    detail: RowDetail,
) -> FrameworkRow {
    FrameworkRow {
        case,
        code,
        status,
        title,
        detail,
    }
}

/// What a format decides about a variant with its own code.
pub struct Resolved<'a> {
    /// The full wire code.
    pub code: u16,
    /// The status: written, or the code's documented one.
    pub status: u16,
    /// The code's documented title, used when the variant writes none;
    /// `None` when it has none, and then a variant without `title` is
    /// refused by `rules::default_title`.
    pub default_title: Option<&'static str>,
    /// What the format writes for the variant, once the rules every format
    /// shares have resolved its title and detail: its body (and its body as
    /// a sub-error) as plans, and the docs only the format knows. The keys
    /// of its own it read for [`Format::resolve`] are in it, read once.
    pub plan: Planner<'a>,
}

/// The rest of a format's work on a variant: see [`Resolved::plan`].
pub type Planner<'a> = Box<dyn FnOnce(&Coded<'a>) -> Plan<'a> + 'a>;

/// A wire format, as the derive sees it.
pub trait Format {
    /// The format's rules for one variant; its code, status, default title
    /// and plan when they hold.
    fn resolve<'a>(
        &self,
        variant: &'a parse::Variant,
        title_has_fields: bool,
        errors: &mut Errors,
    ) -> Option<Resolved<'a>>;

    /// The format's rules across variants (e.g. duplicate codes).
    fn check_variants(&self, _variants: &[Variant<'_>], _errors: &mut Errors) {}

    /// The trait of `api_errors` that reports a `transparent` field whose
    /// type is not an error of this format, with this format's message
    /// (`"oz::TransparentOz"`).
    fn transparent_check(&self) -> Check;

    /// Whether an error of the format can be embedded in another of it
    /// (entrecode's sub-errors): the derive then writes the type's
    /// `Embeddable` impl, and a `transparent` field must be embeddable too.
    fn embeds(&self) -> bool {
        false
    }

    /// The full code of the variant that answers `case` when a
    /// `framework_errors` declaration leaves the case to the format, or why
    /// the format cannot say (a message naming the key to write).
    fn framework_default(&self, case: &FrameworkCase) -> Result<u16, &'static str>;

    /// Whether the format can give a `framework` variant its rows: `Err`
    /// with the message to report when a container setting they need is
    /// missing (`Err(None)` when its mistake was reported already).
    fn framework_rows(&self) -> Result<(), Option<&'static str>> {
        Ok(())
    }

    /// Whether every variant that is not `transparent` needs a `code` (a
    /// format whose errors are known by another key, a status or a type,
    /// makes it optional and checks it in [`resolve`](Self::resolve)).
    fn code_required(&self) -> bool {
        true
    }

    /// What to add to a variant that has no `code`, with an example
    /// (`#[api(code = …)]`); `status` is the variant's, when it writes one.
    fn code_hint(&self, _status: Option<u16>) -> String {
        "#[api(code = …)]".to_string()
    }

    /// What a variant writes to have the full code `code`, for messages
    /// that show one (`code = 2201`; a format keyed by statuses says
    /// `status = 404`).
    fn code_attribute(&self, code: u16) -> String {
        format!("code = {code}")
    }

    /// The member an error answer writes the request's id under, last in the
    /// body (rfc9457's `request_id = "name"`), if the type asks for one.
    fn request_id_member(&self) -> Option<String> {
        None
    }

    /// What to write instead of `key`, a key of another format, if the
    /// format has a better fix than "remove it".
    fn foreign_key_hint(&self, _key: &FormatKey) -> Option<&'static str> {
        None
    }
}

fn error(span: Span, message: impl std::fmt::Display) -> syn::Error {
    crate::errors::error(span, message)
}

/// The check of a field a title's placeholder names.
const TITLE_PLACEHOLDER: Check = "field::TitlePlaceholder";
/// The check of a field a text `detail`'s placeholder names.
const DETAIL_PLACEHOLDER: Check = "field::DetailPlaceholder";

/// A title: a constant string when it has no placeholders.
fn title_value<'a>(coded: &Coded<'a>) -> Source<'a> {
    match coded.title.constant() {
        Some(title) => Source::Const(Const::Str(title.to_owned())),
        None => Source::Text(coded.title.clone(), TITLE_PLACEHOLDER),
    }
}

/// A `detail` written with `Display`: the field's, or the text's.
fn detail_display<'a>(detail: &Detail<'a>, check: Check) -> Source<'a> {
    match detail {
        Detail::Field(field) => Source::Display(field, check),
        Detail::Text(text) => Source::Text(text.clone(), DETAIL_PLACEHOLDER),
    }
}

#[cfg(test)]
mod tests {
    use crate::common::framework_cases::FRAMEWORK_CASES;
    use crate::parse::formats::FormatKind;

    /// A `framework` variant stands for one row per case in every format,
    /// listed in the cases' order (the order of the docs tables).
    #[test]
    fn every_format_has_one_row_per_case_in_order() {
        for kind in FormatKind::all() {
            let rows: Vec<&str> = super::framework_rows(kind)
                .iter()
                .map(|row| row.case)
                .collect();
            let cases: Vec<&str> = FRAMEWORK_CASES.iter().map(|case| case.key).collect();
            assert_eq!(rows, cases, "{}", kind.name());
        }
    }
}
