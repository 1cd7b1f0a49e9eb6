//! rfc9457's compile-time rules, one function each (the crate docs'
//! "Compile-time rules" list them with their RFC sections). A rule pushes its errors, spanned on the token at fault, and
//! says whether the item can be used; it never stops the other rules.

use std::collections::HashMap;

use crate::errors::Errors;
use syn::LitStr;

use super::ABOUT_BLANK;
use super::keys::{self, Extension};
use super::reasons::reason_phrase;
use crate::format::error;
use crate::model::{Coded, Kind, Variant};
use crate::parse::keys::Key;
use crate::parse::{self, Spanned};

/// The members a problem always has or may have, which an extension must
/// not take.
const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// Whether `text` starts with a URI scheme and its `:` (RFC 3986 §3.1:
/// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`).
pub fn has_scheme(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Rule: `type_base` is an absolute URI (`scheme:…`, no spaces), since a
/// relative type URI confuses consumers (RFC 9457 §3.1.1).
pub fn check_type_base(type_base: &LitStr, errors: &mut Errors) -> Option<String> {
    let text = type_base.value();
    let usable = has_scheme(&text)
        && !text.ends_with(':')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control());
    if !usable {
        errors.push(error(
            type_base.span(),
            format_args!(
                "`type_base = {text:?}` is not an absolute URI: write a scheme and the rest, like type_base = \"https://example.com/probs/\" (RFC 9457 §3.1.1: relative type URIs confuse consumers)"
            ),
        ));
        return None;
    }
    Some(text)
}

/// Rule: `status` is required: a problem type documents its status
/// (RFC 9457 §4). Points at the variant's name: a missing key has no token.
pub fn status(variant: &parse::Variant, errors: &mut Errors) -> Option<Spanned<u16>> {
    match variant.attrs.status {
        Some(Spanned { value, span }) => u16::try_from(value)
            .ok()
            // Outside 400..=599: `rules::status_range` reported it.
            .filter(|value| (400..=599).contains(value))
            .map(|value| Spanned { value, span }),
        None => {
            if !variant.attrs.may_have(Key::Status) {
                errors.push(error(
                    variant.ident.span(),
                    format_args!(
                        "missing `status` on `{}`: a problem type documents its status (RFC 9457 §4); add #[api(status = …)] with a 4xx or 5xx status, like `status = 404`",
                        variant.ident
                    ),
                ));
            }
            None
        }
    }
}

/// Rule: `code` is written as the `code` member and returned by
/// `ApiError::code`, a `u16`: above 65535 it would not fit.
pub fn code(variant: &parse::Variant, errors: &mut Errors) -> Option<Option<u16>> {
    let Some(code) = variant.attrs.code else {
        return Some(None);
    };
    match u16::try_from(code.value) {
        Ok(value) => Some(Some(value)),
        Err(_) => {
            errors.push(error(
                code.span,
                format_args!(
                    "code {} is too large: an rfc9457 `code` is a 16-bit number (ApiError::code is a u16); use 0..=65535",
                    code.value
                ),
            ));
            None
        }
    }
}

/// The type URI of a variant: about:blank without `type`, the `type` when
/// it has a scheme, else `type_base` and the `type`.
///
/// Rule: a `type` with no scheme needs `type_base` to be appended to
/// (RFC 9457 §3.1.1: relative type URIs confuse consumers). `type_base`
/// is `Err(())` when it was written but refused (reported already).
pub fn type_uri(
    type_: Option<&LitStr>,
    type_base: Result<Option<&str>, ()>,
    errors: &mut Errors,
) -> Option<String> {
    let Some(lit) = type_ else {
        return Some(ABOUT_BLANK.to_owned());
    };
    let text = lit.value();
    if has_scheme(&text) {
        return Some(text);
    }
    match type_base {
        Ok(Some(base)) => Some(format!("{base}{text}")),
        Err(()) => None,
        Ok(None) => {
            errors.push(error(
                lit.span(),
                format_args!(
                    "`type = {text:?}` has no scheme, and the type has no `type_base` to append it to: write an absolute URI, like type = \"https://example.com/probs/{text}\", or add type_base = \"https://example.com/probs/\" to the type (RFC 9457 §3.1.1: relative type URIs confuse consumers)"
                ),
            ));
            None
        }
    }
}

