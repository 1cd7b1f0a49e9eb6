//! The rules every format shares, one function each. A rule pushes its
//! errors (spanned on the token at fault) and returns `None` when the item
//! cannot be used; it never stops the other rules from running.

use crate::errors::Errors;
use proc_macro2::Span;
use syn::LitStr;

use crate::format::Format;
use crate::model::{Detail, Header, HeaderValue};
use crate::parse::formats::FormatKind;
use crate::parse::headers::WrittenHeaderValue;
use crate::parse::keys::{ContainerAttrs, Key};
use crate::parse::template::{self, WrittenPiece};
use crate::parse::value::{WrittenDetail, listed};
use crate::parse::{Field, Spanned, Variant};
use crate::plan::{Part, Text};

fn error(span: Span, message: impl std::fmt::Display) -> syn::Error {
    crate::errors::error(span, message)
}

/// Rule: `format` is required (an unknown name was refused while parsing).
pub fn format(container: &ContainerAttrs, errors: &mut Errors) -> Option<FormatKind> {
    if container.format.is_none() && !container.may_have(Key::Format) {
        let formats: Vec<String> = FormatKind::names()
            .map(|name| format!("\"{name}\""))
            .collect();
        errors.push(error(
            container.anchor,
            format_args!(
                "missing `format`: add #[api(format = \"…\")] to the type, with one of the formats {}",
                listed(&formats, "or")
            ),
        ));
    }
    container.format.map(|format| format.value)
}

/// Rule: a key of another format is an error on the key. Formats are
/// allow-lists ([`FormatKind::keys`]), so a key that a new format adds is
/// refused by the others without a line of theirs; `format` says what to
/// write instead, if it knows better than "remove it".
pub fn foreign_keys(
    kind: FormatKind,
    format: &dyn Format,
    seen: &[Spanned<Key>],
    errors: &mut Errors,
) -> Option<()> {
    let mut clean = Some(());
    for spanned in seen {
        let Key::OfFormat(key) = spanned.value else {
            continue;
        };
        if kind.keys().iter().any(|own| own.name == key.name) {
            continue;
        }
        let owners: Vec<FormatKind> = FormatKind::all()
            .filter(|other| other.keys().iter().any(|own| own.name == key.name))
            .collect();
        let fix = format.foreign_key_hint(key).map_or_else(
            || {
                let formats: Vec<String> = owners
                    .iter()
                    .map(|owner| format!("format = \"{}\"", owner.name()))
                    .collect();
                format!("remove it, or use {}", listed(&formats, "or"))
            },
            ToOwned::to_owned,
        );
        let owners: Vec<String> = owners
            .into_iter()
            .map(|owner| owner.name().to_owned())
            .collect();
        errors.push(error(
            spanned.span,
            format_args!(
                "`{}` is a key of the {} format, not of the {} format: {fix}",
                key.name,
                listed(&owners, "and"),
                kind.name()
            ),
        ));
        clean = None;
    }
    clean
}

/// Rule: every variant has a `code`, unless it is `transparent` (or its
/// format does without: `Format::code_required`).
pub fn code_present(variant: &Variant, format: &dyn Format, errors: &mut Errors) -> Option<()> {
    if variant.attrs.code.is_some() {
        return Some(());
    }
    if !variant.attrs.may_have(Key::Code) {
        // `transparent` is a way out only for a variant of one field.
        let or_transparent = if variant.fields.len() == 1 {
            ", or #[api(transparent)] to delegate to its one field"
        } else {
            ""
        };
        errors.push(error(
            variant.ident.span(),
            format_args!(
                "missing `code` on `{}`: add {}{or_transparent}",
                variant.ident,
                format.code_hint(
                    variant
                        .attrs
                        .status
                        .and_then(|status| u16::try_from(status.value).ok())
                ),
            ),
        ));
    }
    None
}