/// Rules of the title: a problem type other than about:blank documents
/// its title (RFC 9457 §4); an about:blank problem (no `type`, or
/// `type = "about:blank"`) means nothing beyond its status (§4.2.1), so its
/// title is the status's reason phrase in the IANA registry, and a status
/// without one cannot be about:blank. Returns the default title
/// (`Some(None)`: the variant's own is used). `status` is `None` when it is
/// missing or refused (reported already).
pub fn title(
    variant: &parse::Variant,
    type_: Option<&LitStr>,
    status: Option<Spanned<u16>>,
    errors: &mut Errors,
) -> Option<Option<&'static str>> {
    let written = variant.attrs.title.as_ref();
    if let Some(type_) = type_.filter(|type_| type_.value() != ABOUT_BLANK) {
        if written.is_none() && !variant.attrs.may_have(Key::Title) {
            errors.push(error(
                type_.span(),
                format_args!(
                    "missing `title` on `{}`: a problem type documents its title (RFC 9457 §4); add title = \"…\", a short summary of the problem type {:?}",
                    variant.ident,
                    type_.value()
                ),
            ));
            return None;
        }
        return Some(None);
    }
    let status = status?;
    let Some(phrase) = reason_phrase(status.value) else {
        errors.push(error(
            status.span,
            format_args!(
                "status {} has no reason phrase in the IANA registry, so `{}` cannot be an about:blank problem (its title would be the phrase, RFC 9457 §4.2.1): give it a `type` and a `title`, like type = \"https://example.com/probs/…\", title = \"…\"",
                status.value, variant.ident
            ),
        ));
        return None;
    };
    match written {
        Some(title) if title.value() != phrase => {
            errors.push(error(
                title.span(),
                format_args!(
                    "an about:blank problem's title is its status's reason phrase, and {}'s is {phrase:?}: write title = {phrase:?} (or remove `title`), or give `{}` a `type` of its own to keep this title (RFC 9457 §4.2.1: about:blank means nothing beyond the status)",
                    status.value, variant.ident
                ),
            ));
            None
        }
        _ => Some(Some(phrase)),
    }
}

/// Rules of the extension members: a name starts with a letter and holds
/// only ASCII letters, digits and `_`, three characters at least (RFC 9457
/// §4, so that every format that carries problems can hold it); it is not
/// one of the standard members, nor `code` when the variant has a code,
/// nor another extension's.
pub fn extension_names(extensions: &[Extension<'_>], has_code: bool, errors: &mut Errors) -> bool {
    let mut ok = true;
    for (index, extension) in extensions.iter().enumerate() {
        let name = extension.name.as_str();
        let mut fail = |message: String| {
            errors.push(error(extension.span, message));
            ok = false;
        };
        if STANDARD_MEMBERS.contains(&name) {
            fail(format!(
                "the extension `{name}` would collide with the standard member `{name}`: name the member otherwise, like `{name}_value = field`{}",
                standard_hint(name)
            ));
        } else if name == "code" && has_code {
            fail(
                "the extension `code` would collide with the `code` member the variant's `code` writes: name the member otherwise, like `code_value = field`, or remove `code`".to_owned(),
            );
        } else if extensions[..index]
            .iter()
            .any(|earlier| earlier.name == name)
        {
            fail(format!(
                "the extension `{name}` is written twice, and a body has each member once: remove this one, or name it otherwise, like `other_{name} = field`"
            ));
        } else if !valid_name(name) {
            let like = suggest_name(name).map_or_else(
                || "in ASCII, like `size = field`".to_owned(),
                |near| format!("like `{near} = field`"),
            );
            fail(format!(
                "`{name}` is not an extension name: a name starts with a letter and holds only ASCII letters, digits and `_`, three characters at least (RFC 9457 §4); name the member as written, {like}"
            ));
        }
    }
    ok
}

/// Rule: `request_id = "name"` names an extension member by the rules of
/// extension names, and neither a standard member nor `code` (which a
/// variant's `code` writes).
pub fn request_id_name(name: &LitStr, errors: &mut Errors) -> bool {
    let text = name.value();
    if STANDARD_MEMBERS.contains(&text.as_str()) || text == "code" {
        errors.push(error(
            name.span(),
            format_args!(
                "`request_id = {text:?}` would write the request's id over the standard member `{text}`: name another member, like `request_id = \"trace_id\"`"
            ),
        ));
        return false;
    }
    if !valid_name(&text) {
        errors.push(error(
            name.span(),
            format_args!(
                "`request_id = {text:?}` is not an extension name: a name starts with a letter and holds only ASCII letters, digits and `_`, three characters at least (RFC 9457 §4), like `request_id = \"trace_id\"`"
            ),
        ));
        return false;
    }
    true
}

/// Rule: no extension of a variant takes the member the request's id is
/// written under.
pub fn request_id_free(
    request_id: Option<&LitStr>,
    extensions: &[Extension<'_>],
    errors: &mut Errors,
) -> bool {
    let Some(request_id) = request_id else {
        return true;
    };
    let name = request_id.value();
    let mut free = true;
    for extension in extensions.iter().filter(|extension| extension.name == name) {
        errors.push(error(
            extension.span,
            format_args!(
                "the extension `{name}` would collide with the member `request_id = \"{name}\"` writes the request's id under: name one of them otherwise"
            ),
        ));
        free = false;
    }
    free
}

/// What the standard member is for, when the user may have meant it.
fn standard_hint(name: &str) -> &'static str {
    match name {
        "detail" => ", or use `detail = field` for the detail itself",
        "instance" => ", or use `instance = field` for the instance itself",
        "title" => ", or use `title = \"…\"` for the title itself",
        "status" => ", or use `status = …` for the status itself",
        _ => ", or use `type = \"…\"` for the problem's type",
    }
}

/// RFC 9457 §4: `ALPHA *( ALPHA / DIGIT / "_" )`, length 3 or more.
fn valid_name(name: &str) -> bool {
    name.len() >= 3
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A valid name near `name`, for the message; `None` for a name with
/// letters beyond ASCII, which only its author can spell otherwise.
fn suggest_name(name: &str) -> Option<String> {
    if !name.is_ascii() {
        return None;
    }
    let kept: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let kept = kept.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    Some(match kept.len() {
        0 => "value".to_owned(),
        1 | 2 => format!("{kept}_value"),
        _ => kept.to_owned(),
    })
}

/// Rule: a `type` means one title and one status (RFC 9457 §3.1.3):
/// variants that share a type other than about:blank agree on them. Each
/// variant is compared with the first one of its type; the error points at
/// what differs in the later one (its `title` or `status`, or its `type`
/// when both do).
pub fn shared_types(variants: &[Variant<'_>], errors: &mut Errors) {
    let mut first_by_type: HashMap<&str, (&Variant<'_>, &Coded<'_>)> = HashMap::new();
    for variant in variants {
        let Kind::Coded(own) = &variant.kind else {
            continue;
        };
        let uri = own.plan.type_uri.as_str();
        if uri == ABOUT_BLANK {
            continue;
        }
        let Some(&(first, first_own)) = first_by_type.get(uri) else {
            first_by_type.insert(uri, (variant, own));
            continue;
        };
        let other_title = first_own.title.canonical() != own.title.canonical();
        let other_status = first_own.status != own.status;
        let source = variant.source;
        let type_span = keys::value_span(source, "type").unwrap_or_else(|| source.ident.span());
        let (span, gives, first_gives) = match (other_title, other_status) {
            (false, false) => continue,
            (true, false) => (
                source.attrs.title.as_ref().map_or(type_span, LitStr::span),
                format!("the title {:?}", own.title.written),
                format!("{:?}", first_own.title.written),
            ),
            (false, true) => (
                source.attrs.status.map_or(type_span, |status| status.span),
                format!("the status {}", own.status),
                first_own.status.to_string(),
            ),
            (true, true) => (
                type_span,
                format!(
                    "the title {:?} and the status {}",
                    own.title.written, own.status
                ),
                format!("{:?} and {}", first_own.title.written, first_own.status),
            ),
        };
        errors.push(error(
            span,
            format_args!(
                "`{}` gives the type {uri} {gives}, but `{}` gives it {first_gives}: a problem type has one title and one status (RFC 9457 §3.1.3); give both variants the same, or give `{}` a type of its own",
                source.ident, first.source.ident, source.ident
            ),
        ));
    }
}