/// Rule: `status` is an HTTP error status, `400..=599`.
pub fn status_range(variant: &Variant, errors: &mut Errors) -> Option<()> {
    match variant.attrs.status {
        Some(Spanned { value, span }) if !(400..=599).contains(&value) => {
            errors.push(error(
                span,
                format_args!("`status = {value}` is not an error status: use a 4xx (client) or 5xx (server) status, 400..=599"),
            ));
            None
        }
        _ => Some(()),
    }
}

/// Rule: `transparent` goes on a variant with exactly one field and no other
/// key.
pub fn transparent<'a>(variant: &'a Variant, flag: Span, errors: &mut Errors) -> Option<&'a Field> {
    let mut ok = true;
    for other in variant
        .attrs
        .seen
        .iter()
        .filter(|key| key.value != Key::Transparent)
    {
        errors.push(error(
            other.span,
            format_args!(
                "`{}` cannot be combined with `transparent`: a transparent variant takes everything from its field; remove `{}`",
                other.value.name(),
                other.value.name()
            ),
        ));
        ok = false;
    }
    if variant.fields.len() != 1 {
        errors.push(error(
            flag,
            format_args!(
                "`transparent` needs exactly one field, and `{}` has {}: wrap one ApiError, like `{}(InnerError)`",
                variant.ident,
                variant.fields.len(),
                variant.ident
            ),
        ));
        ok = false;
    }
    if ok { variant.fields.first() } else { None }
}

/// Rule: `detail`/`verbose`/`embed` name a field the variant has.
pub fn field_ref<'a>(
    variant: &'a Variant,
    member: Option<&Spanned<syn::Member>>,
    key: &str,
    errors: &mut Errors,
) -> Option<Option<&'a Field>> {
    let Some(member) = member else {
        return Some(None);
    };
    match variant.field(&member.value) {
        Some(field) => Some(Some(field)),
        None => {
            errors.push(error(
                member.span,
                no_such_field(
                    variant,
                    &format!(
                        "`{key}` names `{}`, which is not a field",
                        member_name(&member.value)
                    ),
                ),
            ));
            None
        }
    }
}

/// Rule: a title parses as a template and its placeholders are fields.
/// `Some(None)`: no title written.
pub fn title<'a>(variant: &'a Variant, errors: &mut Errors) -> Option<Option<Text<'a>>> {
    let Some(lit) = &variant.attrs.title else {
        return Some(None);
    };
    text(variant, lit, "the title", errors).map(Some)
}

/// Rule: `detail` names a field, or is a text whose placeholders are fields.
pub fn detail<'a>(variant: &'a Variant, errors: &mut Errors) -> Option<Option<Detail<'a>>> {
    match &variant.attrs.detail {
        None => Some(None),
        Some(WrittenDetail::Field(member)) => {
            field_ref(variant, Some(member), "detail", errors).map(|field| field.map(Detail::Field))
        }
        Some(WrittenDetail::Text(lit)) => {
            text(variant, lit, "`detail`", errors).map(|text| Some(Detail::Text(text)))
        }
    }
}

/// A variant without `title` takes its code's documented title; the format
/// has already reported a code that has none.
pub fn default_title<'a>(
    variant: &Variant,
    default: Option<&'static str>,
    errors: &mut Errors,
) -> Option<Text<'a>> {
    match default {
        Some(title) => Some(Text::literal(title)),
        None => {
            errors.push(error(
                variant.ident.span(),
                format_args!(
                    "missing `title` on `{}`: its code has no documented title; add title = \"…\"",
                    variant.ident
                ),
            ));
            None
        }
    }
}

/// Rule: a text (`"… {field} …"`, for a key `what` names in messages)
/// parses as a template and its placeholders are fields of `variant`.
pub fn text<'a>(
    variant: &'a Variant,
    lit: &LitStr,
    what: &str,
    errors: &mut Errors,
) -> Option<Text<'a>> {
    let pieces = match template::parse(lit) {
        Ok(pieces) => pieces,
        Err(message) => {
            errors.push(error(lit.span(), format_args!("in {what}: {message}")));
            return None;
        }
    };
    let mut text = Vec::with_capacity(pieces.len());
    let mut ok = true;
    for piece in pieces {
        match piece {
            WrittenPiece::Lit(literal) => text.push(Part::Lit(literal)),
            WrittenPiece::Field(member) => match variant.field(&member) {
                Some(field) => text.push(Part::Field(field)),
                None => {
                    errors.push(error(
                        lit.span(),
                        no_such_field(
                            variant,
                            &format!(
                                "the placeholder `{{{}}}` in {what} is not a field",
                                member_name(&member)
                            ),
                        ),
                    ));
                    ok = false;
                }
            },
        }
    }
    ok.then(|| Text {
        parts: text,
        written: lit.value(),
    })
}

/// A field as `detail = …` or a placeholder writes it: `name` or `0`.
fn member_name(member: &syn::Member) -> String {
    match member {
        syn::Member::Named(ident) => ident.to_string(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}

/// "{lead} of `Variant`: its fields are …", for a key or placeholder that
/// names a field the variant does not have (`lead` ends in "is not a field").
fn no_such_field(variant: &Variant, lead: &str) -> String {
    let fields: Vec<String> = variant
        .fields
        .iter()
        .map(|field| match &field.name {
            syn::Member::Named(ident) => format!("`{ident}`"),
            syn::Member::Unnamed(index) => format!("`{}`", index.index),
        })
        .collect();
    let have = if fields.is_empty() {
        "it has no fields".to_owned()
    } else {
        format!("its fields are {}", fields.join(", "))
    };
    format!("{lead} of `{}`: {have}", variant.ident)
}

/// Rules of `headers(...)`: a name is an HTTP token (RFC 9110 §5.6.2) that
/// the serving integrations do not set themselves, written once; a constant
/// value holds only visible ASCII, spaces and tabs (no line break could
/// reach the wire); a field value names a field of the variant.
pub fn headers<'a>(variant: &'a Variant, errors: &mut Errors) -> Option<Vec<Header<'a>>> {
    let Some(declared) = &variant.attrs.headers else {
        return Some(Vec::new());
    };
    let mut ok = true;
    let mut headers = Vec::new();
    for (index, header) in declared.iter().enumerate() {
        let name = &header.name;
        let is_token = !name.is_empty()
            && name
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte));
        if !is_token {
            errors.push(error(
                header.span,
                format_args!(
                    "`{name}` is not a header name: a header's name holds ASCII letters, digits and `-` (written `_`), like `retry_after`"
                ),
            ));
            ok = false;
        } else if matches!(
            name.as_str(),
            "content-type" | "content-length" | "transfer-encoding"
        ) {
            errors.push(error(
                header.span,
                format_args!(
                    "`{name}` is set by the response itself (the format's media type and the body's length): remove it from `headers`"
                ),
            ));
            ok = false;
        }
        if declared[..index]
            .iter()
            .any(|earlier| earlier.name == *name)
        {
            errors.push(error(
                header.span,
                format_args!(
                    "duplicate header `{name}`: declare each header once; remove this one"
                ),
            ));
            ok = false;
        }
        let value = match &header.value {
            WrittenHeaderValue::Text(text) => {
                let value = text.value();
                if value
                    .chars()
                    .any(|c| !(c == ' ' || c == '\t' || c.is_ascii_graphic()))
                {
                    errors.push(error(
                        text.span(),
                        format_args!(
                            "the value of header `{name}` holds a character a header cannot carry (a line break, a control character, non-ASCII): write visible ASCII only"
                        ),
                    ));
                    ok = false;
                }
                HeaderValue::Text(value)
            }
            WrittenHeaderValue::Field(member) => {
                match field_ref(variant, Some(member), "headers", errors) {
                    Some(Some(field)) => HeaderValue::Field(field),
                    _ => {
                        ok = false;
                        continue;
                    }
                }
            }
        };
        headers.push(Header {
            name: name.clone(),
            value,
        });
    }
    ok.then_some(headers)
}
